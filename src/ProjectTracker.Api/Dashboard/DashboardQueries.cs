using System.Globalization;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>
/// The dashboard's questions, each answered in SQL. Grouped figures come from the rollup
/// (<c>project_rollup</c>, kept exact by the write transactions) whenever the filters allow, and
/// otherwise from the projects table through the same <c>project_contributions</c> definition;
/// both give the same numbers, which a test checks.
/// </summary>
public sealed class DashboardQueries(Database database, ReferenceCatalog catalog, ProjectRepository projects, TimeProvider time)
{
    public async Task<TotalsResult> TotalsAsync(TotalsQuery query, CancellationToken cancellationToken)
    {
        var measure = query.Measure ?? DashboardMeasure.Current;
        var dimensions = query.Dimensions();
        var reference = await catalog.CurrentAsync(cancellationToken);
        var rows = await GroupedFiguresAsync(query, measure, dimensions, reference, withTotal: true, cancellationToken);

        var total = rows.FirstOrDefault(row => row.IsTotal == 1)?.Figures() ?? Zero;
        var groups = rows.Where(row => row.IsTotal == 0)
            .Select(row => new TotalsRow(Keys(dimensions, row, reference), row.Figures()))
            .ToList();
        return new TotalsResult(dimensions, measure, DateBasis(measure), groups, total);
    }

    public async Task<SeriesResult> SeriesAsync(SeriesQuery query, CancellationToken cancellationToken)
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
        var rows = await GroupedFiguresAsync(filter, measure, [dimension], reference, withTotal: false, cancellationToken);

