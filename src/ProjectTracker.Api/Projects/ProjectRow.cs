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
    public string PlaceNameZh { get; init; } = "";
    public string PlaceNameEn { get; init; } = "";
    public string? ParkCode { get; init; }
    public string? ParkNameZh { get; init; }
    public string? ParkNameEn { get; init; }
    public string SectorCode { get; init; } = "";
    public string SectorNameZh { get; init; } = "";
    public string SectorNameEn { get; init; } = "";
    public string SectorCategoryCode { get; init; } = "";
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

    public Project ToProject() => new(
        Id, NameZh, NameEn, Kind, Investors,
        new NamedRef(PlaceCode, PlaceNameZh, PlaceNameEn),
        ParkCode is null ? null : new NamedRef(ParkCode, ParkNameZh!, ParkNameEn!),
        new SectorRef(SectorCode, SectorNameZh, SectorNameEn, SectorCategoryCode),
        Status, Amount, AmountQualifier, Currency, ProjectWrite.ReadPhases(Phases), EffectiveAmount, EffectiveQualifier,
        PartialDate.FromColumns(SignedOn, SignedOnPrecision),
        PartialDate.FromColumns(StartedOn, StartedOnPrecision),
        PartialDate.FromColumns(CompletedOn, CompletedOnPrecision),
        ProjectCode, LandAreaSqm, Notes, Version,
        Utc(CreatedAt), Utc(UpdatedAt), DeletedAt is { } deleted ? Utc(deleted) : null);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
