namespace ProjectTracker.Api.Projects;

/// <summary>The business rules of a project that need no database: amounts, phases, dates, statuses.</summary>
public static class ProjectRules
{
    /// <summary>Amounts are in 亿: more than 0, at most 4 decimals (1 万元), below 100,000 亿.</summary>
    public const int AmountDecimals = 4;
    public const decimal AmountCeiling = 100_000m;
    public const decimal SmallestAmount = 0.0001m;
    public const int NameZhMaxLength = 200;
    public const int NameEnMaxLength = 300;
    public const int InvestorMaxLength = 200;
    public const int MaxInvestors = 20;
    public const int MaxPhases = 10;
    public const int PhaseNameMaxLength = 20;
    public const int NotesMaxLength = 4000;
    public const decimal LandAreaCeilingSqm = 1_000_000_000m;

    /// <summary>An approximate total may differ from the sum of its phases by this share.</summary>
    public const decimal ApproxTolerance = 0.10m;

    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>The last year a target, a cohort or a report may be about (the targets table's own limit).</summary>
    public const int LatestYear = 2100;

    public static bool IsValidAmount(decimal amount) =>
        amount > 0 && amount < AmountCeiling && amount.Scale <= AmountDecimals;

    /// <summary>
    /// What totals count for a project: its stated amount, or when only its phases carry amounts,
    /// their sum — exact only if every phase is stated exactly; a lower bound if some phase has no amount.
    /// </summary>
    public static (decimal Amount, AmountQualifier Qualifier)? EffectiveAmount(decimal? amount, AmountQualifier? qualifier, IReadOnlyList<Phase> phases)
    {
        if (amount is { } stated) return (stated, qualifier ?? AmountQualifier.Exact);

        var priced = phases.Where(phase => phase.Amount is not null).ToList();
        if (priced.Count == 0) return null;

        var sum = priced.Sum(phase => phase.Amount!.Value);
        var combined = Combine(priced.Select(phase => phase.Qualifier ?? AmountQualifier.Exact));
        if (priced.Count < phases.Count)
        {
            combined = combined is AmountQualifier.AtMost or AmountQualifier.Approx ? AmountQualifier.Approx : AmountQualifier.AtLeast;
        }
        return (sum, combined);
    }

    /// <summary>The qualifier of a sum of qualified amounts.</summary>
    public static AmountQualifier Combine(IEnumerable<AmountQualifier> qualifiers)
    {
        var set = qualifiers.Where(q => q != AmountQualifier.Exact).ToHashSet();
        return set.Count switch
        {
            0 => AmountQualifier.Exact,
            1 => set.Single(),
            _ => AmountQualifier.Approx,
        };
    }

    /// <summary>
    /// When a project states both a total and phase amounts, they must agree: an exact total equals the sum;
    /// an approximate one is within 10 % of it; "at least" is not above it and "at most" not below it.
    /// With some phases unpriced, the priced ones must not exceed the total. Null when they agree.
    /// </summary>
    public static string? PhasesDisagreement(decimal? total, AmountQualifier? totalQualifier, IReadOnlyList<Phase> phases)
    {
        if (total is not { } stated || phases.All(phase => phase.Amount is null)) return null;

        var sum = phases.Sum(phase => phase.Amount ?? 0);
        var allPriced = phases.All(phase => phase.Amount is not null);
        var qualifier = totalQualifier ?? AmountQualifier.Exact;

        if (!allPriced)
        {
            return qualifier == AmountQualifier.AtLeast || sum <= stated
                ? null
                : $"the phases already add up to {sum} 亿, more than the total {stated} 亿";
        }
        var agrees = qualifier switch
        {
            AmountQualifier.Exact => sum == stated,
            AmountQualifier.Approx => Math.Abs(sum - stated) <= stated * ApproxTolerance,
            AmountQualifier.AtLeast => sum >= stated,
            AmountQualifier.AtMost => sum <= stated,
            _ => false,
        };
        return agrees ? null : $"the phases add up to {sum} 亿, which does not agree with the {Describe(qualifier)} total of {stated} 亿";
    }

    private static string Describe(AmountQualifier qualifier) => qualifier switch
    {
        AmountQualifier.Approx => "approximate",
        AmountQualifier.AtLeast => "at-least",
        AmountQualifier.AtMost => "at-most",
        _ => "exact",
    };

    /// <summary>Which status dates a status needs, and which it may not have yet.</summary>
    public static string? DatesDisagreeWithStatus(ProjectStatus status, PartialDate? signedOn, PartialDate? startedOn, PartialDate? completedOn) => status switch
    {
        ProjectStatus.Intent when signedOn is not null || startedOn is not null || completedOn is not null =>
            "an intent project has not been signed, started or completed yet: leave signedOn, startedOn and completedOn empty",
        ProjectStatus.Signed when startedOn is not null || completedOn is not null =>
            "a signed project has not started yet: leave startedOn and completedOn empty",
        ProjectStatus.Started when completedOn is not null => "a started project has not been completed yet: leave completedOn empty",
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="later"/> can follow <paramref name="earlier"/>: its period must not end before the
    /// earlier one begins (a start in "2023-02" can follow a signing on 2023-02-20).
    /// </summary>
    public static bool InOrder(PartialDate? earlier, PartialDate? later) =>
        earlier is not { } first || later is not { } second || second.End >= first.Start;

    /// <summary>Dates a stage can have: from 1990 to a year from today.</summary>
    public static bool IsPlausible(PartialDate date, DateOnly today) =>
        date.Start >= EarliestDate && date.Start <= today.AddYears(1);

    private static readonly ProjectStatus[] Lifecycle = [ProjectStatus.Intent, ProjectStatus.Signed, ProjectStatus.Started, ProjectStatus.Completed];

    /// <summary>
    /// Allowed moves: intent → signed → started → completed, one step at a time, and any status → cancelled.
    /// Anything else (backwards, skipping a step, leaving cancelled) only as an explicit correction.
    /// </summary>
    public static string? TransitionRefusal(ProjectStatus from, ProjectStatus to, bool correction)
    {
        if (from == to) return $"the project is already {Name(to)}";
        if (correction) return null;
        if (to == ProjectStatus.Cancelled) return null;
        if (from == ProjectStatus.Cancelled)
            return $"a cancelled project can only be reopened as a correction (set correction to true)";

        var step = Array.IndexOf(Lifecycle, to) - Array.IndexOf(Lifecycle, from);
        return step switch
        {
            1 => null,
            < 0 => $"moving back from {Name(from)} to {Name(to)} is a correction: set correction to true and say why in note",
            _ => $"a project goes {Name(from)} → {Name(Lifecycle[Array.IndexOf(Lifecycle, from) + 1])} before {Name(to)}",
        };
    }

    private static string Name(ProjectStatus status) => Common.EnumNames.Of(status);
}
