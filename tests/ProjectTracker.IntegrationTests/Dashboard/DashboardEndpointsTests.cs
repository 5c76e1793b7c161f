using System.Net;
using System.Text;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Dashboard;

public sealed class DashboardEndpointsTests(DashboardDataset data) : DatabaseTests<DashboardDataset>(data)
{
    private async Task<T> GetAsync<T>(string url) => await (await Database.Api.CreateClient().GetAsync(url, Cancellation)).ReadAsync<T>();

    [Fact]
    public async Task ATimeSeriesHasEveryPeriodZerosIncludedAndCountsYearOnlyDatesApart()
    {
        var series = await GetAsync<SeriesResult>("/api/dashboard/timeseries?measure=started&interval=month&from=2022-12&to=2023-06");

        Assert.Equal(["2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"], series.Points.Select(p => p.Period));
        Assert.Equal([0L, 1, 0, 1, 1, 0, 0], series.Points.Select(p => p.Figures.ProjectCount));
        Assert.Equal(24.5m, series.Points[1].Figures.AmountCny);
        Assert.Equal((new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28)), (series.Points[2].Start, series.Points[2].End));
        Assert.Equal(1, series.NotPlaced.ProjectCount);
        Assert.Equal("startedOn", series.DateBasis);
    }

    [Fact]
    public async Task AYearlySeriesPlacesYearOnlyDates()
    {
        var series = await GetAsync<SeriesResult>("/api/dashboard/timeseries?measure=started&interval=year&from=2022&to=2024");

        Assert.Equal([("2022", 1L), ("2023", 4L), ("2024", 1L)], series.Points.Select(p => (p.Period, p.Figures.ProjectCount)));
        Assert.Equal(0, series.NotPlaced.ProjectCount);
    }

    [Theory]
    [InlineData("measure=started&interval=month&from=2023", "to")]
    [InlineData("measure=current&interval=month&from=2023&to=2023", "measure")]
    [InlineData("measure=started&interval=week&from=2023&to=2023", "interval")]
    [InlineData("measure=started&interval=month&from=1990&to=2099", "to")]
    [InlineData("measure=started&interval=month&from=2023&to=2023&startedFrom=2023", "startedFrom")]
    public async Task BadSeriesQueriesAre400(string query, string parameter)
    {
        var response = await Database.Api.CreateClient().GetAsync($"/api/dashboard/timeseries?{query}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, parameter));
    }

    [Fact]
    public async Task KpisOfA2023CohortMatchTheHandCount()
    {
        var result = await GetAsync<KpiResult>("/api/dashboard/kpis?year=2023&thresholds=1,5");

        var row = Assert.Single(result.Rows);
        // Signed in 2023 and not cancelled: T3出行总部, 浩川水利总部, 外资华中总部, 总部快开.
        Assert.Equal((4L, 2L, 0L), (row.Signed, row.StartedOfSigned, row.CompletedOfSigned));
        Assert.Equal((0.5m, 0m), (row.StartRate, row.CompletionRate));
        // Only 总部快开 has both dates to the day: 2023-03-01 → 2023-04-10.
        Assert.Equal((40m, 40m, 1L), (row.AverageDaysToStart, row.MedianDaysToStart, row.DaysToStartSample));
        Assert.Equal([(1m, 3L, 17m), (5m, 2L, 15m)], row.Thresholds.Select(t => (t.MinAmount, t.ProjectCount, t.AmountCny)));
        // Signings 2023: 4 (17 亿元 CNY); 2022: 智能医疗基地 and 医疗器械二期 (24.5 亿元).
        Assert.Equal(new YearOnYear(4, 2, 1m, 17m, 24.5m, -0.3061m), row.SignedYearOnYear);
        // Starts 2023: 智能医疗基地, 浩川水利总部, 医疗器械二期, 总部快开 (31.5); 2022: 汉阳大道改造 (100).
        Assert.Equal(new YearOnYear(4, 1, 3m, 31.5m, 100m, -0.685m), row.StartedYearOnYear);
    }

    [Fact]
    public async Task KpisGroupedByDistrictAddUpToTheWhole()
    {
        var whole = Assert.Single((await GetAsync<KpiResult>("/api/dashboard/kpis?year=2023")).Rows);
        var byDistrict = await GetAsync<KpiResult>("/api/dashboard/kpis?year=2023&groupBy=district");

        Assert.Equal(whole.Signed, byDistrict.Rows.Sum(row => row.Signed));
        Assert.Equal(whole.SignedYearOnYear.CountLastYear, byDistrict.Rows.Sum(row => row.SignedYearOnYear.CountLastYear));
        Assert.Contains(byDistrict.Rows, row => row.Key is { Code: "420115Z01", NameZh: "江夏经济开发区" });
    }

    [Fact]
    public async Task KpisGroupedByCityCountEachCityOnce()
    {
        var whole = Assert.Single((await GetAsync<KpiResult>("/api/dashboard/kpis?year=2023")).Rows);
        var byCity = await GetAsync<KpiResult>("/api/dashboard/kpis?year=2023&groupBy=city");

        // Every 2023 signing is in Wuhan (江夏, its zone, 汉阳); 咸宁's project has no signing date.
        var wuhan = Assert.Single(byCity.Rows, row => row.Signed > 0);
        Assert.Equal(("420100", "420000", whole.Signed, whole.MedianDaysToStart), (wuhan.Key!.Code, wuhan.Key.Parent?.Code, wuhan.Signed, wuhan.MedianDaysToStart));
    }

    [Fact]
    public async Task TopRanksByAmountWithinOneCurrency()
    {
        var cny = await GetAsync<List<Project>>("/api/dashboard/top?by=amount&limit=3");
        var usd = await GetAsync<List<Project>>("/api/dashboard/top?currency=USD");

        Assert.Equal(["汉阳大道改造", "咸宁抽水蓄能", "智能医疗基地"], cny.Select(p => p.NameZh));
        Assert.Equal(["外资华中总部"], usd.Select(p => p.NameZh));
    }

    [Fact]
    public async Task StalledListsTheOldestWaitsFirstAndNeverFlagsAMonthPreciseDateEarly()
    {
        var result = await GetAsync<StalledResult>("/api/dashboard/stalled?monthsSinceSigning=6&monthsSinceStart=24");

        Assert.Equal(["T3出行总部", "外资华中总部"], result.SignedNotStarted.Select(s => s.Project.NameZh));
        Assert.Equal(new DateOnly(2023, 12, 31), result.SignedNotStarted[1].WaitingSince);
        Assert.Equal(["智能医疗基地", "浩川水利总部", "总部快开", "医疗器械二期", "咸宁抽水蓄能"], result.StartedNotCompleted.Select(s => s.Project.NameZh));
        Assert.Equal(new DateOnly(2023, 3, 31), result.StartedNotCompleted[1].WaitingSince);
        Assert.Empty((await GetAsync<StalledResult>("/api/dashboard/stalled?monthsSinceStart=600&monthsSinceSigning=600")).StartedNotCompleted);
    }

    [Fact]
    public async Task CsvOpensInExcelWithChineseNamesAndFixedDecimals()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/totals?groupBy=district&measure=started");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await Database.Api.CreateClient().SendAsync(request, Cancellation);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("district_code,district_zh,district_en,project_count,amount_cny_yi,amount_usd_yi,without_amount,approx_count,at_least_count,at_most_count", lines[0]);
        Assert.Contains("420115,江夏区,Jiangxia District,4,31.5000,0.0000,1,0,1,0", lines);
        Assert.StartsWith("total,合计,Total,6,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatCsvServesClientsThatCannotSetAccept()
    {
        var csv = await Database.Api.CreateClient().GetStringAsync("/api/dashboard/timeseries?measure=started&interval=year&from=2023&to=2023&format=csv", Cancellation);

        Assert.Contains("2023,2023-01-01,2023-12-31,4,31.5000", csv);
    }

    [Fact]
    public async Task TargetsAndBatchesCanBeTakenAsCsvOrJson()
    {
        var targets = await Database.Api.CreateClient().GetByteArrayAsync("/api/dashboard/targets?format=csv", Cancellation);
        var batches = await GetAsync<List<BatchComparison>>("/api/dashboard/batches");

        Assert.StartsWith("\uFEFFid,year,district_code", Encoding.UTF8.GetString(targets), StringComparison.Ordinal);
        Assert.Empty(batches);
    }
}
