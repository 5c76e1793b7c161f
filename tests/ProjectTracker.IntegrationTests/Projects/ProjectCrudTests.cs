using System.Net;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using static ProjectTracker.IntegrationTests.Infrastructure.ApiJson;

namespace ProjectTracker.IntegrationTests.Projects;

public sealed class ProjectCrudTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task CreateReturns201WithLocationETagAndTheStoredProject()
    {
        var request = ApiJson.Project("智能医疗基地建设项目(一期)", park: "miaoshan", status: ProjectStatus.Started, amount: 24.5m,
            signedOn: null, startedOn: "2023-01-31") with { LandAreaSqm = 533000 };

        var response = await Client().PostAsync("/api/projects", request);

        var project = await response.ReadAsync<Project>(HttpStatusCode.Created);
        Assert.Equal($"/api/projects/{project.Id}", response.Headers.Location?.AbsolutePath);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("420115", "江夏区"), (project.District.Code, project.District.NameZh));
        Assert.Equal("庙山产业园区", project.Park?.NameZh);
        Assert.Equal("manufacturing", project.Sector.CategoryCode);
        Assert.Equal(24.5m, project.Amount);
        Assert.Equal("2023-01-31", project.StartedOn.ToString());
        Assert.Equal(533000m, project.LandAreaSqm);
    }

    [Fact]
    public async Task AmountsRoundTripExactlyAsEntered()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("精确金额项目", amount: 217.2400m));
        var json = await Client().GetStringAsync($"/api/projects/{created.Id}", Cancellation);

        Assert.Contains("\"amount\":217.2400", json);
    }

    [Fact]
    public async Task GetAnswers304WhenTheClientHasTheCurrentVersion()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("缓存验证项目"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{created.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");

        var response = await Client().SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task UpdateWithTheCurrentETagSavesAndBumpsTheVersion()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("待更正项目"));
        var corrected = ApiJson.Project("待更正项目", amount: 3.5m) with { NameEn = "Project to correct", Notes = "补充金额" };

        var response = await Client().PutAsync($"/api/projects/{created.Id}", corrected, "\"1\"");

        var saved = await response.ReadAsync<Project>();
        Assert.Equal(2, saved.Version);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal((3.5m, "Project to correct"), (saved.Amount, saved.NameEn));
    }

    [Fact]
    public async Task UpdateWithStaleETagReturns412AndChangesNothing()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("过期版本项目"));
        await (await Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("过期版本项目", amount: 1m), "\"1\"")).ReadAsync<Project>();

        var stale = await Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("过期版本项目", amount: 99m), "\"1\"");

        using var problem = await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
        var current = await (await Client().GetAsync($"/api/projects/{created.Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal(1m, current.Amount);
    }

    [Fact]
    public async Task UpdateWithoutIfMatchReturns428()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("无版本项目"));

        var response = await Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("无版本项目"), ifMatch: null);

        using var _ = await Problems.ReadAsync(response, (HttpStatusCode)428);
    }

    [Fact]
    public async Task UpdateCannotChangeTheStatus()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("状态不可直改项目"));

        var response = await Client().PutAsync($"/api/projects/{created.Id}",
            ApiJson.Project("状态不可直改项目", status: ProjectStatus.Started, startedOn: "2023-03-01"), "\"1\"");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("status-by-its-endpoint", problem.RootElement.GetProperty("rule").GetString());
        Assert.Contains("/status", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UpdateOfAMissingProjectIs404()
    {
        var response = await Client().PutAsync("/api/projects/987654", ApiJson.Project("不存在"), "\"1\"");

        using var _ = await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteHidesTheProjectButKeepsItsHistory()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("将删除项目"));

        var deleted = await Client().DeleteAsync($"/api/projects/{created.Id}", Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var _ = await Problems.ReadAsync(await Client().GetAsync($"/api/projects/{created.Id}", Cancellation), HttpStatusCode.NotFound);
        var history = await (await Client().GetAsync($"/api/projects/{created.Id}/history", Cancellation)).ReadAsync<List<ProjectHistoryEntry>>();
        Assert.Equal([ProjectEvent.Created, ProjectEvent.Deleted], history.Select(entry => entry.Event));
        Assert.Equal(HttpStatusCode.NotFound, (await Client().DeleteAsync($"/api/projects/{created.Id}", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ASecondProjectWithTheSameNameInThePlaceIsA409LinkingToTheFirst()
    {
        var first = await Client().CreateProjectAsync(ApiJson.Project("浩川水利总部项目"));

        var again = await Client().PostAsync("/api/projects", ApiJson.Project(" 浩川水利总部项目（ ） "));

        using var problem = await Problems.ReadAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("duplicate-name", problem.RootElement.GetProperty("rule").GetString());
        Assert.Equal(first.Id, problem.RootElement.GetProperty("existingId").GetInt64());
        Assert.Equal($"/api/projects/{first.Id}", problem.RootElement.GetProperty("existing").GetString());
        var anyway = await Client().PostAsync("/api/projects?allowDuplicate=true", ApiJson.Project("浩川水利总部项目"));
        Assert.Equal(HttpStatusCode.Created, anyway.StatusCode);
        var elsewhere = await Client().PostAsync("/api/projects", ApiJson.Project("浩川水利总部项目", district: "hanyang"));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task PhasesWithoutATotalGiveTheEffectiveAmount()
    {
        var request = ApiJson.Project("分期项目", sector: "headquarters") with
        {
            Phases = [new PhaseRequest { Name = "一期", Amount = 1, Qualifier = AmountQualifier.Approx }, new PhaseRequest { Name = "二期", Amount = 9, Qualifier = AmountQualifier.Approx }],
        };

        var project = await Client().CreateProjectAsync(request);

        Assert.Null(project.Amount);
        Assert.Equal((10m, AmountQualifier.Approx), (project.EffectiveAmount, project.EffectiveQualifier));
        Assert.Equal(["一期", "二期"], project.Phases.Select(phase => phase.Name));
    }

    [Fact]
    public async Task ANationalProjectCodeIsUnique()
    {
        await Client().CreateProjectAsync(ApiJson.Project("代码项目甲") with { ProjectCode = "2023-420115-35-03-012345" });

        var second = await Client().PostAsync("/api/projects", ApiJson.Project("代码项目乙") with { ProjectCode = "2023-420115-35-03-012345" });

        using var problem = await Problems.ReadAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("duplicate-project-code", problem.RootElement.GetProperty("rule").GetString());
    }
}
