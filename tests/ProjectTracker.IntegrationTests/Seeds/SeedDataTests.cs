using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Seeds;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Seeds;

public sealed class SeedDataTests(SeededDatabase database) : SeededTests(database)
{
    [Fact]
    public async Task LoadingTwiceChangesNothing()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        const string Counts = """
            SELECT (SELECT count(*) FROM projects) || '/' || (SELECT count(*) FROM project_history) || '/' || (SELECT count(*) FROM project_sources)
                || '/' || (SELECT count(*) FROM batches) || '/' || (SELECT count(*) FROM batch_projects) || '/' || (SELECT count(*) FROM batch_breakdown)
                || '/' || (SELECT count(*) FROM targets) || '/' || (SELECT count(*) FROM documents)
            """;
        var before = await connection.ExecuteScalarAsync<string>(Counts);

        var second = await Database.Api.Services.GetRequiredService<SeedLoader>().LoadAsync(Cancellation);

        Assert.Equal(0, second.ProjectsInserted);
        Assert.Equal(before, await connection.ExecuteScalarAsync<string>(Counts));
        Assert.Equal(Database.FirstLoad!.ProjectsInSeeds, Database.FirstLoad.ProjectsInserted);
    }

    [Fact]
    public async Task EverySeededProjectPassesTheApisValidator()
    {
        var loader = Database.Api.Services.GetRequiredService<SeedLoader>();
        var seeds = await loader.ReadAsync(Cancellation);

        var problems = await loader.ProblemsAsync(seeds, Cancellation);

        Assert.Empty(problems);
        Assert.True(seeds.Projects.Count >= 200, $"only {seeds.Projects.Count} projects");
        Assert.All(seeds.Projects, seed => Assert.NotEmpty(seed.Sources));
    }

    [Fact]
    public async Task TheSmartMedicalBaseIsAsTheJiangxiaArticleStates()
    {
        var project = await ProjectAsync("智能医疗基地建设项目(一期)");

        Assert.Equal(("420115", "江夏区"), (project.District.Code, project.District.NameZh));
        Assert.Equal("庙山产业园区", project.Park?.NameZh);
        Assert.Equal((24.5m, AmountQualifier.Exact, Currency.Cny), (project.Amount, project.AmountQualifier, project.Currency));
        Assert.Equal((ProjectStatus.Started, "2023-01-31"), (project.Status, project.StartedOn.ToString()));
        Assert.Equal(533000m, project.LandAreaSqm);
        var sources = await (await Client().GetAsync($"/api/projects/{project.Id}/sources", Cancellation)).ReadAsync<List<ProjectSource>>();
        var source = Assert.Single(sources);
        Assert.Equal("000_922fc1110e0f0fcf.txt", source.Document.FileName);
        Assert.Contains("startedOn", source.Facts);
    }

    [Fact]
    public async Task TheHaochuanHeadquartersHasTwoApproximatePhasesAndNoInventedTotal()
    {
        var project = await ProjectAsync("浩川水利总部项目");

        Assert.Null(project.Amount);
        Assert.Equal([("一期", 1m, AmountQualifier.Approx), ("二期", 9m, AmountQualifier.Approx)],
            project.Phases.Select(phase => (phase.Name, phase.Amount!.Value, phase.Qualifier!.Value)));
        Assert.Equal((10m, AmountQualifier.Approx), (project.EffectiveAmount, project.EffectiveQualifier));
        Assert.Equal((ProjectStatus.Signed, "2023-02-01"), (project.Status, project.SignedOn.ToString()));
        Assert.Equal(["湖北浩川水利水电工程有限公司"], project.Investors);
    }

    [Fact]
    public async Task RegisteredCapitalIsNotMistakenForInvestment()
    {
        var project = await ProjectAsync("中国电建集团华中区域总部项目");

        Assert.Equal((100m, AmountQualifier.AtLeast), (project.Amount, project.AmountQualifier));
        Assert.Contains("注册资本50亿元", project.Notes);
        Assert.Equal(ProjectStatus.Intent, project.Status);
    }

    [Fact]
    public async Task AProjectInTwoDocumentsIsOneProjectWithBothSourcesAndTheDisagreementNoted()
    {
        var project = await ProjectAsync("汉江江滩三期");

        var sources = await (await Client().GetAsync($"/api/projects/{project.Id}/sources", Cancellation)).ReadAsync<List<ProjectSource>>();

        Assert.Equal(["002_984d2c24117c5c48.txt", "004_b9e74769c006be2c.txt"], sources.Select(s => s.Document.FileName).Order());
        Assert.Equal("2020", project.CompletedOn.ToString());
        Assert.Contains("2021", project.Notes);
    }

    [Fact]
    public async Task YearPreciseFactsStayYearPrecise()
    {
        var brewery = await ProjectAsync("百威啤酒精酿厂");

        Assert.Equal((ProjectStatus.Completed, "2017", DatePrecision.Year), (brewery.Status, brewery.CompletedOn.ToString(), brewery.CompletedOn!.Value.Precision));
    }

    [Fact]
    public async Task TheJiangxiaGroundbreakingBatchIsStoredWithItsBreakdown()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var batch = await connection.QuerySingleAsync<(int Count, decimal Amount, DateOnly Day)>(
            "SELECT reported_project_count, reported_amount, period_start FROM batches WHERE code = 'jiangxia-2023q1-groundbreaking'");
        var breakdown = (await connection.QueryAsync<(string Sector, int Count, decimal Amount)>(
            "SELECT sector_code, project_count, amount FROM batch_breakdown b JOIN batches ON batches.id = b.batch_id WHERE code = 'jiangxia-2023q1-groundbreaking' ORDER BY sector_code")).ToList();

        Assert.Equal((21, 217.24m, new DateOnly(2023, 1, 31)), batch);
        Assert.Equal([("infrastructure", 6, 44.43m), ("manufacturing", 10, 132.35m), ("other", 4, 19.46m), ("services", 1, 21m)], breakdown);
        Assert.Equal(batch.Count, breakdown.Sum(row => row.Count));
        Assert.Equal(batch.Amount, breakdown.Sum(row => row.Amount));
    }

    [Fact]
    public async Task ReportedYearlyFiguresAndTargetsAreStored()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var signings = await connection.QuerySingleAsync<(int Count, decimal Amount, string Qualifier)>(
            "SELECT reported_project_count, reported_amount, reported_qualifier::text FROM batches WHERE code = 'wedz-2024-signings'");
        var targets = (await connection.QueryAsync<(string Measure, decimal Value, string Qualifier)>(
            "SELECT measure::text, target_value, qualifier::text FROM targets WHERE year = 2024 AND park_code = 'wedz-icv-ev' ORDER BY target_value")).ToList();

        Assert.Equal((110, 2100m, "at_least"), signings);
        Assert.Equal([("signed_count", 15m, "at_least"), ("signed_amount", 200m, "at_least")], targets);
    }

    [Fact]
    public async Task ReferenceListsServeTheSeededWorld()
    {
        var sectors = await (await Client().GetAsync("/api/sectors", Cancellation)).ReadAsync<List<SectorCategory>>();
        var parks = await (await Client().GetAsync("/api/parks?district=wuhan-edz", Cancellation)).ReadAsync<List<Park>>();
        var documents = await (await Client().GetAsync("/api/sources", Cancellation)).ReadAsync<List<SourceDocument>>();

        Assert.Equal(["manufacturing", "services", "infrastructure", "other"], sectors.Select(category => category.Code));
        Assert.Contains(sectors[0].Industries, industry => industry.NameZh == "新能源与智能网联汽车");
        Assert.Contains(parks, park => park.NameZh == "智能网联和电动汽车产业园");
        Assert.DoesNotContain(parks, park => park.NameZh == "龙阳湖健康谷");
        Assert.Equal(5, documents.Count);
    }

    [Fact]
    public async Task JiangxiasStartsIn2023AreTheSmartMedicalBaseAlone()
    {
        var totals = await (await Client().GetAsync("/api/dashboard/totals?groupBy=district&measure=started&district=jiangxia&startedFrom=2023&startedTo=2023", Cancellation))
            .ReadAsync<ProjectTracker.Api.Dashboard.TotalsResult>();

        var row = Assert.Single(totals.Rows);
        Assert.Equal(("420115", 1L, 24.5m), (row.Keys["district"].Code, row.Figures.ProjectCount, row.Figures.AmountCny));
    }

    [Fact]
    public async Task HanyangsCompletionsByYearMatchTheWorkReports()
    {
        var totals = await (await Client().GetAsync("/api/dashboard/totals?groupBy=year&measure=completed&district=hanyang", Cancellation))
            .ReadAsync<ProjectTracker.Api.Dashboard.TotalsResult>();

        // 2017 (2018 report): 百威啤酒精酿厂, 大桥局 and 省交投 headquarters, 华发四季, three incubators, 长江汉阳江滩二期水毁修复,
        // 四新泵站, 四新海绵城市示范区, 晴川大道, 汉阳大道, 夹河路, 铁桥广场, 江腾广场, 沟咀产业园, 月湖小学, 张之洞与武汉博物馆,
        // 智慧养老信息平台 (2017年建立) = 19.
        // 2020 (2021 report): 琴台美术馆, 健博会线上交易平台, 钟南山院士团队项目 (顺利入驻), 平安创展湖北总部, 汉江江滩三期,
        // two nurseries = 7. 2021: 汉阳碧道. Built, year not stated: 政务服务中心 (投入使用), 中欧科技金融交流合作中心 (揭牌运营).
        Assert.Equal([("2017", 19L), ("2020", 7L), ("2021", 1L), (null, 2L)], totals.Rows.Select(r => (r.Keys["year"].Code, r.Figures.ProjectCount)));
    }

    [Fact]
    public async Task TheJiangxiaGroundbreakingIsItemisedOneProjectOfTwentyOne()
    {
        var batches = await (await Client().GetAsync("/api/dashboard/batches?district=jiangxia", Cancellation))
            .ReadAsync<List<ProjectTracker.Api.Dashboard.BatchComparison>>();

        var batch = Assert.Single(batches);
        Assert.Equal((21, 217.24m, 1L, 24.5m, 20L, 192.74m),
            (batch.Reported.ProjectCount!.Value, batch.Reported.Amount!.Value, batch.Itemised.ProjectCount, batch.Itemised.AmountCny, batch.CountDifference!.Value, batch.AmountDifference!.Value));
        var manufacturing = batch.Breakdown.Single(line => line.Sector.Code == "manufacturing");
        Assert.Equal((10, 132.35m, 1L, 24.5m), (manufacturing.ReportedCount!.Value, manufacturing.ReportedAmount!.Value, manufacturing.ItemisedCount, manufacturing.ItemisedAmount));
    }

    [Fact]
    public async Task ChineseSearchFindsAProjectByTwoCharacters()
    {
        var page = await (await Client().GetAsync($"/api/projects?q={Uri.EscapeDataString("医疗")}", Cancellation)).ReadAsync<ProjectPage>();

        Assert.Contains(page.Items, project => project.NameZh == "智能医疗基地建设项目(一期)");
    }
}
