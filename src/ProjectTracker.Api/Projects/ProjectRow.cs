using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>A row of the project query, as Dapper reads it (columns matched by snake_case name).</summary>
internal sealed class ProjectRow
{
    public long Id { get; init; }
    public string NameZh { get; init; } = "";
    public string? NameEn { get; init; }
    public ProjectKind Kind { get; init; }
    public string[] Investors { get; init; } = [];
    public string PlaceCode { get; init; } = "";
    public string? ParkCode { get; init; }
    public string SectorCode { get; init; } = "";
    public ProjectStatus Status { get; init; }
    public decimal? Amount { get; init; }
    public AmountQualifier? AmountQualifier { get; init; }
    public Currency Currency { get; init; }
    public string Phases { get; init; } = "[]";
    public decimal? EffectiveAmount { get; init; }
    public AmountQualifier? EffectiveQualifier { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DatePrecision? SignedOnPrecision { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DatePrecision? StartedOnPrecision { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public DatePrecision? CompletedOnPrecision { get; init; }
    public string? ProjectCode { get; init; }
    public decimal? LandAreaSqm { get; init; }
    public string? Notes { get; init; }
    public int Version { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? DeletedAt { get; init; }

    /// <summary>Whether the reference data knows this row's place, park and sector.</summary>
    public bool IsDescribedBy(ReferenceSnapshot reference) =>
        reference.FindPlace(PlaceCode) is not null && (ParkCode is null || reference.FindPark(ParkCode) is not null) && reference.FindSector(SectorCode) is not null;

    /// <summary>The project, its place, park and sector named from the reference data (which <see cref="IsDescribedBy"/> must hold).</summary>
    public Project ToProject(ReferenceSnapshot reference) => new(
        Id, NameZh, NameEn, Kind, Investors,
        reference.PlaceRef(PlaceCode) ?? throw Unknown("place", PlaceCode),
        ParkCode is null ? null : reference.FindPark(ParkCode) is { } park ? new NamedRef(park.Code, park.NameZh, park.NameEn) : throw Unknown("park", ParkCode),
        reference.FindSector(SectorCode) is { } sector ? new SectorRef(sector.Code, sector.NameZh, sector.NameEn, sector.CategoryCode ?? sector.Code) : throw Unknown("sector", SectorCode),
        Status, Amount, AmountQualifier, Currency, ProjectWrite.ReadPhases(Phases), EffectiveAmount, EffectiveQualifier,
        PartialDate.FromColumns(SignedOn, SignedOnPrecision),
        PartialDate.FromColumns(StartedOn, StartedOnPrecision),
        PartialDate.FromColumns(CompletedOn, CompletedOnPrecision),
        ProjectCode, LandAreaSqm, Notes, Version,
        CreatedAt.AsUtc(), UpdatedAt.AsUtc(), DeletedAt?.AsUtc());

    private InvalidOperationException Unknown(string kind, string code) => new($"Project {Id} names the {kind} '{code}', which the reference data lacks.");
}
