using System.Net;
using Dapper;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using Fact = ProjectTracker.IntegrationTests.Dashboard.DashboardDataset.Fact;

namespace ProjectTracker.IntegrationTests.Dashboard;

public sealed class DashboardTotalsTests(DashboardDataset data) : DatabaseTests<DashboardDataset>(data)
{
    private async Task<TotalsResult> TotalsAsync(string query) =>
        await (await Database.Api.CreateClient().GetAsync($"/api/dashboard/totals?{query}", Cancellation)).ReadAsync<TotalsResult>();

    public static TheoryData<string, string> Groupings()
    {
        var data = new TheoryData<string, string>();
        string[] measures = ["current", "signed", "started", "completed"];
        string[] groupings = ["province", "city", "city,status", "province,year", "district", "park", "sector", "sectorCategory", "status", "year", "quarter", "month",
            "district,status", "sectorCategory,year", "status,month", "district,quarter", "park,sector"];
        foreach (var measure in measures)
        foreach (var groupBy in groupings)
            data.Add(measure, groupBy);
        return data;
    }

    [Theory]
    [MemberData(nameof(Groupings))]
    public async Task EveryGroupingOfEveryMeasureMatchesIndependentArithmetic(string measure, string groupBy)
    {
        var result = await TotalsAsync($"groupBy={groupBy}&measure={measure}");

        var dimensions = groupBy.Split(',');
        var expected = Expected(DashboardDataset.Facts, measure, dimensions);
        var actual = result.Rows.ToDictionary(row => string.Join("|", dimensions.Select(d => row.Keys[d].Code ?? "∅")), row => row.Figures);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, figures) in expected) Assert.Equal(figures, actual[key]);
        Assert.Equal(Total(expected.Values), result.Total);
        Assert.Equal(Total(result.Rows.Select(row => row.Figures)), result.Total);
    }

    public static TheoryData<string, Func<Fact, bool>> Filters => new()
    {
        { "district=jiangxia", f => f.Place is "420115" or "420115Z01" },
        { "district=wuhan", f => f.Place.StartsWith("4201", StringComparison.Ordinal) },
        { "district=hanyang&district=xianning", f => f.Place is "420105" or "421200" },
        { "sector=manufacturing", f => f.Category == "manufacturing" },
        { "sector=headquarters", f => f.Sector == "headquarters" },
        { "status=started&status=completed", f => f.Status is ProjectStatus.Started or ProjectStatus.Completed },
        { "currency=USD", f => f.Currency == Currency.Usd },
        { "currency=CNY&district=jiangxia&sector=services", f => f.Currency == Currency.Cny && f.Place is "420115" or "420115Z01" && f.Category == "services" },
        { "park=miaoshan", f => f.Park == "miaoshan" },
        { "minAmount=5", f => f.Amount >= 5 },
        { "maxAmount=10&district=jiangxia", f => f.Amount <= 10 && f.Place is "420115" or "420115Z01" },
        { "q=总部", f => f.Name.Contains("总部", StringComparison.Ordinal) },
        { "district=chibi", _ => false },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TheProjectFiltersNarrowTheTotalsAsTheyNarrowTheList(string filter, Func<Fact, bool> matches)
    {
        foreach (var measure in new[] { "current", "signed", "started" })
        {
            var result = await TotalsAsync($"groupBy=district,status&measure={measure}&{filter}");

            var expected = Expected(DashboardDataset.Facts.Where(matches), measure, ["district", "status"]);
            Assert.Equal(Total(expected.Values), result.Total);
            Assert.Equal(expected.Count, result.Rows.Count);
        }
    }

    [Theory]
    [InlineData("signed", "signedFrom=2023-01&signedTo=2023-02")]
    [InlineData("signed", "signedFrom=2023&signedTo=2023")]
    [InlineData("signed", "signedFrom=2023-01-15&signedTo=2023-03-31")]
    [InlineData("started", "startedFrom=2023-01&startedTo=2023-03")]
    [InlineData("started", "startedFrom=2023-02-01")]
    [InlineData("completed", "completedFrom=2023-06&completedTo=2023-06")]
    [InlineData("current", "signedFrom=2023")]
    public async Task DateRangesCountByTheStoredStartOfEachDate(string measure, string range)
    {
        var result = await TotalsAsync($"groupBy=month&measure={measure}&{range}");

        var bounds = System.Web.HttpUtility.ParseQueryString(range);
        bool Within(string? text, string fromKey, string toKey)
        {
            if (bounds[fromKey] is null && bounds[toKey] is null) return true;
            if (ApiJson.Date(text) is not { } date) return false;
            return (bounds[fromKey] is not { } from || date.Start >= ApiJson.Date(from)!.Value.Start)
                   && (bounds[toKey] is not { } to || date.Start <= ApiJson.Date(to)!.Value.End);
        }
        var matching = DashboardDataset.Facts.Where(f => Within(f.Signed, "signedFrom", "signedTo")
                                                        && Within(f.Started, "startedFrom", "startedTo")
                                                        && Within(f.Completed, "completedFrom", "completedTo"));
        Assert.Equal(Total(Expected(matching, measure, ["month"]).Values), result.Total);
    }

    [Theory]
    [InlineData("district", "signed")]
    [InlineData("district,month", "signed")]
    [InlineData("city,quarter", "started")]
    [InlineData("province,status", "current")]
    [InlineData("sectorCategory,month", "started")]
    [InlineData("status,year", "current")]
    [InlineData("park,quarter", "completed")]
    public async Task TheRollupAndTheProjectsTableGiveTheSameAnswers(string groupBy, string measure)
    {
        var fromRollup = await TotalsAsync($"groupBy={groupBy}&measure={measure}");
        // A filter only the projects table can apply, which keeps every row: forces the other path.
        var fromProjects = await TotalsAsync($"groupBy={groupBy}&measure={measure}&updatedSince=1990-01-01T00:00:00Z");

        Assert.Equal(fromRollup.Total, fromProjects.Total);
        Assert.Equal(fromRollup.Rows.Select(row => (string.Join("|", row.Keys.Values.Select(k => k.Code)), row.Figures)),
            fromProjects.Rows.Select(row => (string.Join("|", row.Keys.Values.Select(k => k.Code)), row.Figures)));
    }

    [Fact]
    public async Task CurrenciesAreNeverMixed()
    {
        var result = await TotalsAsync("groupBy=district&measure=signed&district=hanyang");

        var hanyang = Assert.Single(result.Rows);
        // 外资华中总部 (3 亿美元) and 汉阳大道改造 (completed, so signed, 100 亿元): two projects, two separate sums.
        Assert.Equal((2, 100m, 3m), (hanyang.Figures.ProjectCount, hanyang.Figures.AmountCny, hanyang.Figures.AmountUsd));
    }

    [Fact]
    public async Task NamesComeInChineseAndEnglishAndTheResponseSaysWhichDateCounts()
    {
        var result = await TotalsAsync("groupBy=district,quarter&measure=started");

        Assert.Equal("startedOn", result.DateBasis);
        var jiangxia = result.Rows.First(row => row.Keys["district"].Code == "420115");
        Assert.Equal(("江夏区", "Jiangxia District"), (jiangxia.Keys["district"].NameZh, jiangxia.Keys["district"].NameEn));
        Assert.Contains(result.Rows, row => row.Keys["quarter"] is { Code: "2023-Q1", NameZh: "2023年第1季度", NameEn: "2023 Q1" });
        Assert.Contains(result.Rows, row => row.Keys["quarter"] is { Code: "2023-Q?", NameZh: "2023年(月份不详)" });
    }

    [Fact]
    public async Task PlacesRollUpToCityAndProvinceAndEachRowNamesItsParent()
    {
        var byCity = await TotalsAsync("groupBy=city&measure=current");
        var byDistrict = await TotalsAsync("groupBy=district&measure=current");

        var wuhan = byCity.Rows.Single(row => row.Keys["city"].Code == "420100").Keys["city"];
        Assert.Equal(("武汉市", "420000", "湖北省"), (wuhan.NameZh, wuhan.Parent?.Code, wuhan.Parent?.NameZh));
        var zone = byDistrict.Rows.Single(row => row.Keys["district"].Code == "420115Z01").Keys["district"];
        Assert.Equal(("420115", "江夏区"), (zone.Parent?.Code, zone.Parent?.NameZh));
        var hubei = Assert.Single((await TotalsAsync("groupBy=province&measure=current")).Rows).Keys["province"];
        Assert.Equal(("湖北省", null), (hubei.NameZh, hubei.Parent));
    }

    [Fact]
    public async Task AnEmptySelectionHasNoRowsAndAZeroTotal()
    {
        var result = await TotalsAsync("groupBy=district&district=chibi");

        Assert.Empty(result.Rows);
        Assert.Equal(new Figures(0, 0, 0, 0, 0, 0, 0), result.Total);
    }

    [Theory]
    [InlineData("groupBy=planet", "groupBy")]
    [InlineData("groupBy=district,status,year", "groupBy")]
    [InlineData("groupBy=district,district", "groupBy")]
    [InlineData("", "groupBy")]
    [InlineData("groupBy=district&measure=approved", "measure")]
    [InlineData("groupBy=district&district=mars", "district")]
    [InlineData("groupBy=district&format=xml", "format")]
    public async Task BadTotalsQueriesAre400NamingTheParameter(string query, string parameter)
    {
        var response = await Database.Api.CreateClient().GetAsync($"/api/dashboard/totals?{query}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, parameter));
    }

    internal static Dictionary<string, Figures> Expected(IEnumerable<Fact> facts, string measure, IReadOnlyList<string> dimensions) =>
        facts.Select(fact => (fact, contribution: DashboardDataset.Contribution(fact, measure)))
            .Where(x => x.contribution.Counts)
            .GroupBy(x => string.Join("|", dimensions.Select(d => DashboardDataset.Key(x.fact, x.contribution.Date, d) ?? "∅")))
            .ToDictionary(group => group.Key, group => Total(group.Select(x => FiguresOf(x.fact))));

    internal static Figures FiguresOf(Fact fact) => new(1,
        fact.Currency == Currency.Cny ? fact.Amount ?? 0 : 0,
        fact.Currency == Currency.Usd ? fact.Amount ?? 0 : 0,
        fact.Amount is null ? 1 : 0,
        fact.Qualifier == AmountQualifier.Approx ? 1 : 0,
        fact.Qualifier == AmountQualifier.AtLeast ? 1 : 0,
        fact.Qualifier == AmountQualifier.AtMost ? 1 : 0);

    internal static Figures Total(IEnumerable<Figures> figures) => figures.Aggregate(new Figures(0, 0, 0, 0, 0, 0, 0), (a, b) => new Figures(
        a.ProjectCount + b.ProjectCount, a.AmountCny + b.AmountCny, a.AmountUsd + b.AmountUsd, a.WithoutAmount + b.WithoutAmount,
        a.ApproxCount + b.ApproxCount, a.AtLeastCount + b.AtLeastCount, a.AtMostCount + b.AtMostCount));
}
