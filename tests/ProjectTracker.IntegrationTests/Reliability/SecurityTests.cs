using System.Net;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

public sealed class SecurityTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task NoKeyEverReachesTheLog()
    {
        var secret = Database.Api.CreateKey(ApiRole.Editor);
        var guessed = secret[..^4] + "AAAA";
        await Database.Api.CreateClient(secret).PostAsync("/api/projects", ApiJson.Project("日志密钥项目"));
        await Database.Api.CreateClient(secret).PostAsync("/api/projects", ApiJson.Project(""));
        await Database.Api.CreateClient(guessed).GetAsync("/api/projects", Cancellation);
        var bearer = Database.Api.CreateClient(apiKey: null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", guessed);
        await bearer.GetAsync("/api/audit", Cancellation);

        var log = string.Join("\n", Database.Api.LogLines);
        Assert.NotEmpty(Database.Api.LogLines);
        Assert.DoesNotContain(secret[14..], log);
        Assert.DoesNotContain(guessed[14..], log);
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/api/nothing-here")]
    [InlineData("/health/live")]
    public async Task AnswersCarryTheSecurityHeaders(string path)
    {
        var response = await Client().GetAsync(path, Cancellation);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task CorsIsClosedUnlessOriginsAreConfigured()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/projects");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var closed = await Client().SendAsync(preflight, Cancellation);
        Assert.False(closed.Headers.Contains("Access-Control-Allow-Origin"));

        await using var open = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://dashboard.example" });
        var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/projects");
        allowed.Headers.Add("Origin", "https://dashboard.example");
        allowed.Headers.Add("Access-Control-Request-Method", "GET");
        var other = new HttpRequestMessage(HttpMethod.Options, "/api/projects");
        other.Headers.Add("Origin", "https://evil.example");
        other.Headers.Add("Access-Control-Request-Method", "GET");

        Assert.Equal("https://dashboard.example", (await open.CreateClient().SendAsync(allowed, Cancellation)).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await open.CreateClient().SendAsync(other, Cancellation)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ProductionCanTurnSwaggerOffAndNeverShowsStackTraces()
    {
        await using var production = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Swagger:Enabled"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/swagger/v1/swagger.json", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/swagger/index.html", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task InProductionTheApiRefusesToStartWithoutAKeyPepper()
    {
        var withoutPepper = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Auth__KeyPepper"] = "" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync(Database.ConnectionString, withoutPepper));

        Assert.Contains("refusing to start in production", refused.Message);
    }

    [Fact]
    public async Task OnKestrelABodyOverTheLimitIsA413Problem()
    {
        await using var api = await ApiProcess.StartAsync(Database.ConnectionString);
        using var client = api.Client(Database.Api.CreateKey(ApiRole.Editor));

        var response = await client.RawAsync(HttpMethod.Post, "/api/projects", "{\"notes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
