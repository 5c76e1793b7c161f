using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>How finely a rollup table breaks projects down.</summary>
public enum RollupGrain
{
    /// <summary><c>project_rollup_year</c>: stage, year, place, status, currency.</summary>
    Year,
    /// <summary><c>project_rollup_month</c>: the same, by month.</summary>
    Month,
    /// <summary><c>project_rollup_sector_year</c>: stage, year, place, sector, status, currency.</summary>
    SectorYear,
    /// <summary><c>project_rollup</c>: by month, place, sector, park, status, currency.</summary>
    Fine,
}

/// <summary>A dashboard rollup of one stage (aliased <c>r</c>) that answers a filter and a grouping exactly.</summary>
public sealed class RollupSource
{
    private readonly DashboardMeasure stage;

    private RollupSource(DashboardMeasure stage, RollupGrain grain)
    {
        this.stage = stage;
        Grain = grain;
    }

    public RollupGrain Grain { get; }

    public bool HasMonths => Grain is RollupGrain.Month or RollupGrain.Fine;

    public string Table => Grain switch
    {
        RollupGrain.Year => "project_rollup_year",
        RollupGrain.Month => "project_rollup_month",
        RollupGrain.SectorYear => "project_rollup_sector_year",
        _ => "project_rollup",
    };

    /// <summary>
    /// The coarsest rollup of <paramref name="measure"/> that answers this filter and grouping exactly, or null when only
    /// the projects table can. A rollup can answer when there is no filter on amounts, investors, text, change times or
    /// a batch, and dates only on the measure's own date, in whole months (whole years for the yearly rollup).
    /// </summary>
    public static RollupSource? For(ProjectFilter filter, DashboardMeasure measure, IReadOnlyCollection<Dimension> dimensions)
    {
        if (filter.MinAmount is not null || filter.MaxAmount is not null || !string.IsNullOrWhiteSpace(filter.Investor)
            || filter.UpdatedSince is not null || !string.IsNullOrWhiteSpace(filter.Q) || filter.Batch is not null) return null;

        var own = StageRange(measure, filter);
        var all = new[] { filter.SignedFrom, filter.SignedTo, filter.StartedFrom, filter.StartedTo, filter.CompletedFrom, filter.CompletedTo };
        var others = all.Count(date => date is not null) - (own.From is null ? 0 : 1) - (own.To is null ? 0 : 1);
        var wholeMonths = (own.From is not { } from || from.Start.Day == 1) && (own.To is not { } to || to.End.AddDays(1).Day == 1);
        if (others != 0 || !wholeMonths) return null;

        var wholeYears = (own.From is not { } f || f.Start.Month == 1) && (own.To is not { } t || t.End.Month == 12);
        var byYear = wholeYears && !dimensions.Any(d => d is Dimension.Month or Dimension.Quarter);
        if (filter.Park is not null || dimensions.Contains(Dimension.Park)) return new RollupSource(measure, RollupGrain.Fine);
        if (filter.Sector is not null || dimensions.Any(d => d is Dimension.Sector or Dimension.SectorCategory))
            return new RollupSource(measure, byYear ? RollupGrain.SectorYear : RollupGrain.Fine);
        return new RollupSource(measure, byYear ? RollupGrain.Year : RollupGrain.Month);
    }

    /// <summary>The filter as conditions on this rollup: the columns it shares with projects, and the stage's period.</summary>
    public string Conditions(ProjectFilter filter, ReferenceSnapshot reference, DynamicParameters parameters)
    {
        parameters.Add("stage", EnumNames.Of(stage));
        var where = ProjectFilterSql.SharedConditions(filter, reference, parameters, "r");
        where.Insert(0, "r.stage = @stage::rollup_stage");
        // The rollups keep one date per row (its stage's), to the month or to the year; a year-precise date counts from January, as it is stored.
        var (from, to) = StageRange(stage, filter);
        if (from is { } start)
        {
            parameters.Add("periodFromYear", (short)start.Start.Year);
            parameters.Add("periodFromMonth", (short)start.Start.Month);
            where.Add(HasMonths
                ? "r.period_year >= @periodFromYear AND (r.period_year, coalesce(r.period_month, 1)) >= (@periodFromYear, @periodFromMonth)"
                : "r.period_year >= @periodFromYear");
        }
        if (to is { } end)
        {
            parameters.Add("periodToYear", (short)end.End.Year);
            parameters.Add("periodToMonth", (short)end.End.Month);
            where.Add(HasMonths
                ? "r.period_year <= @periodToYear AND (r.period_year, coalesce(r.period_month, 1)) <= (@periodToYear, @periodToMonth)"
                : "r.period_year <= @periodToYear");
        }
        return string.Join("\n  AND ", where);
    }

    /// <summary>The date range on a stage's own date.</summary>
    private static (PartialDate? From, PartialDate? To) StageRange(DashboardMeasure stage, ProjectFilter filter) => stage switch
    {
        DashboardMeasure.Signed => (filter.SignedFrom, filter.SignedTo),
        DashboardMeasure.Started => (filter.StartedFrom, filter.StartedTo),
        DashboardMeasure.Completed => (filter.CompletedFrom, filter.CompletedTo),
        _ => (null, null),
    };
}
