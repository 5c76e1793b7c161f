using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Scaling;

/// <summary>Each kind of work has a pool of its own, so one kind holding all of its connections cannot stall the others.</summary>
public sealed class ConnectionPoolTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task ReadsAnswerWhileTransactionsHoldEveryConnectionOfTheWritePool()
    {
        var client = Client();
        var project = await client.CreateProjectAsync(ApiJson.Project("连接池读取项目", amount: 3m));
        var pools = Database.Api.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = Database.Api.Services.GetRequiredService<Api.Common.Data.Database>();
        await using var held = await HoldAsync(pools.Writes.Connections, db.WriteAsync);

        Assert.Equal("连接池读取项目", (await (await client.GetAsync($"/api/projects/{project.Id}", Cancellation)).ReadAsync<Project>()).NameZh);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects?q=连接池&limit=5", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard/totals?groupBy=district", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ReadsByIdWritesAndReadinessAnswerWhileListsHoldEveryConnectionOfTheirPool()
    {
        var client = Client();
        var project = await client.CreateProjectAsync(ApiJson.Project("连接池列表项目", amount: 3m));
        var pools = Database.Api.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = Database.Api.Services.GetRequiredService<Api.Common.Data.Database>();
        await using var held = await HoldAsync(pools.Queries.Connections, db.QueryAsync);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/projects/{project.Id}", Cancellation)).StatusCode);
        await client.CreateProjectAsync(ApiJson.Project("连接池写入项目", amount: 1m));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ManyConcurrentReadsOnAColdApiNeverWaitOnEachOtherForConnections()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("冷启动读取项目", amount: 2m));
        var key = Database.Api.CreateKey(Api.Auth.ApiRole.Viewer);
        // A new API whose reference data is not loaded yet, with a pool of two for reads: a read that held its connection
        // while the reference data loaded (through the same pool) would leave none for the load, and every read would wait.
        var cold = Database.ApiWith(new Dictionary<string, string?> { ["Database:Reads:Connections"] = "2" }, authenticate: false);
        var client = cold.CreateClient(key);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync($"/api/projects/{project.Id}", Cancellation)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"40 cold reads took {clock.Elapsed.TotalSeconds:F1} s (a pool waited for its own connections)");
    }

    /// <summary>Takes this many connections of a pool, each in an open transaction, until disposed.</summary>
    private async Task<HeldConnections> HoldAsync(int count, Func<CancellationToken, ValueTask<NpgsqlConnection>> open)
    {
        var held = new HeldConnections();
        for (var i = 0; i < count; i++)
        {
            var connection = await open(Cancellation);
            held.Add(connection);
            await connection.BeginTransactionAsync(Cancellation);
        }
        return held;
    }

    private sealed class HeldConnections : List<NpgsqlConnection>, IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var connection in this) await connection.DisposeAsync();
        }
    }
}
