using System.Net;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Auth;

public sealed class KeyCommandTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task CreateKeyPrintsAKeyThatWorksWithinItsDistrictsListKeysShowsItAndRevokeKeyEndsIt()
    {
        var created = await ApiCommand.RunAsync(Database.ConnectionString, "create-key", "--role", "editor", "--district", "jiangxia", "--name", "江夏区投促局 录入");
        Assert.True(created.ExitCode == 0, created.Error);
        var key = created.Output.Trim();
        await using var api = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Auth:KeyCacheSeconds"] = "1" });
        var editor = api.CreateClient(key);

        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsync("/api/projects", ApiJson.Project("命令行密钥项目"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/api/projects", ApiJson.Project("命令行密钥项目", district: "hanyang"))).StatusCode);

        var listed = await ApiCommand.RunAsync(Database.ConnectionString, "list-keys");
        var line = Assert.Single(listed.Output.Split('\n'), l => l.Contains("江夏区投促局 录入"));
        Assert.Contains("editor", line);
        Assert.Contains("420115", line);
        Assert.DoesNotContain(key, listed.Output);

        var revoked = await ApiCommand.RunAsync(Database.ConnectionString, "revoke-key", "--id", line.Split('\t')[0]);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        // Another instance (the in-memory API here) trusts a verified key for Auth:KeyCacheSeconds.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, (await editor.GetAsync("/api/projects", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task CreateKeyRefusesAnUnknownDistrictOrRole()
    {
        var unknownDistrict = await ApiCommand.RunAsync(Database.ConnectionString, "create-key", "--role", "editor", "--district", "atlantis", "--name", "x");
        var unknownRole = await ApiCommand.RunAsync(Database.ConnectionString, "create-key", "--role", "overlord", "--name", "x");

        Assert.NotEqual(0, unknownDistrict.ExitCode);
        Assert.Contains("atlantis", unknownDistrict.Error);
        Assert.NotEqual(0, unknownRole.ExitCode);
    }
}
