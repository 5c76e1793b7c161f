using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>Totals by one or two dimensions, with the grand total the database computes alongside.</summary>
public sealed class DashboardTotals(GroupedFigures figures, ReferenceCatalog catalog)
{
    public async Task<TotalsResult> AskAsync(TotalsQuery query, CancellationToken cancellationToken)
    {
        var measure = query.Measure ?? DashboardMeasure.Current;
        var dimensions = query.Dimensions();
        var reference = await catalog.CurrentAsync(cancellationToken);
        var rows = await figures.QueryAsync(query, measure, dimensions, reference, withTotal: true, cancellationToken);

        var total = rows.FirstOrDefault(row => row.IsTotal == 1)?.Figures() ?? FiguresSql.Zero;
        var groups = rows.Where(row => row.IsTotal == 0)
            .Select(row => new TotalsRow(dimensions.Select((dimension, i) => (dimension, code: row.KeyAt(i)))
                .ToDictionary(pair => EnumNames.Of(pair.dimension), pair => GroupedFigures.Name(pair.dimension, pair.code, reference)), row.Figures()))
            .ToList();
        return new TotalsResult(dimensions, measure, GroupedFigures.DateBasis(measure), groups, total);
    }
}
