using FluentValidation;

namespace ProjectTracker.Api.Projects;

/// <summary>The years and periods queries may ask about, each rule with the one message that says so.</summary>
public static class PeriodRules
{
    /// <summary>From <paramref name="earliest"/> (default: the first year records start) to <see cref="ProjectRules.LatestYear"/>; empty passes.</summary>
    public static IRuleBuilderOptions<T, int?> MustBeARecordYear<T>(this IRuleBuilder<T, int?> rule, int? earliest = null)
    {
        var from = earliest ?? ProjectRules.EarliestDate.Year;
        return rule.InclusiveBetween(from, ProjectRules.LatestYear).WithMessage($"year must be between {from} and {ProjectRules.LatestYear}.");
    }

    /// <summary>A period's end (<c>to</c>) that does not come before its start (<c>from</c>); either empty passes.</summary>
    public static IRuleBuilderOptions<T, PartialDate?> MustNotEndBefore<T>(this IRuleBuilder<T, PartialDate?> rule, Func<T, PartialDate?> start) =>
        rule.Must((query, end) => end is not { } to || start(query) is not { } from || to.End >= from.Start).WithMessage("to cannot be before from.");
}
