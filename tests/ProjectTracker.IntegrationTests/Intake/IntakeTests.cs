using System.Net;
using Dapper;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Intake;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Intake;

public sealed class IntakeTests(TestDatabase database) : DatabaseTests(database)
{
    /// <summary>A groundbreaking and a signing; each test names its own projects (the class shares one database).</summary>
    private static string Groundbreaking(string tag = "") =>
        $"1月31日,江夏区2个重大项目参加2023年一季度全市重大项目集中开工活动,总投资30亿元。\n" +
        $"此次集中开工投资额最大的是江夏数字经济产业园{tag}项目,总投资24.5亿元。该项目位于江夏经济开发区庙山产业园区。\n" +
        $"2月1日,江夏区政府与湖北浩川水利水电工程有限公司签订合作协议,推进浩川水利总部{tag}项目落地。";

    private static IntakeDocumentRequest Document(string? text = null, string title = "新春开局,江夏很拼!") =>
        new() { Text = text ?? Groundbreaking(), Title = title, Source = "https://example.gov.cn/jiangxia/2023-02-11", PublishedOn = ApiJson.Date("2023-02-11") };

    private async Task<IntakeDocument> SubmitAsync(IntakeDocumentRequest? request = null, HttpClient? client = null) =>
        await (await (client ?? Client()).PostAsync("/api/intake/documents", request ?? Document())).ReadAsync<IntakeDocument>(HttpStatusCode.Created);

    private static IntakeDraft Named(IntakeDocument document, string name) => document.Drafts.Single(draft => draft.Project.NameZh == name);

    [Fact]
    public async Task ADocumentIsReadIntoDraftsAndABatchEachWithItsWords()
    {
        var response = await Client().PostAsync("/api/intake/documents", Document());
        var document = await response.ReadAsync<IntakeDocument>(HttpStatusCode.Created);

        Assert.Equal($"/api/intake/documents/{document.Id}", response.Headers.Location?.AbsolutePath);
        var park = Named(document, "江夏数字经济产业园项目");
        Assert.Equal((ProjectStatus.Started, "2023-01-31", 24.5m, "420115Z01", "miaoshan", "digital_economy"),
            (park.Project.Status!.Value, park.Project.StartedOn.ToString(), park.Project.Amount!.Value, park.Project.District, park.Project.Park, park.Project.Sector));
        Assert.Equal(Groundbreaking()[park.Quote.Start..park.Quote.End], park.Quote.Text);
        Assert.Contains(park.Uncertainties, what => what.Contains("年份取自发布日期", StringComparison.Ordinal));
        var headquarters = Named(document, "浩川水利总部项目");
        Assert.Equal((ProjectStatus.Signed, "2023-02-01", (decimal?)null), (headquarters.Project.Status!.Value, headquarters.Project.SignedOn.ToString(), headquarters.Project.Amount));
        var batch = Assert.Single(document.Batches);
        Assert.Equal((BatchKind.Groundbreaking, "2023-01-31", "420115", 2, 30m), (batch.Kind, batch.Date.ToString(), batch.District, batch.ReportedProjectCount!.Value, batch.ReportedAmount!.Value));
        Assert.Equal([park.Id], batch.DraftIds);

        var again = await (await Client().GetAsync($"/api/intake/documents/{document.Id}", Cancellation)).ReadAsync<IntakeDocument>();
        Assert.Equal(document.Drafts.Select(draft => (draft.Id, draft.Quote)), again.Drafts.Select(draft => (draft.Id, draft.Quote)));
        var sources = await (await Client().GetAsync("/api/sources", Cancellation)).ReadAsync<SourceDocument[]>();
        Assert.Contains(sources, source => source.Code == document.DocumentCode && source.Title == "新春开局,江夏很拼!");
    }

