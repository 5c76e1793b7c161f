using System.Net;
using Dapper;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Events;

public sealed class EventTests(TestDatabase database) : DatabaseTests(database)
{
    private static EventProjectRequest New(string name, decimal? amount = null, string sector = "nev_icv") =>
        new() { NameZh = name, Sector = sector, Amount = amount };

    private static EventRequest Groundbreaking(params EventProjectRequest[] projects) => new()
    {
        Kind = BatchKind.Groundbreaking,
        Date = ApiJson.Date("2023-01-31"),
        District = "jiangxia",
        Title = "2023年一季度重大项目集中开工(江夏)",
        ReportedProjectCount = 21,
        ReportedAmount = 217.24m,
        Projects = projects,
    };

    private async Task<(long Projects, long Batches, long Audit, long History)> CountsAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.QuerySingleAsync<(long, long, long, long)>(
            "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM batches), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM project_history)");
    }

    [Fact]
    public async Task AGroundbreakingCreatesStartsAndLinksItsProjectsInOneGo()
    {
        var signed = await Client().CreateProjectAsync(ApiJson.Project("已签约待开工项目", signedOn: "2022-10"));
        var alreadyStarted = await Client().CreateProjectAsync(ApiJson.Project("早已开工项目", status: ProjectStatus.Started, signedOn: null, startedOn: "2022-12-01"));

        var response = await Client().PostAsync("/api/events", Groundbreaking(
            New("智能网联汽车零部件项目", 12.5m),
            New("医疗器械产业园", 8m, "biomedicine") with { Park = "miaoshan" },
            new EventProjectRequest { Id = signed.Id },
            new EventProjectRequest { Id = alreadyStarted.Id }));

        var recorded = await response.ReadAsync<InvestmentEvent>(HttpStatusCode.Created);
        // Absolute, as every Location this API sends.
        Assert.True(response.Headers.Location?.IsAbsoluteUri);
        Assert.Equal($"/api/events/{recorded.Id}", response.Headers.Location?.AbsolutePath);
        Assert.Equal([EventAction.Created, EventAction.Created, EventAction.Transitioned, EventAction.Linked], recorded.Projects.Select(p => p.Action));
        Assert.All(recorded.Projects, project => Assert.Equal(ProjectStatus.Started, project.Status));
        var created = await (await Client().GetAsync($"/api/projects/{recorded.Projects[0].Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal(("420115", "2023-01-31", 12.5m), (created.District.Code, created.StartedOn.ToString(), created.Amount));
        var moved = await (await Client().GetAsync($"/api/projects/{signed.Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal(("2022-10", "2023-01-31"), (moved.SignedOn.ToString(), moved.StartedOn.ToString()));
        var history = await (await Client().GetAsync($"/api/projects/{signed.Id}/history", Cancellation)).ReadAsync<ProjectHistoryEntry[]>();
        Assert.Contains(recorded.Code, history[^1].Note);

        var read = await (await Client().GetAsync($"/api/events/{recorded.Id}", Cancellation)).ReadAsync<InvestmentEvent>();
        Assert.Equal(recorded.Projects.Select(p => p.Id).Order(), read.Projects.Select(p => p.Id).Order());
        Assert.Equal((21, 217.24m, "2023-01-31"), (read.ReportedProjectCount, read.ReportedAmount, read.Date.ToString()));
    }

    [Fact]
    public async Task TheEventIsAReportedBatchBesideItsItemisedProjects()
    {
        var recorded = await (await Client().PostAsync("/api/events", Groundbreaking(New("批次对比项目甲", 10m), New("批次对比项目乙", 5.5m))))
            .ReadAsync<InvestmentEvent>(HttpStatusCode.Created);

        var batches = await (await Client().GetAsync("/api/dashboard/batches", Cancellation)).ReadAsync<BatchComparison[]>();

        var batch = Assert.Single(batches, b => b.Code == recorded.Code);
        Assert.Equal(2, batch.Itemised.ProjectCount);
    }

    [Fact]
    public async Task TheProjectListFiltersByBatchToItsItemisedProjects()
    {
        await Client().CreateProjectAsync(ApiJson.Project("批次之外的项目", "jiangxia", signedOn: "2022-10"));
        var recorded = await (await Client().PostAsync("/api/events", Groundbreaking(New("批次筛选项目甲", 10m), New("批次筛选项目乙", 5.5m))))
            .ReadAsync<InvestmentEvent>(HttpStatusCode.Created);

        var page = await (await Client().GetAsync($"/api/projects?batch={recorded.Id}&includeTotal=true", Cancellation)).ReadAsync<ProjectPage>();

        Assert.Equal(["批次筛选项目乙", "批次筛选项目甲"], page.Items.Select(p => p.NameZh).Order(StringComparer.Ordinal));
        Assert.Equal(2, page.Total);
        var totals = await (await Client().GetAsync($"/api/dashboard/totals?batch={recorded.Id}&groupBy=district&measure=started", Cancellation)).ReadAsync<TotalsResult>();
        Assert.Equal((2, 15.5m), (totals.Total.ProjectCount, totals.Total.AmountCny));
    }

    [Theory]
    [InlineData("batch=0")]
    [InlineData("batch=-3")]
    [InlineData("batch=abc")]
    public async Task ABatchThatIsNoIdIs400NamingIt(string query)
    {
        var response = await Client().GetAsync($"/api/projects?{query}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "batch"));
    }

    [Fact]
    public async Task TheBatchesOfAPeriodAreThoseWhosePeriodTouchesIt()
    {
        var recorded = await (await Client().PostAsync("/api/events", Groundbreaking(New("批次期间项目", 3m)))).ReadAsync<InvestmentEvent>(HttpStatusCode.Created);

        async Task<string[]> CodesAsync(string query) =>
            (await (await Client().GetAsync($"/api/dashboard/batches?district=jiangxia&{query}", Cancellation)).ReadAsync<BatchComparison[]>()).Select(b => b.Code).ToArray();

        Assert.Contains(recorded.Code, await CodesAsync("from=2017&to=2025"));
        Assert.Contains(recorded.Code, await CodesAsync("from=2023-01&to=2023-01"));
        Assert.DoesNotContain(recorded.Code, await CodesAsync("from=2024&to=2025"));
        Assert.DoesNotContain(recorded.Code, await CodesAsync("year=2025"));
        using var refused = await Problems.ReadAsync(await Client().GetAsync("/api/dashboard/batches?from=2025&to=2017", Cancellation), HttpStatusCode.BadRequest);
        Assert.Equal("to cannot be before from.", Problems.ErrorsFor(refused, "to")[0]);
    }

    [Fact]
    public async Task OneInvalidProjectIs400NamingItAndNothingIsWritten()
    {
        var before = await CountsAsync();

        var response = await Client().PostAsync("/api/events", Groundbreaking(New("有效项目一", 3m), New("有效项目二"), New("无效金额项目", -1m) with { Currency = Currency.Cny }));

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("greater than 0", Problems.ErrorsFor(problem, "projects[2].amount")[0]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AProjectTheDatabaseRefusesRollsBackTheProjectsBeforeIt()
    {
        var intent = await Client().CreateProjectAsync(ApiJson.Project("仍在洽谈项目", status: ProjectStatus.Intent, signedOn: null));
        var before = await CountsAsync();

        var response = await Client().PostAsync("/api/events", Groundbreaking(New("先写入的新项目", 2m), new EventProjectRequest { Id = intent.Id }));

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("status-transition", problem.RootElement.GetProperty("rule").GetString());
        Assert.StartsWith($"projects[1] (project {intent.Id})", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await CountsAsync());
        Assert.Empty((await (await Client().GetAsync("/api/projects?q=先写入", Cancellation)).ReadAsync<ProjectPage>()).Items);
    }

    [Fact]
    public async Task ADuplicateNewProjectIs409PointingAtIt()
    {
        var existing = await Client().CreateProjectAsync(ApiJson.Project("重复活动项目"));

        var response = await Client().PostAsync("/api/events", Groundbreaking(New("别的项目"), New("重复活动项目")));

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("duplicate-name", problem.RootElement.GetProperty("rule").GetString());
        Assert.Equal(existing.Id, problem.RootElement.GetProperty("existingId").GetInt64());
        Assert.Equal("projects[1]", problem.RootElement.GetProperty("pointer").GetString());
    }

    [Theory]
    [InlineData("{\"id\": 999999}", "projects[0].id")]
    [InlineData("{\"id\": 1, \"nameZh\": \"既有又新\"}", "projects[0].id")]
    [InlineData("{\"nameZh\": \"缺行业项目\"}", "projects[0].sector")]
    [InlineData("null", "projects[0]")]
    public async Task BadItemsAre400NamingTheItem(string item, string field)
    {
        var body = $$"""{"kind":"signing","date":"2024-03-01","district":"jiangxia","title":"签约活动","projects":[{{item}}]}""";

        var response = await Client().RawAsync(HttpMethod.Post, "/api/events", body);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task AnEventIsNeededWholeBeforeAnyField()
    {
        using var problem = await Problems.ReadAsync(await Client().RawAsync(HttpMethod.Post, "/api/events", "{}"), HttpStatusCode.BadRequest);

        foreach (var field in new[] { "kind", "date", "district", "title" }) Assert.NotEmpty(Problems.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task DistrictLimitsApplyToTheEventAndToEachProject()
    {
        var hanyang = await Client().CreateProjectAsync(ApiJson.Project("汉阳待开工项目", district: "hanyang"));
        var editor = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor, "jiangxia"));
        var before = await CountsAsync();

        var elsewhere = await editor.PostAsync("/api/events", Groundbreaking(New("汉阳活动新项目")) with { District = "hanyang" });
        var reachingOut = await editor.PostAsync("/api/events", Groundbreaking(New("江夏活动新项目"), new EventProjectRequest { Id = hanyang.Id }));

        using (await Problems.ReadAsync(elsewhere, HttpStatusCode.Forbidden)) { }
        using (await Problems.ReadAsync(reachingOut, HttpStatusCode.Forbidden)) { }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheEventAndEachOfItsProjectsAreAuditedUnderOneRequest()
    {
        var signed = await Client().CreateProjectAsync(ApiJson.Project("审计活动既有项目", signedOn: "2022-11"));
        var before = await CountsAsync();

        var recorded = await (await Client().PostAsync("/api/events", Groundbreaking(New("审计活动新项目"), new EventProjectRequest { Id = signed.Id })))
            .ReadAsync<InvestmentEvent>(HttpStatusCode.Created);

        Assert.Equal(before.Audit + 3, (await CountsAsync()).Audit);
        var trail = (await (await Client().GetAsync("/api/audit?limit=1000", Cancellation)).ReadAsync<AuditPage>()).Items.TakeLast(3).ToList();
        Assert.Equal([AuditActions.ProjectCreated, AuditActions.ProjectStatusChanged, AuditActions.EventRecorded], trail.Select(entry => entry.Action));
        Assert.Single(trail.Select(entry => entry.RequestId).Distinct());
        Assert.Equal(recorded.Id, trail[2].EntityId);
    }

    [Fact]
    public async Task EventsAreListedNewestFirstAndFiltered()
    {
        var signing = await (await Client().PostAsync("/api/events", new EventRequest
        {
            Kind = BatchKind.Signing, Date = ApiJson.Date("2024-06"), District = "hanyang", Title = "汉阳区集中签约", Projects = [New("汉阳签约新项目", 30m)],
        })).ReadAsync<InvestmentEvent>(HttpStatusCode.Created);
        var groundbreaking = await (await Client().PostAsync("/api/events", Groundbreaking())).ReadAsync<InvestmentEvent>(HttpStatusCode.Created);

        var all = await (await Client().GetAsync("/api/events", Cancellation)).ReadAsync<EventPage>();
        var hanyang = await (await Client().GetAsync("/api/events?district=hanyang&kind=signing&from=2024", Cancellation)).ReadAsync<EventPage>();

        Assert.Equal([groundbreaking.Id, signing.Id], all.Items.Select(e => e.Id).Take(2));
        Assert.Equal(signing.Id, Assert.Single(hanyang.Items).Id);
        Assert.Equal(("2024-06", ProjectStatus.Signed), (hanyang.Items[0].Date.ToString(), hanyang.Items[0].Projects[0].Status));
        var project = await (await Client().GetAsync($"/api/projects/{signing.Projects[0].Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal("2024-06", project.SignedOn.ToString());
    }
}
