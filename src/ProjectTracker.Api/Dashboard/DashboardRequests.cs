using System.Globalization;
using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>Totals: the project filters, one or two dimensions to group by, and what to count.</summary>
public sealed record TotalsQuery : ProjectFilter
{
    /// <summary>One or two of district, park, sector, sectorCategory, status, year, quarter, month (repeat, or separate with commas).</summary>
    public IReadOnlyList<string>? GroupBy { get; init; }

    /// <summary>current (default), signed, started or completed.</summary>
    public DashboardMeasure? Measure { get; init; }

    public IReadOnlyList<Dimension> Dimensions() => DimensionNames.Parse(GroupBy) ?? [];
}

/// <summary>A time series: the project filters, what to count, the interval and the range.</summary>
public sealed record SeriesQuery : ProjectFilter
{
    /// <summary>signed, started or completed.</summary>
    public DashboardMeasure? Measure { get; init; }

    /// <summary>month, quarter or year.</summary>
    public SeriesInterval? Interval { get; init; }

    /// <summary>First period (yyyy, yyyy-MM or yyyy-MM-dd; the period containing it).</summary>
    public PartialDate? From { get; init; }

    /// <summary>Last period (the period containing it).</summary>
    public PartialDate? To { get; init; }
}

/// <summary>The largest projects: the project filters, how to rank, how many.</summary>
public sealed record TopQuery : ProjectFilter
{
    /// <summary>What to rank by: amount (the only one so far).</summary>
    public string? By { get; init; }

    /// <summary>How many, 1 to 100 (default 10).</summary>
    public int? Limit { get; init; }
}

/// <summary>KPIs of a signing cohort year, optionally per group.</summary>
public sealed record KpiQuery : ProjectFilter
{
    /// <summary>The cohort: projects signed in this year (default: this year).</summary>
    public int? Year { get; init; }

    /// <summary>One of district, park, sector, sectorCategory (optional).</summary>
    public string? GroupBy { get; init; }

    /// <summary>Amount thresholds in 亿 (repeat, or separate with commas; default 1 and 5).</summary>
    public IReadOnlyList<string>? Thresholds { get; init; }

    /// <summary>The thresholds asked for (an unreadable one as -1, which the validator refuses), or 1 and 5.</summary>
    public IReadOnlyList<decimal> ThresholdValues()
    {
        var given = (Thresholds ?? []).OfType<string>().SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(value => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : -1m)
            .Distinct().Order().ToArray();
        return given.Length > 0 ? given : [1m, 5m];
    }
}

/// <summary>The early-warning lists.</summary>
public sealed record StalledQuery : ProjectFilter
{
    /// <summary>Flag signed projects not started this many months after signing (default 6).</summary>
    public int? MonthsSinceSigning { get; init; }

    /// <summary>Flag started projects not completed this many months after starting (default 24).</summary>
    public int? MonthsSinceStart { get; init; }

    /// <summary>At most this many per list, 1 to 500 (default 100).</summary>
    public int? Limit { get; init; }
}

/// <summary>Which targets to show.</summary>
public sealed record TargetsQuery
{
    /// <summary>Only targets of this year.</summary>
    public int? Year { get; init; }

    /// <summary>Only targets of places within this place (code or slug).</summary>
    public string? District { get; init; }
}

/// <summary>Which reported batches to show.</summary>
public sealed record BatchesQuery
{
    /// <summary>Only batches of places within this place.</summary>
    public string? District { get; init; }

    /// <summary>signing, groundbreaking or completion.</summary>
    public Batches.BatchKind? Kind { get; init; }

    /// <summary>Only batches whose period touches this year.</summary>
    public int? Year { get; init; }

    /// <summary>Only batches whose period ends on or after this date (yyyy, yyyy-MM or yyyy-MM-dd): with <c>to</c>, a dashboard's period of several years (2017 … 2025).</summary>
    public PartialDate? From { get; init; }

    /// <summary>Only batches whose period starts on or before this date (a partial date counts to its last day).</summary>
    public PartialDate? To { get; init; }
}

public static class DimensionNames
{
    /// <summary>The dimensions named in groupBy, or null if any name is unknown.</summary>
    public static IReadOnlyList<Dimension>? Parse(IReadOnlyList<string?>? values)
    {
        var result = new List<Dimension>();
        foreach (var name in (values ?? []).OfType<string>().SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var dimension = Enum.GetValues<Dimension>().Where(d => EnumNames.Of(d) == name).Cast<Dimension?>().FirstOrDefault();
            if (dimension is null) return null;
            result.Add(dimension.Value);
        }
        return result;
    }

    public static string Allowed => EnumNames.List(typeof(Dimension));
}

public sealed class TotalsQueryValidator : AbstractValidator<TotalsQuery>
{
    public TotalsQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        RuleFor(q => q.GroupBy)
            .MaxItems(2)
            .EachOneOf(typeof(Dimension))
            .Must(values => DimensionNames.Parse(values) is { Count: >= 1 and <= 2 } dims && dims.Distinct().Count() == dims.Count)
            .WithMessage($"groupBy must name one or two different dimensions of: {DimensionNames.Allowed}.");
        RuleFor(q => q.Measure).IsInEnum();
    }
}

