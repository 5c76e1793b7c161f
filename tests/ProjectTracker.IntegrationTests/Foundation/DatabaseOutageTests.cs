using System.Diagnostics;
using System.Net;
using Npgsql;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

public sealed class DatabaseOutageTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task UnreachableDatabaseGives503ProblemsQuicklyAndTheApiRecoversOnItsOwn()
    {
        var target = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        await using var api = new ApiFactory(viaProxy);
        var client = api.CreateClient();
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects?limit=1", cancellation)).StatusCode);

        proxy.Cut();
        var clock = Stopwatch.StartNew();
        var during = await client.GetAsync("/api/projects?limit=1", cancellation);
        clock.Stop();

        using (var problem = await Problems.ReadAsync(during, HttpStatusCode.ServiceUnavailable))
        {
            Assert.Contains("unavailable", problem.RootElement.GetProperty("detail").GetString());
        }
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the 503 took {clock.Elapsed}");
        var ready = await client.GetAsync("/health/ready", cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        proxy.Resume();
        var recovered = await RetryUntilOkAsync(client, "/api/projects?limit=1", attempts: 3, cancellation);
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", cancellation)).StatusCode);
    }

    private static async Task<HttpStatusCode> RetryUntilOkAsync(HttpClient client, string url, int attempts, CancellationToken cancellation)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < attempts && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync(url, cancellation)).StatusCode;
        }
        return status;
    }
}
