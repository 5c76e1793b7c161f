using Dapper;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Api.Dashboard;

/// <summary>Targets beside the figure the projects reach, all computed in one query.</summary>
public sealed class DashboardTargets(Database database, ReferenceCatalog catalog)
{
    /// <summary>
    /// A target's figure is a total like any other, its place (with the places within it), park, sector (with its industries),
    /// year and stage being the filters: from the yearly sector rollup (the fine one for a park's target), or — when only
    /// projects of at least an amount count — from the projects, through the walk index of the stage's date. Counts count
    /// every currency; amounts are CNY.
    /// </summary>
    private const string Sql = """
        WITH listed AS (
            SELECT t.*, CASE WHEN t.measure IN ('signed_count', 'signed_amount') THEN 'signed'
                             WHEN t.measure IN ('started_count', 'started_amount') THEN 'started'
                             ELSE 'completed' END::rollup_stage AS stage,
                   t.measure IN ('signed_count', 'started_count', 'completed_count') AS is_count,
                   make_date(t.year, 1, 1) AS year_start, make_date(t.year, 12, 31) AS year_end
            FROM targets t
            WHERE (@year::integer IS NULL OR t.year = @year)
              AND (@places::text[] IS NULL OR t.place_code = ANY(@places)))
        SELECT t.id, t.title, t.place_code, t.park_code, t.sector_code, t.year, t.measure, t.min_project_amount,
               t.target_value, t.qualifier, d.title AS source, t.version,
               CASE WHEN t.is_count THEN coalesce(sum(x.count), 0) ELSE coalesce(sum(x.amount), 0) END AS actual
        FROM listed t
        LEFT JOIN documents d ON d.code = t.document_code
        LEFT JOIN LATERAL (
            SELECT sum(r.project_count) AS count, sum(r.amount_sum) FILTER (WHERE r.currency = 'CNY') AS amount
            FROM project_rollup_sector_year r
            WHERE t.min_project_amount IS NULL AND t.park_code IS NULL AND r.stage = t.stage AND r.period_year = t.year
              AND r.place_code IN (SELECT places_within(t.place_code))
              AND (t.sector_code IS NULL OR r.sector_code IN (SELECT sectors_within(t.sector_code)))
            UNION ALL
            SELECT sum(r.project_count), sum(r.amount_sum) FILTER (WHERE r.currency = 'CNY')
            FROM project_rollup r
            WHERE t.min_project_amount IS NULL AND t.park_code IS NOT NULL AND r.stage = t.stage AND r.period_year = t.year
              AND r.place_code IN (SELECT places_within(t.place_code)) AND r.park_code = t.park_code
              AND (t.sector_code IS NULL OR r.sector_code IN (SELECT sectors_within(t.sector_code)))
            UNION ALL
            SELECT count(*), sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY')
            FROM projects p
            WHERE t.min_project_amount IS NOT NULL AND p.deleted_at IS NULL AND coalesce(p.effective_amount, -1) >= t.min_project_amount
              AND p.place_code IN (SELECT places_within(t.place_code))
              AND (t.park_code IS NULL OR p.park_code = t.park_code)
              AND (t.sector_code IS NULL OR p.sector_code IN (SELECT sectors_within(t.sector_code)))
              AND ((t.stage = 'signed' AND p.status IN ('signed', 'started', 'completed') AND coalesce(p.signed_on, '-infinity'::date) BETWEEN t.year_start AND t.year_end)
                OR (t.stage = 'started' AND p.status IN ('started', 'completed') AND coalesce(p.started_on, '-infinity'::date) BETWEEN t.year_start AND t.year_end)
                OR (t.stage = 'completed' AND p.status = 'completed' AND coalesce(p.completed_on, '-infinity'::date) BETWEEN t.year_start AND t.year_end))
        ) x ON true
        GROUP BY t.id, t.title, t.place_code, t.park_code, t.sector_code, t.year, t.measure, t.min_project_amount,
                 t.target_value, t.qualifier, d.title, t.version, t.is_count
        ORDER BY t.year DESC, t.place_code, t.id
        """;

    public async Task<IReadOnlyList<TargetProgress>> AskAsync(TargetsQuery query, CancellationToken cancellationToken)
    {
        var reference = await catalog.CurrentAsync(cancellationToken);
        var places = reference.PlacesWithin(query.District);
        await using var connection = await database.QueryAsync(cancellationToken);
        return (await connection.QueryAsync<TargetRow>(new CommandDefinition(Sql, new { year = query.Year, places }, cancellationToken: cancellationToken)))
            .Select(target => target.ToProgress(reference)).ToList();
    }

    private sealed class TargetRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public string? ParkCode { get; init; }
        public string? SectorCode { get; init; }
        public int Year { get; init; }
        public TargetMeasure Measure { get; init; }
        public decimal? MinProjectAmount { get; init; }
        public decimal TargetValue { get; init; }
        public AmountQualifier Qualifier { get; init; }
        public string? Source { get; init; }
        public int Version { get; init; }
        public decimal Actual { get; init; }

        public TargetProgress ToProgress(ReferenceSnapshot reference) => new(
            Id, Title, GroupedFigures.Name(Dimension.District, PlaceCode, reference),
            ParkCode is null ? null : GroupedFigures.Name(Dimension.Park, ParkCode, reference),
            SectorCode is null ? null : GroupedFigures.Name(Dimension.Sector, SectorCode, reference),
            Year, Measure, MinProjectAmount, TargetValue, Qualifier, Actual,
            Math.Round(Actual / TargetValue, 4),
            Qualifier == AmountQualifier.AtMost ? Actual <= TargetValue : Actual >= TargetValue,
            Source, Version);
    }
}
