using System.Net;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

public sealed class ProjectStatusTests(TestDatabase database) : DatabaseTests(database)
{
    private async Task<HttpResponseMessage> ChangeAsync(long id, ProjectStatus status, string? date = null, bool correction = false, string? note = null) =>
        await Client().PostAsync($"/api/projects/{id}/status", new StatusChangeRequest { Status = status, Date = ApiJson.Date(date), Correction = correction, Note = note });

    [Fact]
    public async Task AProjectGoesIntentSignedStartedCompletedAndEachStepIsRecorded()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("全流程项目", status: ProjectStatus.Intent, signedOn: null));

        await (await ChangeAsync(project.Id, ProjectStatus.Signed, "2023-02-01")).ReadAsync<Project>();
        await (await ChangeAsync(project.Id, ProjectStatus.Started, "2023-06")).ReadAsync<Project>();
        var completed = await (await ChangeAsync(project.Id, ProjectStatus.Completed, "2024")).ReadAsync<Project>();

        Assert.Equal((ProjectStatus.Completed, "2023-02-01", "2023-06", "2024"),
            (completed.Status, completed.SignedOn.ToString(), completed.StartedOn.ToString(), completed.CompletedOn.ToString()));
        Assert.Equal(4, completed.Version);
        var history = await (await Client().GetAsync($"/api/projects/{project.Id}/history", Cancellation)).ReadAsync<List<ProjectHistoryEntry>>();
        Assert.Equal([(null, ProjectStatus.Intent), (ProjectStatus.Intent, ProjectStatus.Signed), (ProjectStatus.Signed, ProjectStatus.Started), (ProjectStatus.Started, ProjectStatus.Completed)],
            history.Select(entry => (entry.FromStatus, entry.ToStatus)));
        Assert.Equal("2023-06", history[2].Date.ToString());
    }

    [Fact]
    public async Task SkippingAStepIsRefusedWithAClearMessage()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("跳步项目", status: ProjectStatus.Intent, signedOn: null));

        var response = await ChangeAsync(project.Id, ProjectStatus.Started, "2023-03-01");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("status-transition", problem.RootElement.GetProperty("rule").GetString());
        Assert.Contains("intent → signed before started", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MovingBackNeedsAnExplicitCorrectionWhichIsRecordedAsSuch()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("误报开工项目", status: ProjectStatus.Started, startedOn: "2023-03-01"));

        var refused = await ChangeAsync(project.Id, ProjectStatus.Signed);
        using (var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict))
        {
            Assert.Equal("status-transition", problem.RootElement.GetProperty("rule").GetString());
            Assert.Contains("correction", problem.RootElement.GetProperty("detail").GetString());
        }
        var corrected = await (await ChangeAsync(project.Id, ProjectStatus.Signed, correction: true, note: "开工为误报")).ReadAsync<Project>();

        Assert.Equal(ProjectStatus.Signed, corrected.Status);
        Assert.Null(corrected.StartedOn);
        Assert.Equal("2023-02-01", corrected.SignedOn.ToString());
        var history = await (await Client().GetAsync($"/api/projects/{project.Id}/history", Cancellation)).ReadAsync<List<ProjectHistoryEntry>>();
        Assert.Equal((ProjectEvent.Corrected, "开工为误报"), (history[^1].Event, history[^1].Note));
    }

    [Fact]
    public async Task ACorrectionWithoutANoteIsA400NamingNote()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("无说明更正项目", status: ProjectStatus.Started, startedOn: "2023-03-01"));

        var response = await ChangeAsync(project.Id, ProjectStatus.Signed, correction: true);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "note"));
    }

    [Fact]
    public async Task StartingNeedsADate()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("无开工日期项目"));

        var response = await ChangeAsync(project.Id, ProjectStatus.Started);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("date is required", Problems.ErrorsFor(problem, "date")[0]);
    }

    [Fact]
    public async Task AStartBeforeTheStoredSigningIsRefusedNamingTheDate()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("日期倒置项目", signedOn: "2023-05-10"));

        var response = await ChangeAsync(project.Id, ProjectStatus.Started, "2023-04-30");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("before the signing", Problems.ErrorsFor(problem, "date")[0]);
    }

    [Fact]
    public async Task AnyStatusCanBeCancelledAndReopenedOnlyAsACorrection()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("取消项目"));

        var cancelled = await (await ChangeAsync(project.Id, ProjectStatus.Cancelled, note: "投资方撤回")).ReadAsync<Project>();
        Assert.Equal(ProjectStatus.Cancelled, cancelled.Status);
        Assert.Equal("2023-02-01", cancelled.SignedOn.ToString());

        using (var refused = await Problems.ReadAsync(await ChangeAsync(project.Id, ProjectStatus.Signed), HttpStatusCode.Conflict))
        {
            Assert.Equal("status-transition", refused.RootElement.GetProperty("rule").GetString());
        }
        var reopened = await (await ChangeAsync(project.Id, ProjectStatus.Signed, correction: true, note: "恢复")).ReadAsync<Project>();
        Assert.Equal(ProjectStatus.Signed, reopened.Status);
    }

    [Fact]
    public async Task ConcurrentStartsOfOneProjectLetExactlyOneThrough()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("并发开工项目"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ChangeAsync(project.Id, ProjectStatus.Started, "2023-03-01")));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.OK), response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        var history = await (await Client().GetAsync($"/api/projects/{project.Id}/history", Cancellation)).ReadAsync<List<ProjectHistoryEntry>>();
        Assert.Equal(2, history.Count);
    }
}
