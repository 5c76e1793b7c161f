using System.Net;
using System.Text.Json;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Auth;

public sealed class CurrentKeyTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task TheCurrentKeySaysItsNameRoleAndDistrictsByName()
    {
        var key = Database.Api.CreateKey(ApiRole.Editor, "jiangxia");

        var response = await Database.Api.CreateClient(key).GetAsync("/api/keys/current", Cancellation);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tests Editor jiangxia", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("editor", body.RootElement.GetProperty("role").GetString());
        var district = Assert.Single(body.RootElement.GetProperty("districts").EnumerateArray());
        Assert.Equal("420115", district.GetProperty("code").GetString());
        Assert.Equal("江夏区", district.GetProperty("nameZh").GetString());
    }

    [Fact]
    public async Task AViewerMayAskAndAKeyForEverywhereHasNoDistricts()
    {
        var key = Database.Api.CreateKey(ApiRole.Viewer);

        var current = await (await Database.Api.CreateClient(key).GetAsync("/api/keys/current", Cancellation)).ReadAsync<CurrentApiKey>();

        Assert.Equal(ApiRole.Viewer, current.Role);
        Assert.Empty(current.Districts);
    }

    [Fact]
    public async Task WithoutAKeyItIs401EvenWhenReadsNeedNone()
    {
        var open = Database.ApiWith(new Dictionary<string, string?> { ["Auth:AnonymousRead"] = "true" }, authenticate: false);

        var response = await open.CreateClient(apiKey: null).GetAsync("/api/keys/current", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }
}
