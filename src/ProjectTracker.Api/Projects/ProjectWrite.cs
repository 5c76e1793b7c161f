using System.Text.Json;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// A validated request in the shape the <c>projects</c> table stores: place slug resolved to its
/// code, enums as their database names, phases as JSON, and the derived columns (normalised name,
/// effective amount, search tokens) computed. Dapper binds its properties by name.
/// </summary>
public sealed record ProjectWrite
{
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public required string NormalizedName { get; init; }
    public required string Kind { get; init; }
    public required string[] Investors { get; init; }
    public required string PlaceCode { get; init; }
    public string? ParkCode { get; init; }
    public required string SectorCode { get; init; }
    public required string Status { get; init; }
    public decimal? Amount { get; init; }
    public string? AmountQualifier { get; init; }
    public required string Currency { get; init; }
    public required string Phases { get; init; }
    public decimal? EffectiveAmount { get; init; }
    public string? EffectiveQualifier { get; init; }
    public DateOnly? SignedOn { get; init; }
    public string? SignedOnPrecision { get; init; }
    public DateOnly? StartedOn { get; init; }
    public string? StartedOnPrecision { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string? CompletedOnPrecision { get; init; }
    public string? ProjectCode { get; init; }
    public decimal? LandAreaSqm { get; init; }
    public string? Notes { get; init; }
    public required string[] SearchTokens { get; init; }
    public required string SearchText { get; init; }

    /// <summary>Builds the stored form of a request that its validator has accepted.</summary>
    public static ProjectWrite From(ProjectRequest request, ReferenceSnapshot reference)
    {
        var nameZh = request.NameZh!;
        var investors = request.Investors?.ToArray() ?? [];
        var phases = PhaseRequest.ToPhases(request.Phases)
            .Select(phase => phase with { Qualifier = phase.Amount is null ? null : phase.Qualifier ?? Common.Values.AmountQualifier.Exact })
            .ToArray();
        var qualifier = request.Amount is null ? (AmountQualifier?)null : request.AmountQualifier ?? Common.Values.AmountQualifier.Exact;
        var effective = ProjectRules.EffectiveAmount(request.Amount, qualifier, phases);
        var (tokens, text) = ProjectSearch.ForProject(nameZh, request.NameEn);

        return new ProjectWrite
        {
            NameZh = nameZh,
            NameEn = request.NameEn,
            NormalizedName = Text.Fold(nameZh),
            Kind = EnumNames.Of(request.Kind!.Value),
            Investors = investors,
            PlaceCode = reference.FindPlace(request.District)!.Code,
            ParkCode = request.Park,
            SectorCode = request.Sector!,
            Status = EnumNames.Of(request.Status!.Value),
            Amount = request.Amount,
            AmountQualifier = qualifier is { } q ? EnumNames.Of(q) : null,
            Currency = EnumNames.Of(request.Currency ?? Common.Values.Currency.Cny),
            Phases = JsonSerializer.Serialize(phases, ApiServices.Json),
            EffectiveAmount = effective?.Amount,
            EffectiveQualifier = effective is { } e ? EnumNames.Of(e.Qualifier) : null,
            SignedOn = request.SignedOn?.Start,
            SignedOnPrecision = Precision(request.SignedOn),
            StartedOn = request.StartedOn?.Start,
            StartedOnPrecision = Precision(request.StartedOn),
            CompletedOn = request.CompletedOn?.Start,
            CompletedOnPrecision = Precision(request.CompletedOn),
            ProjectCode = request.ProjectCode,
            LandAreaSqm = request.LandAreaSqm,
            Notes = request.Notes,
            SearchTokens = tokens,
            SearchText = text,
        };
    }

    public static IReadOnlyList<Phase> ReadPhases(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<Phase[]>(json, ApiServices.Json) ?? []; // most projects have no phases

    private static string? Precision(PartialDate? date) => date is { } d ? EnumNames.Of(d.Precision) : null;

}
