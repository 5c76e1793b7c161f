using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dapper;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>SIGTERM to the real API process while writes are in flight: they finish, new ones are refused, nothing is torn.</summary>
public sealed class GracefulShutdownTests(TestDatabase database) : DatabaseTests(database)
{
    private sealed record Outcome(string Name, DateTime Started, DateTime Ended, int? Status);

    [Fact]
    public async Task RequestsInFlightAtSigtermCompleteAndNewOnesAreRefused()
    {
        await using var api = await ApiProcess.StartAsync(Database.ConnectionString);
        var process = api.Process;
        using var client = api.Client(Database.Api.CreateKey(ApiRole.Editor));

        // Warm: the first requests of a new process compile and connect; the signal should meet steady work.
        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/projects", ApiJson.Project($"停机预热项目{i}"))).StatusCode);

        var outcomes = new ConcurrentBag<Outcome>();
        var counter = 0;
        using var stop = new CancellationTokenSource();
        async Task Writer()
        {
            while (!stop.IsCancellationRequested)
            {
                var name = $"停机写入项目{Interlocked.Increment(ref counter)}";
                var started = DateTime.UtcNow;
                int? status = null;
                try
                {
                    status = (int)(await client.PostAsync("/api/projects", ApiJson.Project(name))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    // Refused or closed: the server is going away.
                }
                outcomes.Add(new Outcome(name, started, DateTime.UtcNow, status));
                if (status is null) await Task.Delay(20);
            }
        }
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(Writer)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);

        var sigterm = DateTime.UtcNow;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync(Cancellation);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the API did not stop within 30 s of SIGTERM");
        var stopped = DateTime.UtcNow;
        await Task.Delay(500, Cancellation);
        stop.Cancel();
        await Task.WhenAll(writers);

        Assert.Equal(0, process.ExitCode);
        var all = outcomes.ToList();
        var inFlight = all.Where(o => o.Started < sigterm && o.Ended > sigterm).ToList();
        Assert.NotEmpty(inFlight);
        Assert.All(inFlight, o => Assert.Equal(201, o.Status));
        Assert.Contains(all, o => o.Started > stopped && o.Status is null);
        Assert.DoesNotContain(all, o => o.Status >= 500);

        var stored = await StoredProjects.ByNameAsync(Database.DataSource, "停机写入项目");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SIGTERM: {all.Count} writes tried, {inFlight.Count} in flight at the signal (all 201), {all.Count(o => o.Status == 201)} acknowledged, " +
            $"{all.Count(o => o.Status is null)} refused after; {stored.Count} stored, all whole; stopped {(stopped - sigterm).TotalMilliseconds:F0} ms after the signal");
        Assert.All(all.Where(o => o.Status == 201), o => Assert.True(stored.ContainsKey(o.Name), $"{o.Name} was acknowledged but is not stored"));
        Assert.All(stored.Values, row => Assert.Equal((1L, 1L), row));
    }
}
