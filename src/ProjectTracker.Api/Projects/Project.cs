using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>A recorded investment project.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name, when known.</param>
/// <param name="Kind">investment, cooperation, platform or public_works.</param>
/// <param name="Investors">Investing companies.</param>
/// <param name="District">The place: district, county, development zone or city.</param>
/// <param name="Park">The park it lies in, when known.</param>
/// <param name="Sector">Its sector (industry or category), with the category it belongs to.</param>
/// <param name="Status">intent, signed, started, completed or cancelled.</param>
/// <param name="Amount">The investment as entered, in 亿 of the currency.</param>
/// <param name="AmountQualifier">exact, approx (约), at_least (超), at_most (近).</param>
/// <param name="Currency">CNY or USD.</param>
/// <param name="Phases">一期, 二期 … with their amounts.</param>
/// <param name="EffectiveAmount">What totals count: the amount, or the sum of the phases when only they carry amounts.</param>
/// <param name="EffectiveQualifier">How exact the effective amount is.</param>
/// <param name="SignedOn">Signing date, as precisely as known (2023-02-01, 2023-02 or 2023).</param>
/// <param name="StartedOn">Start of construction, as precisely as known.</param>
/// <param name="CompletedOn">Completion, as precisely as known.</param>
/// <param name="ProjectCode">National investment-project platform code.</param>
/// <param name="LandAreaSqm">Land area in square metres.</param>
/// <param name="Notes">Free text.</param>
/// <param name="Version">Row version; the ETag. Send it back in If-Match to update.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="DeletedAt">When it was deleted (only listed when syncing with updatedSince).</param>
public sealed record Project(
    long Id,
    string NameZh,
    string? NameEn,
    ProjectKind Kind,
    IReadOnlyList<string> Investors,
    NamedRef District,
    NamedRef? Park,
    SectorRef Sector,
    ProjectStatus Status,
    decimal? Amount,
    AmountQualifier? AmountQualifier,
    Currency Currency,
    IReadOnlyList<Phase> Phases,
    decimal? EffectiveAmount,
    AmountQualifier? EffectiveQualifier,
    PartialDate? SignedOn,
    PartialDate? StartedOn,
    PartialDate? CompletedOn,
    string? ProjectCode,
    decimal? LandAreaSqm,
    string? Notes,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt);

/// <summary>A sector with the municipal category it belongs to (itself, for a category).</summary>
public sealed record SectorRef(string Code, string NameZh, string NameEn, string CategoryCode);

/// <summary>One page of projects.</summary>
/// <param name="Items">The projects on this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Total">
/// How many projects match, when <c>includeTotal=true</c> was asked: counted up to 10,000 (exact totals of any size are
/// the dashboard's: <c>GET /api/dashboard/totals</c> with the same filters).
/// </param>
/// <param name="TotalIsLowerBound">The count stopped at 10,000: at least that many match.</param>
public sealed record ProjectPage(IReadOnlyList<Project> Items, string? NextCursor, long? Total, bool TotalIsLowerBound = false);

/// <summary>An entry in a project's history.</summary>
public sealed record ProjectHistoryEntry(
    long Id,
    ProjectEvent Event,
    ProjectStatus? FromStatus,
    ProjectStatus? ToStatus,
    PartialDate? Date,
    string? Note,
    string? Actor,
    DateTimeOffset RecordedAt);

/// <summary>Where a project's facts come from.</summary>
/// <param name="Document">The source document.</param>
/// <param name="Locator">Where in it (article, section, paragraph).</param>
/// <param name="Facts">Which fields of the project it states.</param>
public sealed record ProjectSource(SourceDocument Document, string Locator, IReadOnlyList<string> Facts);
