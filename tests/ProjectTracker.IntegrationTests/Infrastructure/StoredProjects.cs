using Dapper;
using Npgsql;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>What the database holds of projects created under a name prefix: each with its history and audit rows counted.</summary>
public static class StoredProjects
{
    public static async Task<Dictionary<string, (long History, long Audit)>> ByNameAsync(NpgsqlDataSource dataSource, string prefix)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string Name, long History, long Audit)>("""
                SELECT p.name_zh, (SELECT count(*) FROM project_history h WHERE h.project_id = p.id),
                       (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'project' AND a.entity_id = p.id)
                FROM projects p WHERE p.name_zh LIKE @prefix
                """, new { prefix = prefix + "%" }))
            .ToDictionary(row => row.Name, row => (row.History, row.Audit));
    }
}
