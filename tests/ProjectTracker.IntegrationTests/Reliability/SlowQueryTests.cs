using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>
/// No slow query can starve or wedge the API. The real API process, with short time limits, under many concurrent
/// readers while every query on projects is made slow (a lock held on the table, so each waits until its time limit)
/// or while every one of its connections is terminated: answers stay bounded in time, the only 5xx is the declared
/// 503 problem, and once the database is well again reads by id answer fast and readiness is green within seconds.
/// </summary>
public sealed class SlowQueryTests(TestDatabase database) : DatabaseTests(database)
{
    private sealed record Answer(string Path, int Status, TimeSpan Took, string? ContentType, bool HasRetryAfter);

    private static readonly Dictionary<string, string> ShortLimits = new()
    {
        ["Database__Reads__StatementTimeout"] = "00:00:01",
        ["Database__Queries__StatementTimeout"] = "00:00:01.5",
        ["Database__Writes__StatementTimeout"] = "00:00:02",
        ["Auth__KeyCacheSeconds"] = "600",
    };

    [Fact]
    public async Task AfterSlowQueriesSaturateTheApiReadsAndReadinessRecoverWithinSeconds()
    {
        await RunAsync("锁表", async lockHolder =>
        {
            // Every query on projects waits behind this lock until its time limit stops it.
            await using var transaction = await lockHolder.BeginTransactionAsync(Cancellation);
            await lockHolder.ExecuteAsync("LOCK TABLE projects IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            await Task.Delay(TimeSpan.FromSeconds(5), Cancellation);
            await transaction.RollbackAsync(Cancellation);
        });
    }

    [Fact]
    public async Task AfterEveryApiConnectionIsTerminatedMidLoadReadsAndReadinessRecoverWithinSeconds()
    {
        await RunAsync("断连", async admin =>
        {
            for (var round = 0; round < 5; round++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(700), Cancellation);
                await admin.ExecuteAsync("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND application_name = 'ProjectTracker.Api under test'
                    """);
            }
        });
    }

    private async Task RunAsync(string name, Func<NpgsqlConnection, Task> harm)
    {
        var ids = new List<long>();
        var seeding = Client();
        for (var i = 0; i < 20; i++) ids.Add((await seeding.CreateProjectAsync(ApiJson.Project($"慢查询{name}项目{i}", amount: i + 1))).Id);

        // The process's connections are told apart from the test host's, which the terminations must leave alone.
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = "ProjectTracker.Api under test" }.ConnectionString;
        await using var api = await ApiProcess.StartAsync(connectionString, ShortLimits);
        using var client = api.Client(Database.Api.CreateKey(ApiRole.Viewer));
        client.Timeout = TimeSpan.FromSeconds(30);
        string[] paths =
        [
            "/api/projects?district=jiangxia&status=signed", "/api/projects?q=慢查询&sort=name", "/api/projects?sort=-amount&includeTotal=true",
            "/api/dashboard/totals?groupBy=district&minAmount=1", "/api/dashboard/stalled", "/health/ready",
        ];
        for (var i = 0; i < 50; i++) await client.GetAsync(i % 2 == 0 ? $"/api/projects/{ids[i % ids.Count]}" : paths[i % paths.Length], Cancellation);

        var answers = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        async Task Reader(int worker)
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                var path = random.Next(3) == 0 ? $"/api/projects/{ids[random.Next(ids.Count)]}" : paths[random.Next(paths.Length)];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(path, CancellationToken.None);
                    answers.Add(new Answer(path, (int)response.StatusCode, clock.Elapsed, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    answers.Add(new Answer(path, 0, clock.Elapsed, null, false));
                }
            }
        }
        var readers = Enumerable.Range(0, 48).Select(worker => Task.Run(() => Reader(worker))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        await using (var admin = new NpgsqlConnection(Database.Server.ConnectionFor(Database.Name, pooling: false)))
        {
            await admin.OpenAsync(Cancellation);
            await harm(admin);
        }
        var healed = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        stop.Cancel();
        await Task.WhenAll(readers);

        // Recovery: reads by id answer fast again, and readiness is green, within seconds of the harm ending.
        await RecoveryAsync(client, ids[0]);
        var recoveredIn = healed.Elapsed;
        var all = answers.ToList();
        var report = $"{all.Count} requests: {string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}"))}; " +
                     $"slowest {all.Max(a => a.Took.TotalSeconds):F1} s; reads by id fast and readiness green {recoveredIn.TotalSeconds:F1} s after the harm ended";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        var failure = FirstFailure(all, recoveredIn);
        Assert.True(failure is null, $"{failure}\n{report}\nAPI log:\n{string.Join('\n', api.Log.TakeLast(60))}");
    }

    private static string? FirstFailure(IReadOnlyList<Answer> all, TimeSpan recoveredIn)
    {
        if (recoveredIn > TimeSpan.FromSeconds(10)) return $"reads by id were not fast and readiness green again within 10 s of the harm ending ({recoveredIn.TotalSeconds:F1} s)";
        if (all.FirstOrDefault(a => a.Status == 0) is { } failed) return $"{failed.Path} got no answer in {failed.Took.TotalSeconds:F1} s";
        if (all.FirstOrDefault(a => a.Took > TimeSpan.FromSeconds(12)) is { } slow) return $"{slow.Path} took {slow.Took.TotalSeconds:F1} s";
        var undeclared = all.FirstOrDefault(a => a.Status >= 500 && !(a.Status == 503 && (a.ContentType == "application/problem+json" || a.Path == "/health/ready")));
        if (undeclared is not null) return $"{undeclared.Path} answered {undeclared.Status} ({undeclared.ContentType})";
        if (all.FirstOrDefault(a => a.Status == 503 && a.Path != "/health/ready" && !a.HasRetryAfter) is { } bare) return $"{bare.Path}: a 503 without Retry-After";
        if (all.FirstOrDefault(a => a.Status is not (200 or 503)) is { } other) return $"{other.Path} answered {other.Status}";
        return null;
    }

    /// <summary>Waits (at most 15 s) until a read by id answers 200 within half a second three times in a row and readiness is 200.</summary>
    private static async Task RecoveryAsync(HttpClient client, long id)
    {
        var clock = Stopwatch.StartNew();
        var fastInARow = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var read = Stopwatch.StartNew();
            var ok = (await client.GetAsync($"/api/projects/{id}", CancellationToken.None)).StatusCode == HttpStatusCode.OK && read.Elapsed < TimeSpan.FromMilliseconds(500);
            fastInARow = ok ? fastInARow + 1 : 0;
            if (fastInARow >= 3 && (await client.GetAsync("/health/ready", CancellationToken.None)).StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
