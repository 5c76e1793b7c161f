using System.Net;
using Dapper;
using Npgsql;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>
/// The roles of db/roles.sql: migrations run as the schema's owner, the API as a role that reads and writes rows and
/// can change nothing else — and everything the API does still works.
/// </summary>
public sealed class DatabaseRoleTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task TheApiRunsAsARoleThatCanOnlyReadAndWriteRows()
    {
        var password = Guid.NewGuid().ToString("N");
        var name = $"pt_roles_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(Database.Server.AdminConnectionString))
        {
            await admin.OpenAsync(Cancellation);
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.Server.AdminConnectionString) { Database = name, Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(Cancellation);
            await admin.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(TestHost.RepositoryRoot, "db", "roles.sql"), Cancellation));
            await admin.ExecuteAsync($"ALTER ROLE projecttracker_owner PASSWORD '{password}'; ALTER ROLE projecttracker_app PASSWORD '{password}'");
        }
        try
        {
            string As(string role) => new NpgsqlConnectionStringBuilder(Database.Server.AdminConnectionString)
                { Database = name, Username = role, Password = password, Pooling = false }.ConnectionString;
            TestHost.Migrator(As("projecttracker_app"), As("projecttracker_owner")).Migrate();

            await using var api = new ApiFactory(As("projecttracker_app"));
            var client = api.CreateClient();
            var project = await client.CreateProjectAsync(ApiJson.Project("最小权限项目", amount: 1m));
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/projects/{project.Id}", ApiJson.Project("最小权限项目", amount: 2m), "\"1\"")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{project.Id}", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard/totals?groupBy=district", Cancellation)).StatusCode);

            await using var app = new NpgsqlConnection(As("projecttracker_app"));
            await app.OpenAsync(Cancellation);
            foreach (var sql in new[]
            {
                "CREATE TABLE intruder (id int)", "DROP TABLE projects", "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete",
                "TRUNCATE project_history", "CREATE INDEX intruder_index ON projects (notes)", "DROP FUNCTION apply_project_rollup(projects[], projects[])",
            })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(sql));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or "42501", $"{sql}: {refused.SqlState} {refused.MessageText}");
            }
            var auditTamper = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync("DELETE FROM audit_log"));
            Assert.Contains("append-only", auditTamper.MessageText);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Database.Server.AdminConnectionString);
            await admin.OpenAsync(Cancellation);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