    [Fact]
    public async Task AnAcceptedDraftBecomesAProjectThatKeepsTheDocumentAndQuoteAsItsSource()
    {
        var document = await SubmitAsync(Document(Groundbreaking("甲")));
        var draft = Named(document, "浩川水利总部甲项目");

        var response = await Client().PostAsync($"/api/intake/drafts/{draft.Id}/accept", new AcceptDraftRequest { Project = draft.Project with { Sector = "headquarters" } });
        var accepted = await response.ReadAsync<IntakeDraft>();

        Assert.Equal(IntakeState.Accepted, accepted.State);
        var project = await (await Client().GetAsync($"/api/projects/{accepted.ProjectId}", Cancellation)).ReadAsync<Project>();
        Assert.Equal(("浩川水利总部甲项目", "420115", ProjectStatus.Signed, "2023-02-01"), (project.NameZh, project.District.Code, project.Status, project.SignedOn.ToString()));
        var sources = await (await Client().GetAsync($"/api/projects/{project.Id}/sources", Cancellation)).ReadAsync<ProjectSource[]>();
        var source = Assert.Single(sources);
        Assert.Equal(document.DocumentCode, source.Document.Code);
        Assert.Contains($"{draft.Quote.Start}–{draft.Quote.End}", source.Locator);
        var audit = await (await Client().GetAsync($"/api/projects/{project.Id}/audit", Cancellation)).ReadAsync<Api.Audit.AuditEntry[]>();
        Assert.Equal(Api.Audit.AuditActions.ProjectCreated, Assert.Single(audit).Action);
        using var decided = await Problems.ReadAsync(await Client().PostAsync($"/api/intake/drafts/{draft.Id}/accept", new AcceptDraftRequest()), HttpStatusCode.Conflict);
        Assert.Equal("draft-decided", decided.RootElement.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task ADraftAcceptedAsReadIsCheckedByTheProjectValidatorAndTheErrorNamesTheField()
    {
        var draft = Named(await SubmitAsync(), "浩川水利总部项目") ;
        var withoutSector = draft.Project with { Sector = null };

        using var problem = await Problems.ReadAsync(await Client().PostAsync($"/api/intake/drafts/{draft.Id}/accept", new AcceptDraftRequest { Project = withoutSector }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(Problems.ErrorsFor(problem, "project.sector"));
        var unchanged = await (await Client().GetAsync($"/api/intake/drafts/{draft.Id}", Cancellation)).ReadAsync<IntakeDraft>();
        Assert.Equal(IntakeState.Pending, unchanged.State);
    }

    [Fact]
    public async Task AcceptingADraftOfAProjectAlreadyRecordedOffersTheExistingOne()
    {
        var existing = await Client().CreateProjectAsync(ApiJson.Project("浩川水利总部乙项目", sector: "headquarters"));
        var draft = Named(await SubmitAsync(Document(Groundbreaking("乙"))), "浩川水利总部乙项目");

        using var problem = await Problems.ReadAsync(await Client().PostAsync($"/api/intake/drafts/{draft.Id}/accept",
            new AcceptDraftRequest { Project = draft.Project with { Sector = "headquarters" } }), HttpStatusCode.Conflict);

        Assert.Equal(existing.Id, problem.RootElement.GetProperty("existingId").GetInt64());
        var allowed = await (await Client().PostAsync($"/api/intake/drafts/{draft.Id}/accept",
            new AcceptDraftRequest { Project = draft.Project with { Sector = "headquarters" }, AllowDuplicate = true })).ReadAsync<IntakeDraft>();
        Assert.NotEqual(existing.Id, allowed.ProjectId);
    }

    [Fact]
    public async Task EditorsDecideOnlyWithinTheirDistrictsAndARejectionNeedsAReason()
    {
        var draft = Named(await SubmitAsync(), "浩川水利总部项目");
        var hanyang = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor, "hanyang"));
        var jiangxia = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor, "jiangxia"));

        using (var problem = await Problems.ReadAsync(await jiangxia.PostAsync($"/api/intake/drafts/{draft.Id}/reject", new RejectRequest()), HttpStatusCode.BadRequest))
            Assert.NotEmpty(Problems.ErrorsFor(problem, "reason"));
        using (await Problems.ReadAsync(await hanyang.PostAsync($"/api/intake/drafts/{draft.Id}/reject", new RejectRequest { Reason = "不是本区项目" }), HttpStatusCode.Forbidden)) { }
        using (await Problems.ReadAsync(await hanyang.PostAsync($"/api/intake/drafts/{draft.Id}/accept",
                   new AcceptDraftRequest { Project = draft.Project with { Sector = "headquarters" } }), HttpStatusCode.Forbidden)) { }
        var rejected = await (await jiangxia.PostAsync($"/api/intake/drafts/{draft.Id}/reject", new RejectRequest { Reason = "重复报道" })).ReadAsync<IntakeDraft>();

        Assert.Equal((IntakeState.Rejected, "重复报道"), (rejected.State, rejected.Reason));
    }

