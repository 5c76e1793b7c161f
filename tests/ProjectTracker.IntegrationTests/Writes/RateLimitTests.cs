using System.Net;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Writes;

public sealed class RateLimitTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task WritesBeyondTheBucketAre429WithRetryAfterWhileReadsAndOtherKeysGoOn()
    {
        await using var api = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Writes:TokenLimit"] = "3",
            ["RateLimiting:Writes:TokensPerPeriod"] = "1",
            ["RateLimiting:Writes:ReplenishmentPeriod"] = "00:01:00",
        });
        var busy = api.CreateClient(api.CreateKey(ApiRole.Editor));
        var calm = api.CreateClient(api.CreateKey(ApiRole.Editor));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await busy.PostAsync("/api/projects", ApiJson.Project($"限流项目{i}"))).StatusCode);
        var limited = await busy.PostAsync("/api/projects", ApiJson.Project("限流项目9"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        using var problem = await Problems.ReadAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/projects", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await calm.PostAsync("/api/projects", ApiJson.Project("限流他人项目"))).StatusCode);
    }
}
