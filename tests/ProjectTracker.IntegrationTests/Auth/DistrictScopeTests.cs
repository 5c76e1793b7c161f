using System.Net;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Targets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Auth;

/// <summary>A Jiangxia editor writes Jiangxia's projects and targets (and those of the zones within it), never Hanyang's.</summary>
public sealed class DistrictScopeTests(TestDatabase database) : DatabaseTests(database)
{
    private HttpClient JiangxiaEditor() => Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor, "jiangxia"));

    [Theory]
    [InlineData("jiangxia", HttpStatusCode.Created)]
    [InlineData("420115Z01", HttpStatusCode.Created)]
    [InlineData("hanyang", HttpStatusCode.Forbidden)]
    [InlineData("wuhan", HttpStatusCode.Forbidden)]
    public async Task CreatingIsAllowedOnlyWithinTheKeysDistricts(string district, HttpStatusCode expected)
    {
        var response = await JiangxiaEditor().PostAsync("/api/projects", ApiJson.Project($"范围创建{district}", district: district));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            using var problem = await Problems.ReadAsync(response, expected);
            Assert.Contains("420115", problem.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AnotherDistrictsProjectCannotBeChangedInAnyWay()
    {
        var hanyang = await Client().CreateProjectAsync(ApiJson.Project("汉阳范围项目", district: "hanyang"));
        var editor = JiangxiaEditor();

        var put = await editor.PutAsync($"/api/projects/{hanyang.Id}", ApiJson.Project("汉阳范围项目", district: "jiangxia"), "\"1\"");
        var status = await editor.PostAsync($"/api/projects/{hanyang.Id}/status", new StatusChangeRequest { Status = ProjectStatus.Started, Date = ApiJson.Date("2024-01") });

        using (await Problems.ReadAsync(put, HttpStatusCode.Forbidden)) { }
        using (await Problems.ReadAsync(status, HttpStatusCode.Forbidden)) { }
        var unchanged = await (await Client().GetAsync($"/api/projects/{hanyang.Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal((1, "420105", ProjectStatus.Signed), (unchanged.Version, unchanged.District.Code, unchanged.Status));
    }

    [Fact]
    public async Task AProjectCannotBeMovedOutOfTheKeysDistricts()
    {
        var editor = JiangxiaEditor();
        var own = await editor.CreateProjectAsync(ApiJson.Project("江夏范围项目"));

        var moved = await editor.PutAsync($"/api/projects/{own.Id}", ApiJson.Project("江夏范围项目", district: "hanyang"), "\"1\"");
        var kept = await editor.PutAsync($"/api/projects/{own.Id}", ApiJson.Project("江夏范围项目", district: "420115Z01", amount: 2m), "\"1\"");

        using (await Problems.ReadAsync(moved, HttpStatusCode.Forbidden)) { }
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task TargetsAreScopedLikeProjects()
    {
        var editor = JiangxiaEditor();
        TargetRequest Target(string district) => new() { District = district, Year = 2024, Measure = TargetMeasure.SignedCount, Value = 5, Title = "签约目标" };

        var own = await editor.PostAsync("/api/targets", Target("jiangxia"));
        var other = await editor.PostAsync("/api/targets", Target("hanyang"));
        var created = await own.ReadAsync<Target>(HttpStatusCode.Created);
        var moved = await editor.PutAsync($"/api/targets/{created.Id}", Target("hanyang"), "\"1\"");

        using (await Problems.ReadAsync(other, HttpStatusCode.Forbidden)) { }
        using (await Problems.ReadAsync(moved, HttpStatusCode.Forbidden)) { }
    }

    [Fact]
    public async Task AnAdminLimitedToADistrictCannotDeleteAnothersProject()
    {
        var hanyang = await Client().CreateProjectAsync(ApiJson.Project("汉阳待删项目", district: "hanyang"));
        var jiangxia = await Client().CreateProjectAsync(ApiJson.Project("江夏待删项目"));
        var admin = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Admin, "jiangxia"));

        using (await Problems.ReadAsync(await admin.DeleteAsync($"/api/projects/{hanyang.Id}", Cancellation), HttpStatusCode.Forbidden)) { }
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/projects/{jiangxia.Id}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync($"/api/projects/{hanyang.Id}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task AnUnlimitedEditorWritesAnywhere()
    {
        var editor = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor));

        var response = await editor.PostAsync("/api/projects", ApiJson.Project("全市范围项目", district: "wuhan"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
