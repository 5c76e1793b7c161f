using System.Globalization;
using Dapper;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

/// <summary>
/// The list finds a page by walking indexes in order or by collecting the matches and sorting them (ProjectListing).
/// Whichever way a query takes, every page of every filter in every order holds exactly the projects the filter
/// matches, in the order asked: checked against the projects themselves, with the API made to walk wherever it may
/// and made to collect wherever it may.
/// </summary>
public sealed class ProjectListingTests(ProjectListingTests.Dataset dataset) : DatabaseTests<ProjectListingTests.Dataset>(dataset)
{
    /// <summary>Projects across places (a district, its zone, another city), every status, dates, amounts, parks and investors.</summary>
    public sealed class Dataset(PostgresServer server) : TestDatabase(server)
    {
        public List<Project> Projects { get; } = [];

        /// <summary>The same API made to walk (any range or investor is taken to match many) and made to collect (to match few).</summary>
        public ApiFactory Walking { get; private set; } = null!;
        public ApiFactory Collecting { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            if (Server.UnavailableReason is not null) return;
            Walking = ApiWith(new Dictionary<string, string?> { ["Lists:CollectCostPerWalkedEntry"] = "1000000", ["Lists:CollectAcrossDatesAtMost"] = "0" });
            Collecting = ApiWith(new Dictionary<string, string?> { ["Lists:CollectCostPerWalkedEntry"] = "0", ["Lists:CollectAcrossDatesAtMost"] = "1000000" });
            var client = Api.CreateClient();
            string[] places = ["jiangxia", "jiangxia-edz", "hannan", "wuhan", "xianan"];
            string[] sectors = ["biomedicine", "chips", "transport", "finance"];
            string[] investors = ["华为技术有限公司", "比亚迪股份有限公司", "武汉产业投资集团"];
            var random = new Random(7);
            for (var i = 0; i < 90; i++)
            {
                var status = (ProjectStatus)(i % 5);
                var year = 2019 + random.Next(6);
                string Date(int y) => random.Next(3) switch
                {
                    0 => y.ToString(CultureInfo.InvariantCulture),
                    1 => $"{y}-{random.Next(1, 13):00}",
                    _ => $"{y}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
                };
                var signed = status == ProjectStatus.Intent ? null : Date(year);
                var started = status is ProjectStatus.Started or ProjectStatus.Completed ? Date(year + 1) : null;
                var completed = status == ProjectStatus.Completed ? Date(year + 3) : null;
                var place = places[random.Next(places.Length)];
                var request = ApiJson.Project($"{(i % 3 == 0 ? "智能" : i % 3 == 1 ? "新能源" : "华中")}列表{i:00}项目", district: place,
                    sector: sectors[random.Next(sectors.Length)], status: status,
                    amount: random.Next(4) == 0 ? null : Math.Round((decimal)random.NextDouble() * 40, 2), signedOn: signed, startedOn: started,
                    completedOn: completed, currency: random.Next(8) == 0 ? Currency.Usd : null,
                    investors: random.Next(3) == 0 ? [investors[random.Next(investors.Length)]] : null,
                    park: place == "jiangxia-edz" && random.Next(2) == 0 ? "miaoshan" : null);
                Projects.Add(await client.CreateProjectAsync(request));
            }
        }
    }

    public static TheoryData<string> Filters =>
    [
        "", "district=jiangxia", "district=wuhan", "district=hannan&status=signed", "status=intent", "status=started&status=completed",
        "sector=chips", "park=miaoshan", "signedFrom=2021&signedTo=2022", "startedFrom=2022-06", "completedTo=2024",
        "minAmount=10", "maxAmount=5", "minAmount=5&maxAmount=20", "currency=USD", "investor=华为", "investor=产业投资", "q=新能源",
        "district=jiangxia&signedFrom=2020", "status=signed&minAmount=1&sector=biomedicine", "district=wuhan&q=智能&sort=name",
    ];

