using Dapper;
using Npgsql;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>Whether the dashboard rollups, every grain, still agree exactly with a fresh aggregation of the projects.</summary>
public static class RollupDrift
{
    /// <summary>Rows where any rollup grain and a fresh aggregation of the projects differ, either way.</summary>
    public const string Sql = """
        WITH fresh AS (
            SELECT c.stage, c.period_year, c.period_month, p.place_code, p.sector_code, p.status, p.currency, p.park_code,
                   count(*) AS project_count, coalesce(sum(p.effective_amount), 0) AS amount_sum,
                   count(*) FILTER (WHERE p.effective_amount IS NULL) AS without_amount,
                   count(*) FILTER (WHERE p.effective_qualifier = 'approx') AS approx_count,
                   count(*) FILTER (WHERE p.effective_qualifier = 'at_least') AS at_least_count,
                   count(*) FILTER (WHERE p.effective_qualifier = 'at_most') AS at_most_count
            FROM projects p CROSS JOIN LATERAL project_contributions(p) c
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
        fresh_sector_year AS (
            SELECT stage, period_year, place_code, sector_code, status, currency, sum(project_count), sum(amount_sum),
                   sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM fresh GROUP BY 1, 2, 3, 4, 5, 6),
        fresh_month AS (
            SELECT stage, period_year, period_month, place_code, status, currency, sum(project_count), sum(amount_sum),
                   sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM fresh GROUP BY 1, 2, 3, 4, 5, 6),
        fresh_year AS (
            SELECT stage, period_year, place_code, status, currency, sum(project_count), sum(amount_sum),
                   sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM fresh GROUP BY 1, 2, 3, 4, 5),
        kept AS (SELECT * FROM project_rollup WHERE project_count <> 0 OR amount_sum <> 0),
        kept_sector_year AS (SELECT * FROM project_rollup_sector_year WHERE project_count <> 0 OR amount_sum <> 0),
        kept_month AS (SELECT * FROM project_rollup_month WHERE project_count <> 0 OR amount_sum <> 0),
        kept_year AS (SELECT * FROM project_rollup_year WHERE project_count <> 0 OR amount_sum <> 0)
        SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) a)
             + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) b)
             + (SELECT count(*) FROM (SELECT * FROM fresh_sector_year EXCEPT SELECT * FROM kept_sector_year) g)
             + (SELECT count(*) FROM (SELECT * FROM kept_sector_year EXCEPT SELECT * FROM fresh_sector_year) h)
             + (SELECT count(*) FROM (SELECT * FROM fresh_month EXCEPT SELECT * FROM kept_month) c)
             + (SELECT count(*) FROM (SELECT * FROM kept_month EXCEPT SELECT * FROM fresh_month) d)
             + (SELECT count(*) FROM (SELECT * FROM fresh_year EXCEPT SELECT * FROM kept_year) e)
             + (SELECT count(*) FROM (SELECT * FROM kept_year EXCEPT SELECT * FROM fresh_year) f)
        """;

    /// <summary>How many rollup rows disagree with the projects (0 when the rollups are exact).</summary>
    public static async Task<long> CountAsync(NpgsqlConnection connection) => await connection.ExecuteScalarAsync<long>(Sql);
}