public sealed class SeriesQueryValidator : AbstractValidator<SeriesQuery>
{
    public const int MaxPoints = 600;

    public SeriesQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        RuleFor(q => q.Measure).NotNull().WithMessage("measure is required: signed, started or completed.")
            .Must(measure => measure is not DashboardMeasure.Current).WithMessage("measure must be signed, started or completed.");
        RuleFor(q => q.Interval).NotNull().WithMessage("interval is required: month, quarter or year.").IsInEnum();
        RuleFor(q => q.From).NotNull().WithMessage("from is required, e.g. 2023-01.");
        RuleFor(q => q.To).NotNull().WithMessage("to is required, e.g. 2023-12.").MustNotEndBefore(q => q.From);
        RuleFor(q => q)
            .Must(q => Series.Periods(q.Interval!.Value, q.From!.Value, q.To!.Value).Take(MaxPoints + 1).Count() <= MaxPoints)
            .When(q => q.Interval is not null && q.From is not null && q.To is not null && q.To.Value.End >= q.From.Value.Start)
            .WithName("to").OverridePropertyName("to")
            .WithMessage($"the series may have at most {MaxPoints} periods.");
        RuleFor(q => q.SignedFrom).Null().When(q => q.Measure == DashboardMeasure.Signed).WithMessage("use from/to for the range of a series of signings.");
        RuleFor(q => q.SignedTo).Null().When(q => q.Measure == DashboardMeasure.Signed).WithMessage("use from/to for the range of a series of signings.");
        RuleFor(q => q.StartedFrom).Null().When(q => q.Measure == DashboardMeasure.Started).WithMessage("use from/to for the range of a series of starts.");
        RuleFor(q => q.StartedTo).Null().When(q => q.Measure == DashboardMeasure.Started).WithMessage("use from/to for the range of a series of starts.");
        RuleFor(q => q.CompletedFrom).Null().When(q => q.Measure == DashboardMeasure.Completed).WithMessage("use from/to for the range of a series of completions.");
        RuleFor(q => q.CompletedTo).Null().When(q => q.Measure == DashboardMeasure.Completed).WithMessage("use from/to for the range of a series of completions.");
    }
}

public sealed class TopQueryValidator : AbstractValidator<TopQuery>
{
    public TopQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        RuleFor(q => q.By).OneOf(["amount"]).WithMessage("by must be amount.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).When(q => q.Limit is not null).WithMessage("limit must be between 1 and 100.");
    }
}

public sealed class KpiQueryValidator : AbstractValidator<KpiQuery>
{
    private static readonly Dimension[] Allowed = [Dimension.Province, Dimension.City, Dimension.District, Dimension.Park, Dimension.Sector, Dimension.SectorCategory];

    public KpiQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        // A cohort's 同比 needs the year before it on record.
        RuleFor(q => q.Year).MustBeARecordYear(ProjectRules.EarliestDate.Year + 1);
        RuleFor(q => q.GroupBy)
            .OneOf([.. Allowed.Select(dimension => EnumNames.Of(dimension))])
            .WithMessage($"groupBy must be one of {string.Join(", ", Allowed.Select(dimension => EnumNames.Of(dimension)))}.");
        RuleFor(q => q.Thresholds).MaxItems(10).EachMaxLength(100)
            .WithMessage("thresholds must be up to 10 amounts in 亿, greater than 0 with at most 4 decimals, e.g. thresholds=1,5.");
        RuleFor(q => q.Thresholds)
            .Must((q, _) => q.ThresholdValues() is { Count: <= 10 } values && values.All(ProjectRules.IsValidAmount))
            .WithMessage("thresholds must be up to 10 amounts in 亿, greater than 0 with at most 4 decimals, e.g. thresholds=1,5.");
    }
}

public sealed class StalledQueryValidator : AbstractValidator<StalledQuery>
{
    public StalledQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        RuleFor(q => q.MonthsSinceSigning).InclusiveBetween(1, 600).When(q => q.MonthsSinceSigning is not null).WithMessage("monthsSinceSigning must be between 1 and 600.");
        RuleFor(q => q.MonthsSinceStart).InclusiveBetween(1, 600).When(q => q.MonthsSinceStart is not null).WithMessage("monthsSinceStart must be between 1 and 600.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 500).When(q => q.Limit is not null).WithMessage("limit must be between 1 and 500.");
    }
}

public sealed class TargetsQueryValidator : AbstractValidator<TargetsQuery>
{
    public TargetsQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.Year).MustBeARecordYear();
        RuleFor(q => q.District).MustBeKnownPlace(catalog);
    }
}

public sealed class BatchesQueryValidator : AbstractValidator<BatchesQuery>
{
    public BatchesQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.Year).MustBeARecordYear();
        RuleFor(q => q.District).MustBeKnownPlace(catalog);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.To).MustNotEndBefore(q => q.From);
    }
}
