using Dapper;
using System.Net;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Indicators;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Seeds;

/// <summary>
/// One test per kind of fault a reading of the documents found in the seeds (issue #16), over the seeds as loaded,
/// so that none comes back: a status the text contradicts, a fact from outside the text, a threshold or a group
/// figure recorded as a project's amount, a plan or a yearly total recorded as a batch, a bound subtracted.
/// </summary>
public sealed class SeedFidelityTests(SeededDatabase database) : SeededTests(database)
{
    [Theory]
    [InlineData("杨泗港长江大桥", ProjectStatus.Completed)] // 建成 (十三五 review, year not stated)
    [InlineData("湖北商贸学院", ProjectStatus.Completed)] // 建成开学
    [InlineData("亿纬锂能第十三工厂", ProjectStatus.Completed)] // 建成并投产
    [InlineData("汉江南岸综合治理", ProjectStatus.Started)] // 正有序施工
    public async Task AStageTheTextStatesWithoutADateIsThatStageWithItsDateEmpty(string name, ProjectStatus status)
    {
        var project = await ProjectAsync(name);

        Assert.Equal(status, project.Status);
        Assert.Null(status == ProjectStatus.Started ? project.StartedOn : project.CompletedOn);
    }

    [Fact]
    public async Task NoSignedProjectIsOneTheTextSaysIsBuiltOrUnderConstruction()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var contradicted = await connection.QueryAsync<string>(
            "SELECT name_zh FROM projects WHERE status = 'signed' AND seed_key IS NOT NULL AND notes ~ '文中称(在建|已建成)'");