    [Fact]
    public async Task AnAcceptedBatchBecomesAnEventWithItsDraftsAsProjectsInOneTransaction()
    {
        var document = await SubmitAsync(Document(Groundbreaking("丙")));
        var batch = Assert.Single(document.Batches);

        var response = await Client().PostAsync($"/api/intake/batches/{batch.Id}/accept", new AcceptBatchRequest { Title = "2023年一季度集中开工(江夏)" });
        var accepted = await response.ReadAsync<AcceptedBatch>();

        var recorded = await (await Client().GetAsync($"/api/events/{accepted.EventId}", Cancellation)).ReadAsync<Api.Events.InvestmentEvent>();
        Assert.Equal((BatchKind.Groundbreaking, 2, 30m), (recorded.Kind, recorded.ReportedProjectCount!.Value, recorded.ReportedAmount!.Value));
        var project = Assert.Single(recorded.Projects);
        Assert.Equal(project.Id, Assert.Single(accepted.Drafts).ProjectId);
        var sources = await (await Client().GetAsync($"/api/projects/{project.Id}/sources", Cancellation)).ReadAsync<ProjectSource[]>();
        Assert.Equal(document.DocumentCode, Assert.Single(sources).Document.Code);
        var draft = await (await Client().GetAsync($"/api/intake/drafts/{accepted.Drafts[0].Id}", Cancellation)).ReadAsync<IntakeDraft>();
        Assert.Equal(IntakeState.Accepted, draft.State);
    }