    public static readonly string[] Sorts = ["signedOn", "-signedOn", "startedOn", "-startedOn", "completedOn", "-completedOn", "amount", "-amount", "name", "-name", "updatedAt", "-updatedAt"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EveryPageOfEveryOrderHoldsExactlyTheMatchesInOrderWhetherWalkedOrCollected(string filter)
    {
        var expected = await MatchingIdsAsync(filter);
        foreach (var sort in filter.Contains("sort=", StringComparison.Ordinal) ? [""] : Sorts)
        {
            var query = string.Join('&', new[] { filter, sort.Length == 0 ? "" : $"sort={sort}" }.Where(part => part.Length > 0));
            var walked = await AllPagesAsync(Database.Walking, query);
            var collected = await AllPagesAsync(Database.Collecting, query);

            Assert.Equal(expected.Order(), walked.Select(project => project.Id).Order());
            Assert.Equal(walked.Select(project => project.Id), collected.Select(project => project.Id));
            var asked = query.Split('&').FirstOrDefault(part => part.StartsWith("sort=", StringComparison.Ordinal))?["sort=".Length..];
            AssertInOrder(walked, asked ?? "-signedOn", query);
        }
    }

    /// <summary>The ids the filter matches, found the plainest way: the list without any filter, filtered here.</summary>
    private async Task<HashSet<long>> MatchingIdsAsync(string filter)
    {
        // The database says which places lie within which (a zone in its district, districts in their city).
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        var within = (await connection.QueryAsync<(string Place, string Root)>(
            "SELECT inside, r.code FROM places r CROSS JOIN places_within(r.code) AS inside WHERE r.slug IS NOT NULL")).ToLookup(pair => pair.Root, pair => pair.Place);
        var slugs = (await connection.QueryAsync<(string Slug, string Code)>("SELECT slug, code FROM places WHERE slug IS NOT NULL")).ToDictionary(pair => pair.Slug, pair => pair.Code);
        var conditions = filter.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(part => !part.StartsWith("sort=", StringComparison.Ordinal))
            .Select(part => part.Split('=')).GroupBy(pair => pair[0], pair => pair[1]).ToList();
        return Database.Projects.Where(project => conditions.All(condition => condition.Key switch
        {
            "district" => condition.Any(slug => within[slugs[slug]].Contains(project.District.Code)),
            "status" => condition.Contains(EnumName(project.Status)),
            "sector" => project.Sector.Code == condition.Single(),
            "park" => project.Park?.Code == condition.Single(),
            "signedFrom" => project.SignedOn is { } d && d.Start >= From(condition.Single()),
            "signedTo" => project.SignedOn is { } d && d.Start <= To(condition.Single()),
            "startedFrom" => project.StartedOn is { } d && d.Start >= From(condition.Single()),
            "completedTo" => project.CompletedOn is { } d && d.Start <= To(condition.Single()),
            "minAmount" => project.EffectiveAmount >= decimal.Parse(condition.Single(), CultureInfo.InvariantCulture),
            "maxAmount" => project.EffectiveAmount <= decimal.Parse(condition.Single(), CultureInfo.InvariantCulture),
            "currency" => project.Currency == Currency.Usd,
            "investor" => project.Investors.Any(investor => investor.Contains(condition.Single(), StringComparison.Ordinal)),
            "q" => project.NameZh.Contains(condition.Single(), StringComparison.Ordinal),
            _ => throw new ArgumentException(condition.Key),
        })).Select(project => project.Id).ToHashSet();

        static DateOnly From(string text) => ApiJson.Date(text)!.Value.Start;
        static DateOnly To(string text) => ApiJson.Date(text)!.Value.End;
    }

    private static async Task<List<Project>> AllPagesAsync(ApiFactory api, string query)
    {
        var client = api.CreateClient();
        var all = new List<Project>();
        string? cursor = null;
        for (var page = 0; page < 200; page++)
        {
            var url = $"/api/projects?{query}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}");
            var result = await (await client.GetAsync(url, Cancellation)).ReadAsync<ProjectPage>();
            all.AddRange(result.Items);
            cursor = result.NextCursor;
            if (cursor is null) return all;
        }
        throw new InvalidOperationException($"paging {query} did not end");
    }

    /// <summary>Each project after the one before in the sort's order (unknown values first, ties by id); names only as the database collates them.</summary>
    private static void AssertInOrder(List<Project> projects, string sort, string query)
    {
        var descending = sort.StartsWith('-');
        Func<Project, IComparable?>? key = sort.TrimStart('-') switch
        {
            "signedOn" => p => p.SignedOn?.Start ?? DateOnly.MinValue,
            "startedOn" => p => p.StartedOn?.Start ?? DateOnly.MinValue,
            "completedOn" => p => p.CompletedOn?.Start ?? DateOnly.MinValue,
            "amount" => p => p.EffectiveAmount ?? -1m,
            "updatedAt" => p => p.UpdatedAt,
            _ => null, // pinyin order is the database's to say; walked and collected agree on it (above)
        };
        if (key is null) return;
        for (var i = 1; i < projects.Count; i++)
        {
            var order = key(projects[i - 1])!.CompareTo(key(projects[i]));
            if (order == 0) order = projects[i - 1].Id.CompareTo(projects[i].Id);
            Assert.True(descending ? order > 0 : order < 0, $"{query}: {projects[i - 1].NameZh} then {projects[i].NameZh}");
        }
    }

    private static string EnumName(ProjectStatus status) => ProjectTracker.Api.Common.EnumNames.Of(status);
}
