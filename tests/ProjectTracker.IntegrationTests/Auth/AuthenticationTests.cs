using System.Net;
using System.Net.Http.Json;
using Dapper;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Auth;

public sealed class AuthenticationTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task ReadingWithoutAKeyIs401ProblemWithAChallenge()
    {
        var response = await Database.Api.CreateClient(apiKey: null).GetAsync("/api/projects", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.RootElement.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "ApiKey");
    }

    [Theory]
    [InlineData("pt_aaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("' OR 1=1 --")]
    public async Task AnUnknownOrMalformedKeyIs401(string key)
    {
        var response = await Database.Api.CreateClient(key).GetAsync("/api/projects", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKeyWorksAsXApiKeyAndAsBearer()
    {
        var key = Database.Api.CreateKey(ApiRole.Viewer);
        var bearer = Database.Api.CreateClient(apiKey: null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        Assert.Equal(HttpStatusCode.OK, (await Database.Api.CreateClient(key).GetAsync("/api/projects", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/projects", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingAtOnce()
    {
        var key = Database.Api.CreateKey(ApiRole.Editor);
        var client = Database.Api.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects", Cancellation)).StatusCode);
        var id = (await Client().GetFromJsonAsync<ApiKey[]>("/api/keys", ApiJson.Options, Cancellation))!.Single(k => k.Role == ApiRole.Editor && k.Name.StartsWith("tests")).Id;

        Assert.Equal(HttpStatusCode.NoContent, (await Client().DeleteAsync($"/api/keys/{id}", Cancellation)).StatusCode);

        using var problem = await Problems.ReadAsync(await client.GetAsync("/api/projects", Cancellation), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsKeyedHashesAndListedWithoutSecrets()
    {
        var response = await Client().PostAsync("/api/keys", new ApiKeyRequest { Name = "汉阳区投促局", Role = ApiRole.Editor, Districts = ["hanyang"] });
        var created = await response.ReadAsync<CreatedApiKey>(HttpStatusCode.Created);

        Assert.StartsWith("pt_", created.Secret);
        Assert.Equal(["420105"], created.Key.Districts);
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        var stored = await connection.QuerySingleAsync<(string Lookup, byte[] Hash)>("SELECT lookup, hash FROM api_keys WHERE id = @id", new { id = created.Key.Id });
        Assert.Equal(ApiKeyToken.Hash(created.Secret, ApiFactory.Pepper), stored.Hash);
        Assert.NotEqual(ApiKeyToken.Hash(created.Secret, pepper: null), stored.Hash);
        var everything = await connection.QuerySingleAsync<string>("SELECT row_to_json(k)::text FROM api_keys k WHERE id = @id", new { id = created.Key.Id });
        Assert.DoesNotContain(created.Secret, everything);
        Assert.DoesNotContain(created.Secret[10..], await Client().GetStringAsync("/api/keys", Cancellation));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"role\":\"editor\",\"districts\":[null]}")]
    [InlineData("{\"name\":\"x\",\"role\":\"editor\",\"districts\":[\" \"]}")]
    [InlineData("{\"name\":\"x\",\"role\":\"editor\",\"districts\":[\"atlantis\"]}")]
    public async Task AKeyLimitedToAnEmptyOrUnknownPlaceIsRefusedNotMadeUnlimited(string body)
    {
        using var problem = await Problems.ReadAsync(await Client().RawAsync(HttpMethod.Post, "/api/keys", body), HttpStatusCode.BadRequest);

        Assert.NotEmpty(Problems.ErrorsFor(problem, "districts"));
    }

    [Fact]
    public async Task HealthAndSwaggerNeedNoKey()
    {
        var anonymous = Database.Api.CreateClient(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Cancellation)).StatusCode);
        var swagger = await anonymous.GetStringAsync("/swagger/v1/swagger.json", Cancellation);
        Assert.Contains("\"X-Api-Key\"", swagger);
        foreach (var page in new[] { "/swagger/index.html", "/swagger" })
        {
            Assert.Contains("<title>ProjectTracker API</title>", await anonymous.GetStringAsync(page, Cancellation));
        }
    }
}

public sealed class AnonymousReadTests(TestDatabase database) : DatabaseTests(database)
{
    private ApiFactory? api;

    private ApiFactory Api => api ??= new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Auth:AnonymousRead"] = "true" });

    public override async ValueTask DisposeAsync()
    {
        if (api is not null) await api.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ReadsNeedNoKeyButWritesDo()
    {
        var anonymous = Api.CreateClient(apiKey: null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/projects", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/dashboard/totals?groupBy=status", Cancellation)).StatusCode);
        using var problem = await Problems.ReadAsync(await anonymous.PostAsync("/api/projects", ApiJson.Project("匿名项目")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ABadKeyIsStill401WhenReadsAreOpen()
    {
        var response = await Api.CreateClient("pt_aaaaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GetAsync("/api/projects", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }
}