        var byPeriod = rows.Where(row => row.K0 is not null && !row.K0.Contains('?', StringComparison.Ordinal)).ToDictionary(row => row.K0!, row => row.Figures());
        var points = periods.Select(period => new SeriesPoint(period.Code, period.Start, period.End, byPeriod.GetValueOrDefault(period.Code) ?? Zero)).ToList();
        var notPlaced = Sum(rows.Where(row => row.K0 is not null && row.K0.Contains('?', StringComparison.Ordinal)).Select(row => row.Figures()));
        return new SeriesResult(measure, interval, DateBasis(measure), points, notPlaced);
    }

    /// <summary>The largest projects by effective amount, in one currency (CNY unless asked), largest first.</summary>
    public async Task<IReadOnlyList<Project>> TopAsync(TopQuery query, CancellationToken cancellationToken)
    {
        var filter = query with { Currency = query.Currency ?? Currency.Cny, MinAmount = query.MinAmount ?? ProjectRules.SmallestAmount };
        var page = await projects.ListAsync(filter, ProjectSort.LargestFirst, query.Limit ?? 10, cursorText: null, includeTotal: false, cancellationToken);
        return page.Items;
    }

    public async Task<KpiResult> KpisAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var year = query.Year ?? time.GetLocalNow().Year;
        var dimension = query.GroupBy is null ? (Dimension?)null : DimensionNames.Parse([query.GroupBy])![0];
        var thresholds = query.ThresholdValues().ToArray();
        var reference = await catalog.CurrentAsync(cancellationToken);

        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(query, reference, parameters);
        parameters.Add("yearStart", new DateOnly(year, 1, 1));
        parameters.Add("yearEnd", new DateOnly(year, 12, 31));
        var key = dimension is { } d ? KeyExpression(d, "p", "NULL", "NULL").Code : "NULL::text";
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
            FROM projects p {SectorsFor(dimension is { } grouped ? [grouped] : [], "p")}
            CROSS JOIN LATERAL (SELECT CASE WHEN p.signed_on_precision = 'day' AND p.started_on_precision = 'day'
                                            THEN p.started_on - p.signed_on END AS to_start) days
            WHERE {where}
              AND p.status IN ('signed', 'started', 'completed')
              AND {ProjectSort.SignedOnKey} BETWEEN @yearStart AND @yearEnd
            GROUP BY 1 ORDER BY 1 NULLS LAST
            """;

        List<KpiCohortRow> cohorts;
        await using (var connection = await database.QueryAsync(cancellationToken))
        {
            cohorts = (await connection.QueryAsync<KpiCohortRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        }

        // 同比 from the grouped figures: the same filters, this year and last, by the stage's own date.
        var dimensions = dimension is { } g ? new[] { g, Dimension.Year } : [Dimension.Year];
        var lastYear = new PartialDate(new DateOnly(year - 1, 1, 1), DatePrecision.Year);
        var thisYear = new PartialDate(new DateOnly(year, 1, 1), DatePrecision.Year);
        var signings = await GroupedFiguresAsync(query with { SignedFrom = lastYear, SignedTo = thisYear }, DashboardMeasure.Signed, dimensions, reference, false, cancellationToken);
        var starts = await GroupedFiguresAsync(query with { StartedFrom = lastYear, StartedTo = thisYear }, DashboardMeasure.Started, dimensions, reference, false, cancellationToken);

        var keys = cohorts.Select(c => c.K0).Concat(signings.Select(r => dimension is null ? null : r.K0)).Concat(starts.Select(r => dimension is null ? null : r.K0)).Distinct().ToList();
        var rows = keys.Select(k =>
        {
            var cohort = cohorts.FirstOrDefault(c => c.K0 == k) ?? new KpiCohortRow { K0 = k };
            return new KpiRow(
                dimension is { } dim ? Name(dim, k, reference) : null,
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
        Figures In(int y) => Sum(rows.Where(r => (key is null || r.KeyAt(0) == key) && r.YearKey() == y.ToString(CultureInfo.InvariantCulture)).Select(r => r.Figures()));
        var now = In(year);
        var before = In(year - 1);
        return new YearOnYear(now.ProjectCount, before.ProjectCount, Change(now.ProjectCount, before.ProjectCount),
            now.AmountCny, before.AmountCny, Change(now.AmountCny, before.AmountCny));
    }

    public async Task<StalledResult> StalledAsync(StalledQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var reference = await catalog.CurrentAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(query, reference, parameters);
        parameters.Add("signedCutoff", today.AddMonths(-(query.MonthsSinceSigning ?? 6)));
        parameters.Add("startedCutoff", today.AddMonths(-(query.MonthsSinceStart ?? 24)));
        parameters.Add("limit", query.Limit ?? 100);
        // Oldest first by the last day each date may stand for, which the partial indexes of V0010/V0011 hold in order.
        var sql = $"""
            {ProjectColumns.Select}
            WHERE {where} AND p.status = 'signed' AND partial_date_end(p.signed_on, p.signed_on_precision) <= @signedCutoff
            ORDER BY partial_date_end(p.signed_on, p.signed_on_precision), p.id LIMIT @limit;
            {ProjectColumns.Select}
            WHERE {where} AND p.status = 'started' AND partial_date_end(p.started_on, p.started_on_precision) <= @startedCutoff
            ORDER BY partial_date_end(p.started_on, p.started_on_precision), p.id LIMIT @limit;
            SELECT count(*) FROM projects p
            WHERE {where} AND p.status = 'signed' AND partial_date_end(p.signed_on, p.signed_on_precision) IS NULL;
            """;
        await using var connection = await database.QueryAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var signed = await projects.ToProjectsAsync((await results.ReadAsync<ProjectRow>()).AsList(), cancellationToken);
        var started = await projects.ToProjectsAsync((await results.ReadAsync<ProjectRow>()).AsList(), cancellationToken);
        var undated = await results.ReadSingleAsync<long>();

        StalledProject Waiting(Project project, PartialDate date) => new(project, date.End, MonthsBetween(date.End, today));
        return new StalledResult(
            signed.Select(p => Waiting(p, p.SignedOn!.Value)).ToList(),
            started.Select(p => Waiting(p, p.StartedOn!.Value)).ToList(),
            undated);
    }

    public async Task<IReadOnlyList<TargetProgress>> TargetsAsync(TargetsQuery query, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT t.id, t.title, t.place_code, t.park_code, t.sector_code, t.year, t.measure, t.min_project_amount,
                   t.target_value, t.qualifier, d.title AS source, t.version
            FROM targets t
            LEFT JOIN documents d ON d.code = t.document_code
            WHERE (@year::integer IS NULL OR t.year = @year)
              AND (@places::text[] IS NULL OR t.place_code = ANY(@places))
            ORDER BY t.year DESC, t.place_code, t.id
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var places = reference.FindPlace(query.District) is { } place ? reference.PlaceAndDescendants(place.Code).ToArray() : null;
        List<TargetRow> targets;
        await using (var connection = await database.QueryAsync(cancellationToken))
        {
            targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition(Sql, new { year = query.Year, places }, cancellationToken: cancellationToken))).AsList();
        }

        // A target's actual figure is a total like any other, its place, park, sector, year and per-project
        // threshold being the filters: from a rollup when one answers it, otherwise from the projects.
        var progress = new List<TargetProgress>(targets.Count);
        foreach (var target in targets)
        {
            var (filter, stage) = target.AsTotal();
            var figures = Sum((await GroupedFiguresAsync(filter, stage, [], reference, false, cancellationToken)).Select(row => row.Figures()));
            progress.Add(target.ToProgress(reference, target.IsCount ? figures.ProjectCount : figures.AmountCny));
        }
        return progress;
    }

    public async Task<IReadOnlyList<BatchComparison>> BatchesAsync(BatchesQuery query, CancellationToken cancellationToken)
    {
        const string Batches = """
            SELECT b.id, b.code, b.kind, b.title, b.place_code, b.period_start, b.period_end, b.reported_project_count,
                   b.reported_amount, b.reported_qualifier, b.currency, b.min_project_amount, d.title AS source, b.notes,
                   i.project_count, i.amount_cny, i.amount_usd, i.without_amount, i.approx_count, i.at_least_count, i.at_most_count
            FROM batches b
            LEFT JOIN documents d ON d.code = b.document_code
            CROSS JOIN LATERAL (
                SELECT count(p.id) AS project_count,
                       coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), 0) AS amount_cny,
                       coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'USD'), 0) AS amount_usd,
                       count(p.id) FILTER (WHERE p.effective_amount IS NULL) AS without_amount,
                       count(p.id) FILTER (WHERE p.effective_qualifier = 'approx') AS approx_count,
                       count(p.id) FILTER (WHERE p.effective_qualifier = 'at_least') AS at_least_count,
                       count(p.id) FILTER (WHERE p.effective_qualifier = 'at_most') AS at_most_count
                FROM batch_projects bp JOIN projects p ON p.id = bp.project_id AND p.deleted_at IS NULL
                WHERE bp.batch_id = b.id
            ) i
            WHERE (@places::text[] IS NULL OR b.place_code = ANY(@places))
              AND (@kind::batch_kind IS NULL OR b.kind = @kind::batch_kind)
              AND (@year::integer IS NULL OR (b.period_start <= make_date(@year, 12, 31) AND b.period_end >= make_date(@year, 1, 1)))
            ORDER BY b.period_start NULLS LAST, b.id
            """;
        const string Breakdown = """
            SELECT bb.batch_id, bb.sector_code, bb.project_count AS reported_count, bb.amount AS reported_amount,
                   x.itemised_count, x.itemised_amount
            FROM batch_breakdown bb
            CROSS JOIN LATERAL (
                SELECT count(p.id) AS itemised_count, coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), 0) AS itemised_amount
                FROM batch_projects bp JOIN projects p ON p.id = bp.project_id AND p.deleted_at IS NULL
                WHERE bp.batch_id = bb.batch_id AND p.sector_code IN (SELECT sectors_within(bb.sector_code))
            ) x
            JOIN sectors s ON s.code = bb.sector_code
            WHERE bb.batch_id = ANY(@ids)
            ORDER BY bb.batch_id, s.sort_order
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var places = reference.FindPlace(query.District) is { } place ? reference.PlaceAndDescendants(place.Code).ToArray() : null;
        await using var connection = await database.QueryAsync(cancellationToken);
        var batches = (await connection.QueryAsync<BatchRow, Figures, BatchRow>(
            new CommandDefinition(Batches, new { places, kind = DbEnumName(query.Kind), year = query.Year }, cancellationToken: cancellationToken),
            (batch, itemised) => batch with { Itemised = itemised }, splitOn: "project_count")).ToList();
        var breakdown = (await connection.QueryAsync<BreakdownRow>(new CommandDefinition(Breakdown,
            new { ids = batches.Select(batch => batch.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(row => row.BatchId);
        return batches.Select(batch => batch.ToComparison(reference, breakdown[batch.Id])).ToList();
    }

    /// <summary>
    /// Figures grouped by the dimensions, from the rollup when it can answer the filter exactly,
    /// otherwise from the projects; with <paramref name="withTotal"/>, the grand total as its own row.
    /// </summary>
    private async Task<IReadOnlyList<FiguresRow>> GroupedFiguresAsync(ProjectFilter filter, DashboardMeasure measure, IReadOnlyList<Dimension> dimensions,
        ReferenceSnapshot reference, bool withTotal, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("stage", EnumNames.Of(measure));
        string from, where, figures, having, alias, year, month;
        var source = FilterSource.For(filter, measure, dimensions);
        if (!source.IsProjects)
        {
            (alias, year, month) = ("r", "r.period_year", source.HasMonths ? "r.period_month" : "NULL::smallint");
            from = $"{source.Table} r {SectorsFor(dimensions, "r")}";
            having = "HAVING sum(r.project_count) > 0";
            where = "r.stage = @stage::rollup_stage AND " + ProjectFilterSql.Conditions(filter, reference, parameters, source: source);
            figures = """
                sum(r.project_count)::bigint AS project_count,
                coalesce(sum(r.amount_sum) FILTER (WHERE r.currency = 'CNY'), 0) AS amount_cny,
                coalesce(sum(r.amount_sum) FILTER (WHERE r.currency = 'USD'), 0) AS amount_usd,
                sum(r.without_amount)::bigint AS without_amount, sum(r.approx_count)::bigint AS approx_count,
                sum(r.at_least_count)::bigint AS at_least_count, sum(r.at_most_count)::bigint AS at_most_count
                """;
        }
        else
        {
            (alias, year, month) = ("p", "c.period_year", "c.period_month");
            // The stage's date range is a range of its walk index, which holds every column read here: no row is read.
            from = $"""
                projects p CROSS JOIN LATERAL stage_contributions(p.status, p.signed_on, p.signed_on_precision, p.started_on, p.started_on_precision,
                    p.completed_on, p.completed_on_precision, p.deleted_at) c {SectorsFor(dimensions, "p")}
                """;
            having = "";
            where = "c.stage = @stage::rollup_stage AND " + ProjectFilterSql.Conditions(ProjectFilterSql.WithEveryStatusNamed(filter), reference, parameters);
            figures = """
                count(*) AS project_count,
                coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), 0) AS amount_cny,
                coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'USD'), 0) AS amount_usd,
                count(*) FILTER (WHERE p.effective_amount IS NULL) AS without_amount,
                count(*) FILTER (WHERE p.effective_qualifier = 'approx') AS approx_count,
                count(*) FILTER (WHERE p.effective_qualifier = 'at_least') AS at_least_count,
                count(*) FILTER (WHERE p.effective_qualifier = 'at_most') AS at_most_count
                """;
        }
        var keys = dimensions.Select(d => KeyExpression(d, alias, year, month)).ToList();
        var groupBy = string.Join(", ", keys.Select(key => key.GroupBy));
        var sql = keys.Count == 0
            ? $"SELECT 0 AS is_total, {figures}\nFROM {from}\nWHERE {where}\n{having}"
            : $"""
                SELECT {string.Join(", ", keys.Select((key, i) => $"{key.Code} AS k{i}"))},
                       {(withTotal ? $"sign(GROUPING({keys[0].GroupBy}))" : "0")} AS is_total, {figures}
                FROM {from}
                WHERE {where}
                GROUP BY {(withTotal ? $"GROUPING SETS (({groupBy}), ())" : groupBy)}
                {having}
                ORDER BY {string.Join(", ", keys.Select((_, i) => $"k{i} NULLS LAST"))}
                """;
        await using var connection = await database.QueryAsync(cancellationToken);
        return (await connection.QueryAsync<FiguresRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The join that <see cref="KeyExpression"/> needs for the sector category (<c>s</c>), when grouping by it.</summary>
    private static string SectorsFor(IReadOnlyCollection<Dimension> dimensions, string alias) =>
        dimensions.Contains(Dimension.SectorCategory) ? $"JOIN sectors s ON s.code = {alias}.sector_code" : "";

    /// <summary>
    /// Fixed SQL for a dimension (user input never reaches it): what rows are grouped by, and the code shown for a
    /// group, made from those grouped values. Periods and statuses are grouped as the numbers and enum values the
    /// rollups hold and turned into text once per group, not once per rollup row (six years of months aggregate
    /// tens of thousands of rows; formatting each one was most of the query's time).
    /// </summary>
    private static (string Code, string GroupBy) KeyExpression(Dimension dimension, string alias, string year, string month)
    {
        var quarter = $"(({month} + 2) / 3)";
        return dimension switch
        {
            Dimension.District => Same($"{alias}.place_code"),
            Dimension.Park => Same($"{alias}.park_code"),
            Dimension.Sector => Same($"{alias}.sector_code"),
            Dimension.SectorCategory => Same("coalesce(s.category_code, s.code)"),
            Dimension.Status => ($"{alias}.status::text", $"{alias}.status"),
            Dimension.Year => ($"{year}::text", year),
            Dimension.Quarter => ($"CASE WHEN {year} IS NULL THEN NULL WHEN {quarter} IS NULL THEN {year} || '-Q?' ELSE {year} || '-Q' || {quarter} END",
                $"{year}, {quarter}"),
            Dimension.Month => ($"CASE WHEN {year} IS NULL THEN NULL WHEN {month} IS NULL THEN {year} || '-??' ELSE {year} || '-' || lpad({month}::text, 2, '0') END",
                $"{year}, {month}"),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };

        static (string, string) Same(string expression) => (expression, expression);
    }

    private static IReadOnlyDictionary<string, GroupKey> Keys(IReadOnlyList<Dimension> dimensions, FiguresRow row, ReferenceSnapshot reference) =>
        dimensions.Select((dimension, i) => (dimension, code: row.KeyAt(i)))
            .ToDictionary(pair => EnumNames.Of(pair.dimension), pair => Name(pair.dimension, pair.code, reference));

    internal static GroupKey Name(Dimension dimension, string? code, ReferenceSnapshot reference) => dimension switch
    {
        Dimension.District => reference.FindPlace(code) is { } place ? new GroupKey(place.Code, place.NameZh, place.NameEn) : Unknown(code),
        Dimension.Park => code is null ? new GroupKey(null, "未指定园区", "No park") : reference.FindPark(code) is { } park ? new GroupKey(park.Code, park.NameZh, park.NameEn) : Unknown(code),
        Dimension.Sector or Dimension.SectorCategory => reference.FindSector(code) is { } sector ? new GroupKey(sector.Code, sector.NameZh, sector.NameEn) : Unknown(code),
        Dimension.Status => StatusName(code),
        _ => Series.Name(code),
    };

    private static GroupKey Unknown(string? code) => new(code, "未知", "Unknown");

    private static GroupKey StatusName(string? code) => code switch
    {
        "intent" => new(code, "意向", "Intent"),
        "signed" => new(code, "签约", "Signed"),
        "started" => new(code, "开工", "Started"),
        "completed" => new(code, "竣工投产", "Completed"),
        "cancelled" => new(code, "已取消", "Cancelled"),
        _ => Unknown(code),
    };

    private static string DateBasis(DashboardMeasure measure) => measure switch
    {
        DashboardMeasure.Signed => "signedOn",
        DashboardMeasure.Started => "startedOn",
        DashboardMeasure.Completed => "completedOn",
        _ => "statusDate",
    };

    private static readonly Figures Zero = new(0, 0, 0, 0, 0, 0, 0);

    private static Figures Sum(IEnumerable<Figures> figures) => figures.Aggregate(Zero, (a, b) => new Figures(
        a.ProjectCount + b.ProjectCount, a.AmountCny + b.AmountCny, a.AmountUsd + b.AmountUsd, a.WithoutAmount + b.WithoutAmount,
        a.ApproxCount + b.ApproxCount, a.AtLeastCount + b.AtLeastCount, a.AtMostCount + b.AtMostCount));

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static decimal? Change(decimal now, decimal before) => before == 0 ? null : Math.Round((now - before) / before, 4);

    private static int MonthsBetween(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);

    private static string? DbEnumName(Enum? value) => value is null ? null : EnumNames.Of(value);

    internal sealed class FiguresRow
    {
        public string? K0 { get; init; }
        public string? K1 { get; init; }
        public int IsTotal { get; init; }
        public long ProjectCount { get; init; }
        public decimal AmountCny { get; init; }
        public decimal AmountUsd { get; init; }
        public long WithoutAmount { get; init; }
        public long ApproxCount { get; init; }
        public long AtLeastCount { get; init; }
        public long AtMostCount { get; init; }

        public string? KeyAt(int index) => index == 0 ? K0 : K1;

        /// <summary>The year column of a (group, year) or (year) grouping.</summary>
        public string? YearKey() => K1 ?? K0;

        public Figures Figures() => new(ProjectCount, AmountCny, AmountUsd, WithoutAmount, ApproxCount, AtLeastCount, AtMostCount);
    }

    private sealed class KpiCohortRow
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

    private sealed class TargetRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public string? ParkCode { get; init; }
        public string? SectorCode { get; init; }
        public int Year { get; init; }
        public Targets.TargetMeasure Measure { get; init; }
        public decimal? MinProjectAmount { get; init; }
        public decimal TargetValue { get; init; }
        public AmountQualifier Qualifier { get; init; }
        public string? Source { get; init; }
        public int Version { get; init; }

        public bool IsCount => Measure is Targets.TargetMeasure.SignedCount or Targets.TargetMeasure.StartedCount or Targets.TargetMeasure.CompletedCount;

        /// <summary>The totals query whose figure the target is measured by (amount targets count CNY).</summary>
        public (ProjectFilter Filter, DashboardMeasure Stage) AsTotal()
        {
            var year = new PartialDate(new DateOnly(Year, 1, 1), DatePrecision.Year);
            var filter = new ProjectFilter { District = [PlaceCode], Park = ParkCode, Sector = SectorCode, MinAmount = MinProjectAmount };
            return Measure switch
            {
                Targets.TargetMeasure.SignedCount or Targets.TargetMeasure.SignedAmount => (filter with { SignedFrom = year, SignedTo = year }, DashboardMeasure.Signed),
                Targets.TargetMeasure.StartedCount or Targets.TargetMeasure.StartedAmount => (filter with { StartedFrom = year, StartedTo = year }, DashboardMeasure.Started),
                _ => (filter with { CompletedFrom = year, CompletedTo = year }, DashboardMeasure.Completed),
            };
        }

        public TargetProgress ToProgress(ReferenceSnapshot reference, decimal actual) => new(
            Id, Title, Name(Dimension.District, PlaceCode, reference),
            ParkCode is null ? null : Name(Dimension.Park, ParkCode, reference),
            SectorCode is null ? null : Name(Dimension.Sector, SectorCode, reference),
            Year, Measure, MinProjectAmount, TargetValue, Qualifier, actual,
            Math.Round(actual / TargetValue, 4),
            Qualifier == AmountQualifier.AtMost ? actual <= TargetValue : actual >= TargetValue,
            Source, Version);
    }

    private sealed record BatchRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public Batches.BatchKind Kind { get; init; }
        public string Title { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public int? ReportedProjectCount { get; init; }
        public decimal? ReportedAmount { get; init; }
        public AmountQualifier? ReportedQualifier { get; init; }
        public Currency Currency { get; init; }
        public decimal? MinProjectAmount { get; init; }
        public string? Source { get; init; }
        public string? Notes { get; init; }
        public Figures Itemised { get; init; } = Zero;

        public BatchComparison ToComparison(ReferenceSnapshot reference, IEnumerable<BreakdownRow> breakdown)
        {
            var itemisedAmount = Currency == Currency.Usd ? Itemised.AmountUsd : Itemised.AmountCny;
            return new BatchComparison(Id, Code, Kind, Title, Name(Dimension.District, PlaceCode, reference), PeriodStart, PeriodEnd,
                new ReportedFigures(ReportedProjectCount, ReportedAmount, ReportedQualifier, Currency), Itemised,
                ReportedProjectCount is { } count ? count - Itemised.ProjectCount : null,
                ReportedAmount is { } amount ? amount - itemisedAmount : null,
                MinProjectAmount,
                breakdown.Select(row => new BreakdownComparison(Name(Dimension.Sector, row.SectorCode, reference), row.ReportedCount,
                    row.ReportedAmount, row.ItemisedCount, row.ItemisedAmount)).ToList(),
                Source, Notes);
        }
    }

    private sealed class BreakdownRow
    {
        public long BatchId { get; init; }
        public string SectorCode { get; init; } = "";
        public int? ReportedCount { get; init; }
        public decimal? ReportedAmount { get; init; }
        public long ItemisedCount { get; init; }
        public decimal ItemisedAmount { get; init; }
    }
}
