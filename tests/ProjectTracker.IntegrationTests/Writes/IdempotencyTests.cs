using System.Net;
using System.Net.Http.Json;
using Dapper;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Targets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Writes;

public sealed class IdempotencyTests(TestDatabase database) : DatabaseTests(database)
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<long> CountAsync(string name)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE name_zh = @name", new { name });
    }

    [Fact]
    public async Task ARetryWithTheSameKeyReturnsTheOriginalAnswerWithoutWritingAgain()
    {
        var project = ApiJson.Project("幂等重试项目", amount: 3m);
        var key = Guid.NewGuid().ToString();

        var first = await Client().SendAsync(Post("/api/projects", project, key), Cancellation);
        var retry = await Client().SendAsync(Post("/api/projects", project, key), Cancellation);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await retry.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync("幂等重试项目"));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBodyIs422()
    {
        var key = Guid.NewGuid().ToString();
        await Client().SendAsync(Post("/api/projects", ApiJson.Project("幂等原请求"), key), Cancellation);

        var other = await Client().SendAsync(Post("/api/projects", ApiJson.Project("幂等另一请求"), key), Cancellation);

        using var problem = await Problems.ReadAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync("幂等另一请求"));
    }

    [Fact]
    public async Task TenParallelIdenticalRequestsCreateExactlyOneProject()
    {
        var project = ApiJson.Project("幂等并发项目", amount: 7m);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client().SendAsync(Post("/api/projects", project, key), Cancellation)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async response => (await response.ReadAsync<Project>(HttpStatusCode.Created)).Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountAsync("幂等并发项目"));
        Assert.Equal(9, responses.Count(response => response.Headers.Contains("Idempotent-Replayed")));
    }

    [Fact]
    public async Task ManyMoreConcurrentKeyedRequestsThanPooledConnectionsAllComplete()
    {
        // Each keyed request holds its key's lock while it writes; were the locks taken from the main pool (8), these
        // would hold every connection and wait for one more until the pool's timeout answered 503.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Client().SendAsync(Post("/api/projects", ApiJson.Project($"幂等并发{i}号"), Guid.NewGuid().ToString()), Cancellation)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
    }

    [Fact]
    public async Task KeysBelongToTheirApiKeySoTwoClientsDoNotCollide()
    {
        var key = Guid.NewGuid().ToString();
        var other = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor));

        var mine = await Client().SendAsync(Post("/api/projects", ApiJson.Project("幂等甲"), key), Cancellation);
        var theirs = await other.SendAsync(Post("/api/projects", ApiJson.Project("幂等乙"), key), Cancellation);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (mine.StatusCode, theirs.StatusCode));
        Assert.Equal((1L, 1L), (await CountAsync("幂等甲"), await CountAsync("幂等乙")));
    }

    [Fact]
    public async Task ARefusalIsReplayedToo()
    {
        var key = Guid.NewGuid().ToString();
        var invalid = new { nameZh = "" };

        var first = await Client().SendAsync(Post("/api/projects", invalid, key), Cancellation);
        var retry = await Client().SendAsync(Post("/api/projects", invalid, key), Cancellation);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, retry.StatusCode));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("application/problem+json", retry.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long-a-key-that-is-far-too-long")]
    [InlineData("密钥")]
    public async Task AMalformedKeyIs400NamingTheHeader(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(ApiJson.Project("坏幂等键"), options: ApiJson.Options) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await Client().SendAsync(request, Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "Idempotency-Key"));
    }
}

public sealed class IdempotencyExpiryTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task AnExpiredKeyRunsTheRequestAgain()
    {
        await using var api = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Idempotency:Retention"] = "00:00:01" });
        var client = api.CreateClient();
        var target = new TargetRequest { District = "hanyang", Year = 2025, Measure = TargetMeasure.SignedCount, Value = 8, Title = "过期幂等目标" };
        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/targets") { Content = JsonContent.Create(target, options: ApiJson.Options) };
            request.Headers.Add("Idempotency-Key", "expiring-key");
            return request;
        }

        var first = await (await client.SendAsync(Post(), Cancellation)).ReadAsync<Target>(HttpStatusCode.Created);
        var replayed = await (await client.SendAsync(Post(), Cancellation)).ReadAsync<Target>(HttpStatusCode.Created);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);
        var again = await (await client.SendAsync(Post(), Cancellation)).ReadAsync<Target>(HttpStatusCode.Created);

        Assert.Equal(first.Id, replayed.Id);
        Assert.NotEqual(first.Id, again.Id);
    }
}
