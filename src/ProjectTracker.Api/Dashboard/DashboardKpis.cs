using System.Globalization;
using Dapper;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>The KPIs of a signing cohort year (开工率, 投产率, days from signing to start, amount thresholds), with 同比.</summary>
public sealed class DashboardKpis(Database database, GroupedFigures figures, ReferenceCatalog catalog, TimeProvider time)
{
    public async Task<KpiResult> AskAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var year = query.Year ?? time.GetLocalNow().Year;
        var dimension = query.GroupBy is null ? (Dimension?)null : DimensionNames.Parse([query.GroupBy])![0];
        var thresholds = query.ThresholdValues().ToArray();
        var reference = await catalog.CurrentAsync(cancellationToken);

        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(query, reference, parameters);
        parameters.Add("yearStart", new DateOnly(year, 1, 1));
        parameters.Add("yearEnd", new DateOnly(year, 12, 31));
        var key = dimension is { } d ? GroupedFigures.KeyExpression(d, "p", "NULL", "NULL").Code : "NULL::text";
        // One pass over the cohort (an index-only scan of projects_walk_signed): a column pair per threshold.
        var reached = thresholds.Select((threshold, i) =>
        {
            parameters.Add($"threshold{i}", threshold);
            return $"p.currency = 'CNY' AND p.effective_amount >= @threshold{i}";
        }).ToList();
        var sql = $"""
            SELECT {key} AS k0, count(*) AS signed,
                   count(*) FILTER (WHERE p.status IN ('started', 'completed')) AS started_of_signed,
                   count(*) FILTER (WHERE p.status = 'completed') AS completed_of_signed,
                   round(avg(days.to_start), 1) AS average_days_to_start,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY days.to_start) AS median_days_to_start,
                   count(days.to_start) AS days_to_start_sample,
                   ARRAY[{string.Join(", ", reached.Select(condition => $"count(*) FILTER (WHERE {condition})"))}]::bigint[] AS threshold_counts,
                   ARRAY[{string.Join(", ", reached.Select(condition => $"coalesce(sum(p.effective_amount) FILTER (WHERE {condition}), 0)"))}]::numeric[] AS threshold_amounts
            FROM projects p {GroupedFigures.JoinsFor(dimension is { } grouped ? [grouped] : [], "p", reference, parameters)}
            CROSS JOIN LATERAL (SELECT CASE WHEN p.signed_on_precision = 'day' AND p.started_on_precision = 'day'
                                            THEN p.started_on - p.signed_on END AS to_start) days
            WHERE {where}
              AND p.status IN ('signed', 'started', 'completed')
              AND {ProjectSort.SignedOnKey} BETWEEN @yearStart AND @yearEnd
            GROUP BY 1 ORDER BY 1 NULLS LAST
            """;

        List<CohortRow> cohorts;
        await using (var connection = await database.QueryAsync(cancellationToken))
        {
            cohorts = (await connection.QueryAsync<CohortRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        }

        // 同比 from the grouped figures: the same filters, this year and last, by the stage's own date.
        var dimensions = dimension is { } g ? new[] { g, Dimension.Year } : [Dimension.Year];
        var lastYear = new PartialDate(new DateOnly(year - 1, 1, 1), DatePrecision.Year);
        var thisYear = new PartialDate(new DateOnly(year, 1, 1), DatePrecision.Year);
        var signings = await figures.QueryAsync(query with { SignedFrom = lastYear, SignedTo = thisYear }, DashboardMeasure.Signed, dimensions, reference, false, cancellationToken);
        var starts = await figures.QueryAsync(query with { StartedFrom = lastYear, StartedTo = thisYear }, DashboardMeasure.Started, dimensions, reference, false, cancellationToken);

        var keys = cohorts.Select(c => c.K0).Concat(signings.Select(r => dimension is null ? null : r.K0)).Concat(starts.Select(r => dimension is null ? null : r.K0)).Distinct().ToList();
        var rows = keys.Select(k =>
        {
            var cohort = cohorts.FirstOrDefault(c => c.K0 == k) ?? new CohortRow { K0 = k };
            return new KpiRow(
                dimension is { } dim ? GroupedFigures.Name(dim, k, reference) : null,
                cohort.Signed, cohort.StartedOfSigned, cohort.CompletedOfSigned,
                Ratio(cohort.StartedOfSigned, cohort.Signed), Ratio(cohort.CompletedOfSigned, cohort.Signed),
                cohort.AverageDaysToStart, cohort.MedianDaysToStart is { } median ? (decimal)median : null, cohort.DaysToStartSample,
                thresholds.Select((t, i) => cohort.ThresholdCounts.Length > i
                    ? new ThresholdFigures(t, cohort.ThresholdCounts[i], cohort.ThresholdAmounts[i]) : new ThresholdFigures(t, 0, 0)).ToList(),
                YearOnYear(signings, dimension is null ? null : k, year), YearOnYear(starts, dimension is null ? null : k, year));
        }).OrderBy(row => row.Key?.Code, StringComparer.Ordinal).ToList();
        return new KpiResult(year, dimension, rows);
    }

    private static YearOnYear YearOnYear(IReadOnlyList<FiguresRow> rows, string? key, int year)
    {
        Figures In(int y) => FiguresSql.Sum(rows.Where(r => (key is null || r.KeyAt(0) == key) && r.YearKey() == y.ToString(CultureInfo.InvariantCulture)).Select(r => r.Figures()));
        var now = In(year);
        var before = In(year - 1);
        return new YearOnYear(now.ProjectCount, before.ProjectCount, Change(now.ProjectCount, before.ProjectCount),
            now.AmountCny, before.AmountCny, Change(now.AmountCny, before.AmountCny));
    }

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static decimal? Change(decimal now, decimal before) => before == 0 ? null : Math.Round((now - before) / before, 4);

    private sealed class CohortRow
    {
        public string? K0 { get; init; }
        public long Signed { get; init; }
        public long StartedOfSigned { get; init; }
        public long CompletedOfSigned { get; init; }
        public decimal? AverageDaysToStart { get; init; }
        public double? MedianDaysToStart { get; init; }
        public long DaysToStartSample { get; init; }
        public long[] ThresholdCounts { get; init; } = [];
        public decimal[] ThresholdAmounts { get; init; } = [];
    }
}
