using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>
/// The database vanishes mid-load and comes back — cut off from the network, or its server stopped (pg_ctl stop -m fast,
/// which also kills every session) and started again: requests meanwhile get quick 503 problem details, readiness says
/// so, the API serves again by itself, every acknowledged write is stored, and no refused one is half-written.
/// </summary>
public sealed class DatabaseOutageUnderLoadTests(TestDatabase database) : DatabaseTests(database)
{
    private sealed record Outcome(string Name, int Status, TimeSpan Took, string? ContentType);

    [Fact]
    public async Task WritesDuringANetworkOutageAreAcknowledgedAndStoredOrRefusedAndAbsent()
    {
        var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2 }.ConnectionString;
        await RunOutageAsync(viaProxy, Database.DataSource, "断网压测项目", () => { proxy.Cut(); return Task.CompletedTask; }, () => { proxy.Resume(); return Task.CompletedTask; });
    }

    [Fact]
    public async Task WritesWhilePostgreSqlIsStoppedAndStartedAreAcknowledgedAndStoredOrRefusedAndAbsent()
    {
        Assert.SkipWhen(Database.Server.Cluster is null, "stopping a server needs a cluster of its own from the local PostgreSQL binaries");
        await using var cluster = await LocalCluster.StartAsync();
        var name = "outage";
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
        {
            await admin.OpenAsync(Cancellation);
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name, Timeout = 2 }.ConnectionString;
        TestHost.Migrator(connectionString).Migrate();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await RunOutageAsync(connectionString, dataSource, "停库压测项目", cluster.StopAsync, cluster.RestartAsync);
    }

    private async Task RunOutageAsync(string connectionString, NpgsqlDataSource check, string prefix, Func<Task> breakDatabase, Func<Task> restoreDatabase)
    {
        await using var api = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Auth:KeyCacheSeconds"] = "600" });
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Cancellation)).StatusCode);

        var outcomes = new ConcurrentBag<Outcome>();
        var readiness = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(9));
        var counter = 0;
        async Task Writer()
        {
            while (!stop.IsCancellationRequested)
            {
                var name = $"{prefix}{Interlocked.Increment(ref counter)}";
                var clock = Stopwatch.StartNew();
                var response = await client.PostAsync("/api/projects", ApiJson.Project(name, amount: 1m));
                outcomes.Add(new Outcome(name, (int)response.StatusCode, clock.Elapsed, response.Content.Headers.ContentType?.MediaType));
            }
        }
        var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(Writer)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        var triedBeforeBreak = Volatile.Read(ref counter);
        await breakDatabase();
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        readiness.Add((await client.GetAsync("/health/ready", Cancellation)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        await restoreDatabase();
        await Task.WhenAll(writers);

        var all = outcomes.ToList();
        var stored = await StoredProjects.ByNameAsync(check, prefix);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{prefix}: {all.Count} writes tried, {all.Count(o => o.Status == 201)} acknowledged, {all.Count(o => o.Status == 503)} answered 503 " +
            $"(slowest {all.Where(o => o.Status == 503).Select(o => o.Took.TotalMilliseconds).DefaultIfEmpty().Max():F0} ms), " +
            $"{all.Count(o => o.Status >= 500 && o.Status != 503)} other 5xx; {stored.Count} stored, all whole");
        Assert.DoesNotContain(all, o => o.Status >= 500 && o.Status != 503);
        Assert.Contains(all, o => o.Status == 503);
        Assert.All(all.Where(o => o.Status == 503), o =>
        {
            Assert.Equal("application/problem+json", o.ContentType);
            Assert.True(o.Took < TimeSpan.FromSeconds(8), $"a 503 took {o.Took}");
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.Single(readiness));
        Assert.Equal(HttpStatusCode.OK, await EventuallyReadyAsync(client));
        var acknowledged = all.Where(o => o.Status == 201).Select(o => o.Name).ToArray();
        // Writes are acknowledged before the outage and again once the database is back, with no restart of the API
        // (how many in each window depends on the machine's load, so only that they are is asserted).
        var numbers = acknowledged.Select(name => int.Parse(name[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains(numbers, number => number <= triedBeforeBreak);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/projects", ApiJson.Project(prefix + "恢复后", amount: 1m))).StatusCode);

        Assert.All(acknowledged, name => Assert.True(stored.ContainsKey(name), $"{name} was acknowledged but is not stored"));
        // A refused write is absent — or, when the commit got through and only its answer was lost, whole.
        Assert.All(stored.Values, row => Assert.Equal((1L, 1L), row));
        await using var connection = await check.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await RollupDrift.CountAsync(connection));
    }

    private static async Task<HttpStatusCode> EventuallyReadyAsync(HttpClient client)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 30 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync("/health/ready")).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(200);
        }
        return status;
    }
}
