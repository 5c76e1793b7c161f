using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Scaling;

/// <summary>
/// A real streaming standby of the test cluster (pg_basebackup -R, its own port) as ConnectionStrings:ProjectTrackerReadOnly:
/// lists and dashboards read there, project by id and every write go to the primary, and the standby refuses writes.
/// </summary>
public sealed class ReadReplicaTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task ListsAndDashboardsReadTheStandbyWhileWritesAndReadsByIdUseThePrimary()
    {
        Assert.SkipWhen(Database.Server.Cluster is null, "a standby is started from the local PostgreSQL binaries; this server came from " + Database.Server.Source);
        await using var standby = await Database.Server.Cluster!.StartStandbyAsync();
        var standbyDatabase = new NpgsqlConnectionStringBuilder(standby.ConnectionString) { Database = Database.Name }.ConnectionString;
        await using var api = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["ConnectionStrings:ProjectTrackerReadOnly"] = standbyDatabase });
        var client = api.CreateClient();

        var first = await client.CreateProjectAsync(ApiJson.Project("副本可见项目", amount: 2m));
        Assert.True(await EventuallyListedAsync(client, "副本可见项目"), "the standby never showed the first project");

        // With replay paused, the standby stops at what it has: a new project is on the primary only.
        await using (var control = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(standby.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await control.OpenAsync(Cancellation);
            await control.ExecuteAsync("SELECT pg_wal_replay_pause()");
            var totalsBefore = await TotalAsync(client);
            var second = await client.CreateProjectAsync(ApiJson.Project("主库新项目", amount: 3m));

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/projects/{second.Id}", Cancellation)).StatusCode);
            Assert.Empty(await ListedAsync(client, "主库新项目"));
            Assert.Equal(totalsBefore, await TotalAsync(client));

            await control.ExecuteAsync("SELECT pg_wal_replay_resume()");
        }
        Assert.True(await EventuallyListedAsync(client, "主库新项目"), "the standby did not catch up after replay resumed");

        var database = api.Services.GetRequiredService<ProjectTracker.Api.Common.Data.Database>();
        Assert.True(database.HasReplica);
        await using var connection = await database.QueryAsync(Cancellation);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("UPDATE projects SET notes = 'x' WHERE id = @id", new { id = first.Id }));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    private async Task<IReadOnlyList<Project>> ListedAsync(HttpClient client, string name) =>
        (await (await client.GetAsync($"/api/projects?q={Uri.EscapeDataString(name)}", Cancellation)).ReadAsync<ProjectPage>()).Items;

    private async Task<bool> EventuallyListedAsync(HttpClient client, string name)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await ListedAsync(client, name)).Count > 0) return true;
            await Task.Delay(100, Cancellation);
        }
        return false;
    }

    private async Task<long> TotalAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/dashboard/totals?groupBy=status", Cancellation)).ReadAsync<TotalsResult>()).Total.ProjectCount;
}
