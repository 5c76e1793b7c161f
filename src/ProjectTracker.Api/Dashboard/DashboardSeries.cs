using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>A gap-free time series of one stage: every period from <c>from</c> to <c>to</c>, zero where nothing happened.</summary>
public sealed class DashboardSeries(GroupedFigures figures, ReferenceCatalog catalog)
{
    public async Task<SeriesResult> AskAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        var measure = query.Measure!.Value;
        var interval = query.Interval!.Value;
        var periods = Series.Periods(interval, query.From!.Value, query.To!.Value).ToList();
        var range = (From: new PartialDate(periods[0].Start, DatePrecision.Day), To: new PartialDate(periods[^1].End, DatePrecision.Day));
        ProjectFilter filter = measure switch
        {
            DashboardMeasure.Signed => query with { SignedFrom = range.From, SignedTo = range.To },
            DashboardMeasure.Started => query with { StartedFrom = range.From, StartedTo = range.To },
            _ => query with { CompletedFrom = range.From, CompletedTo = range.To },
        };
        var dimension = interval switch { SeriesInterval.Year => Dimension.Year, SeriesInterval.Quarter => Dimension.Quarter, _ => Dimension.Month };
        var reference = await catalog.CurrentAsync(cancellationToken);
        var rows = await figures.QueryAsync(filter, measure, [dimension], reference, withTotal: false, cancellationToken);

        // A date known only to its year has no month or quarter (2017-??): such projects are counted apart.
        bool Placed(FiguresRow row) => !row.K0!.Contains('?', StringComparison.Ordinal);
        var byPeriod = rows.Where(row => row.K0 is not null && Placed(row)).ToDictionary(row => row.K0!, row => row.Figures());
        var points = periods.Select(period => new SeriesPoint(period.Code, period.Start, period.End, byPeriod.GetValueOrDefault(period.Code) ?? FiguresSql.Zero)).ToList();
        var notPlaced = FiguresSql.Sum(rows.Where(row => row.K0 is not null && !Placed(row)).Select(row => row.Figures()));
        return new SeriesResult(measure, interval, GroupedFigures.DateBasis(measure), points, notPlaced);
    }
}