    [Fact]
    public async Task ADraftAcceptedOnItsOwnWhileItsBatchIsBeingAcceptedGetsOneProjectAndTheBatchIsRefused()
    {
        var document = await SubmitAsync(Document(Groundbreaking("丁")));
        var batch = Assert.Single(document.Batches);
        var draftId = Assert.Single(batch.DraftIds);

        // The batch's accept reads its draft as pending, then waits for the batch row this transaction holds.
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await connection.ExecuteAsync("SELECT 1 FROM intake_batches WHERE id = @id FOR UPDATE", new { id = batch.Id }, transaction);
        var batchAccept = Client().PostAsync($"/api/intake/batches/{batch.Id}/accept", new AcceptBatchRequest { Title = "2023年一季度集中开工(江夏)" });
        await using (var watcher = await Database.DataSource.OpenConnectionAsync(Cancellation))
        {
            for (var tries = 0; tries < 200 && await watcher.ExecuteScalarAsync<long>(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0; tries++)
                await Task.Delay(50, Cancellation);
        }
        var accepted = await (await Client().PostAsync($"/api/intake/drafts/{draftId}/accept", new AcceptDraftRequest())).ReadAsync<IntakeDraft>();
        await transaction.RollbackAsync(Cancellation);

        using var problem = await Problems.ReadAsync(await batchAccept, HttpStatusCode.Conflict);
        Assert.Equal("draft-decided", problem.RootElement.GetProperty("rule").GetString());
        var draft = await (await Client().GetAsync($"/api/intake/drafts/{draftId}", Cancellation)).ReadAsync<IntakeDraft>();
        Assert.Equal((IntakeState.Accepted, accepted.ProjectId), (draft.State, draft.ProjectId));
    }

    [Fact]
    public async Task ABatchWhoseDraftIsIncompleteWritesNothingAndNamesTheDraftsField()
    {
        const string Text = "1月31日,江夏区2个重大项目参加集中开工活动,总投资30亿元。此次集中开工投资额最大的是江夏光谷智造项目,总投资24.5亿元。";
        var document = await SubmitAsync(Document(Text));
        var batch = Assert.Single(document.Batches);
        var draftId = Assert.Single(batch.DraftIds);

        using var problem = await Problems.ReadAsync(await Client().PostAsync($"/api/intake/batches/{batch.Id}/accept", new AcceptBatchRequest()), HttpStatusCode.BadRequest);

        Assert.NotEmpty(Problems.ErrorsFor(problem, $"drafts[{draftId}].sector"));
        var after = await (await Client().GetAsync($"/api/intake/documents/{document.Id}", Cancellation)).ReadAsync<IntakeDocument>();
        Assert.All(after.Drafts.Concat<object>(after.Batches), item => Assert.Equal(IntakeState.Pending, item is IntakeDraft d ? d.State : ((IntakeBatch)item).State));
    }

    [Fact]
    public async Task DraftsAreListedByDocumentDistrictAndState()
    {
        var first = await SubmitAsync();
        await SubmitAsync(Document("3月1日,汉阳区政府与中铁大桥局签订协议,推进中铁大桥局企业总部项目落地。", "汉阳签约"));
        var draft = Named(first, "浩川水利总部项目");
        await Client().PostAsync($"/api/intake/drafts/{draft.Id}/reject", new RejectRequest { Reason = "测试" });

        var ofDocument = await (await Client().GetAsync($"/api/intake/drafts?document={first.Id}", Cancellation)).ReadAsync<IntakeDraftPage>();
        var inHanyang = await (await Client().GetAsync("/api/intake/drafts?district=汉阳区", Cancellation)).ReadAsync<IntakeDraftPage>();
        var rejected = await (await Client().GetAsync($"/api/intake/drafts?document={first.Id}&state=rejected", Cancellation)).ReadAsync<IntakeDraftPage>();

        Assert.Equal(first.Drafts.Select(d => d.Id), ofDocument.Items.Select(d => d.Id));
        Assert.Equal(["中铁大桥局企业总部项目"], inHanyang.Items.Select(d => d.Project.NameZh));
        Assert.Equal([draft.Id], rejected.Items.Select(d => d.Id));
    }

    [Theory]
    [InlineData("""{"title":"t"}""", "text")]
    [InlineData("""{"text":"某项目签约。"}""", "title")]
    [InlineData("""{"text":"某项目签约。","title":"t","publishedOn":"2023-13-01"}""", "publishedOn")]
    public async Task ABadDocumentIsRefusedNamingTheField(string body, string field)
    {
        using var problem = await Problems.ReadAsync(await Client().RawAsync(HttpMethod.Post, "/api/intake/documents", body), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, field));
    }

    [Theory]
    [InlineData("""{"project":{"status":"maybe"}}""")]
    [InlineData("""{"project":{"amount":"很多"}}""")]
    [InlineData("""{"allowDuplicate":"yes"}""")]
    [InlineData("[]")]
    public async Task AMalformedAcceptIsA400NotAFailure(string body)
    {
        var draft = (await SubmitAsync(Document(Groundbreaking("丁")))).Drafts[0];

        using var problem = await Problems.ReadAsync(await Client().RawAsync(HttpMethod.Post, $"/api/intake/drafts/{draft.Id}/accept", body), HttpStatusCode.BadRequest);

        Assert.True(problem.RootElement.TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("/api/intake/documents/999999")]
    [InlineData("/api/intake/drafts/999999")]
    public async Task WhatDoesNotExistIs404(string url)
    {
        using (await Problems.ReadAsync(await Client().GetAsync(url, Cancellation), HttpStatusCode.NotFound)) { }
    }

    [Fact]
    public async Task AFilterThatNamesNoPlaceIsRefused()
    {
        using var problem = await Problems.ReadAsync(await Client().GetAsync("/api/intake/drafts?district=nowhere", Cancellation), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "district"));
    }
}