        Assert.Empty(contradicted);
    }

    [Theory]
    [InlineData("集家嘴", "420100")] // the article names the city only
    [InlineData("华润蒲圻电厂三期", "421200")] // 蒲圻 → 赤壁市 would be outside knowledge
    public async Task APlaceIsOnlyAsNarrowAsTheTextNamesIt(string name, string place) =>
        Assert.Equal(place, (await ProjectAsync(name)).District.Code);

    [Fact]
    public async Task AThresholdIsABoundOnTheBatchNeverAProjectsAmount()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var thresholdAsAmount = await connection.QueryAsync<string>("""
            SELECT p.name_zh FROM batches b JOIN batch_projects bp ON bp.batch_id = b.id JOIN projects p ON p.id = bp.project_id
            WHERE b.min_project_amount IS NOT NULL AND p.amount = b.min_project_amount AND p.amount_qualifier = 'at_least'
            """);
        var xianning = (await connection.QueryAsync<decimal?>("""
            SELECT p.amount FROM batches b JOIN batch_projects bp ON bp.batch_id = b.id JOIN projects p ON p.id = bp.project_id
            WHERE b.code = 'xianning-2017-2021-major-signings'
            """)).ToList();

        Assert.Empty(thresholdAsAmount);
        Assert.Equal(4, xianning.Count);
        Assert.All(xianning, Assert.Null);
    }

    [Fact]
    public async Task AGroupFigureIsNotAProjectAndANamedGroupIsOneProjectPerName()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var groups = await connection.QueryAsync<string>(
            "SELECT name_zh FROM projects WHERE seed_key IS NOT NULL AND (name_zh ~ '\\d+家' OR name_zh ~ '意向合作$' OR name_zh ~ '产业集群$' OR name_zh ~ 'G\\d+、')");

        Assert.Empty(groups);
        foreach (var road in new[] { "G106改扩建", "G107改扩建", "G351改扩建", "G353改扩建" }) await ProjectAsync(road);
    }

    [Fact]
    public async Task BatchesAreThingsThatHappenedNotPlansOrYearlyTotals()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var batches = await connection.QueryAsync<string>("SELECT title FROM batches WHERE title ~ '(拟|计划|安排|招商引资总额|到位资金|利用外资)'");
        var targets = await connection.QueryAsync<string>("SELECT title FROM targets WHERE title ~ '(招商引资总额|到位资金|利用外资)'");

        Assert.Empty(batches);
        Assert.Empty(targets);
    }

    [Fact]
    public async Task ABoundIsNeverSubtracted()
    {
        var batches = await (await Client().GetAsync("/api/dashboard/batches", Cancellation)).ReadAsync<List<BatchComparison>>();

        // 超2100亿 less the itemised projects is no figure; 217.24 − 24.5 (both exact) is.
        Assert.Null(batches.Single(batch => batch.Code == "wedz-2024-signings").AmountDifference);
        Assert.Equal(192.74m, batches.Single(batch => batch.Code == "jiangxia-2023q1-groundbreaking").AmountDifference);
        Assert.All(batches.Where(batch => batch.Reported.Qualifier is not null and not Api.Common.Values.AmountQualifier.Exact),
            batch => Assert.Null(batch.AmountDifference));
    }

    [Fact]
    public async Task AYearlyTotalIsAReportedFigureWhatHappenedApartFromWhatIsPlanned()
    {
        async Task<List<ReportedFigure>> FiguresAsync(string query) =>
            await (await Client().GetAsync($"/api/reported-figures?{query}", Cancellation)).ReadAsync<List<ReportedFigure>>();

        var attracted2017 = Assert.Single(await FiguresAsync("district=hanyang&year=2017&measure=investment_attracted"));
        var planned2018 = Assert.Single(await FiguresAsync("district=汉阳&year=2018&measure=investment_attracted"));
        var plans = await FiguresAsync("district=wuhan&stance=plan");

        Assert.Equal((FigureStance.Actual, 588.9m, FigureUnit.CnyYi, 50.9m, "420105"),
            (attracted2017.Stance, attracted2017.Value, attracted2017.Unit, attracted2017.GrowthPercent, attracted2017.Place.Code));
        Assert.Equal((FigureStance.Plan, 650m), (planned2018.Stance, planned2018.Value));
        Assert.All(plans, figure => Assert.Equal(FigureStance.Plan, figure.Stance));
        Assert.Contains(plans, figure => figure is { Measure: ReportedMeasure.FundsInPlace, Value: 650m, Qualifier: Api.Common.Values.AmountQualifier.AtLeast });
        Assert.Contains(await FiguresAsync("district=hanyang&year=2017"), figure => figure is { Measure: ReportedMeasure.Fortune500Firms, Value: 9m, Unit: FigureUnit.Count });
    }

    [Fact]
    public async Task TheReportedFiguresOfAPeriodAreThoseWhosePeriodTouchesIt()
    {
        async Task<string[]> TitlesAsync(string query) =>
            (await (await Client().GetAsync($"/api/reported-figures?district=hanyang&{query}", Cancellation)).ReadAsync<List<ReportedFigure>>())
            .Select(figure => figure.Title).ToArray();

        // 2017–2019 touches the 2017 figures, the 十三五 totals (2016–2020) and the 2018 plans, not 2020's.
        var titles = await TitlesAsync("from=2017&to=2019");
        Assert.Contains("汉阳区2017年招商引资总额", titles);
        Assert.Contains("汉阳区2016—2020年招商引资实际到位资金", titles);
        Assert.Contains("汉阳区2018年招商引资总额(目标)", titles);
        Assert.DoesNotContain("汉阳区2020年实际利用外资", titles);
        Assert.Equal(await TitlesAsync("year=2018"), await TitlesAsync("from=2018-01&to=2018-12"));
    }

    [Theory]
    [InlineData("from=2020&to=2017", "to")]
    [InlineData("measure=gdp", "measure")]
    [InlineData("stance=maybe", "stance")]
    [InlineData("district=朝阳区", "district")]
    [InlineData("year=1800", "year")]
    public async Task ABadReportedFiguresQueryIsA400NamingTheParameter(string query, string parameter)
    {
        var response = await Client().GetAsync($"/api/reported-figures?{query}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, parameter));
    }
}
