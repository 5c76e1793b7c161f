using System.Net;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using static ProjectTracker.Api.Projects.ProjectStatus;

namespace ProjectTracker.IntegrationTests.Projects;

/// <summary>A small, known set of projects; every filter is checked against it by name.</summary>
public sealed class FilterDataset(PostgresServer server) : TestDatabase(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        var client = Api.CreateClient();
        ProjectRequest[] projects =
        [
            ApiJson.Project("智能医疗基地建设项目", "jiangxia", "biomedicine", Started, 24.5m, "2022-12", "2023-01-31", investors: ["湖北医疗科技有限公司"]),
            ApiJson.Project("T3出行华中区域总部", "jiangxia-edz", "nev_icv", Signed, 10m, "2023-02-01", investors: ["南京领行科技股份有限公司"]) with { AmountQualifier = AmountQualifier.Approx },
            ApiJson.Project("中国电建华中区域总部", "hanyang", "headquarters", Signed, 5m, "2023-06", currency: Currency.Usd),
            ApiJson.Project("大健康交易平台", "hanyang", "health_services", Intent, signedOn: null),
            ApiJson.Project("咸宁大道西延伸线", "xianning", "transport", Completed, signedOn: null, completedOn: "2021") with { Kind = ProjectKind.PublicWorks },
            ApiJson.Project("武汉超算中心", "wuhan", "digital_infrastructure", Started, signedOn: null, startedOn: "2024"),
            ApiJson.Project("已取消总部项目", "jiangxia", "headquarters", Cancelled, 3m, "2022-05-05"),
        ];
        foreach (var project in projects) await client.CreateProjectAsync(project);
    }
}

public sealed class ProjectFilterTests(FilterDataset data) : DatabaseTests<FilterDataset>(data)
{
    private async Task<string[]> NamesAsync(string query)
    {
        var page = await (await Database.Api.CreateClient().GetAsync($"/api/projects?limit=500&{query}", Cancellation)).ReadAsync<ProjectPage>();
        return page.Items.Select(project => project.NameZh).Order(StringComparer.Ordinal).ToArray();
    }

    private static string[] Sorted(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("district=jiangxia", new[] { "智能医疗基地建设项目", "T3出行华中区域总部", "已取消总部项目" })]
    [InlineData("district=420115Z01", new[] { "T3出行华中区域总部" })]
    [InlineData("district=jiangxia&district=hanyang", new[] { "智能医疗基地建设项目", "T3出行华中区域总部", "已取消总部项目", "中国电建华中区域总部", "大健康交易平台" })]
    [InlineData("district=wuhan", new[] { "智能医疗基地建设项目", "T3出行华中区域总部", "已取消总部项目", "中国电建华中区域总部", "大健康交易平台", "武汉超算中心" })]
    [InlineData("district=hubei", new[] { "智能医疗基地建设项目", "T3出行华中区域总部", "已取消总部项目", "中国电建华中区域总部", "大健康交易平台", "武汉超算中心", "咸宁大道西延伸线" })]
    [InlineData("sector=manufacturing", new[] { "智能医疗基地建设项目", "T3出行华中区域总部" })]
    [InlineData("sector=headquarters", new[] { "中国电建华中区域总部", "已取消总部项目" })]
    [InlineData("status=signed&status=started", new[] { "智能医疗基地建设项目", "T3出行华中区域总部", "中国电建华中区域总部", "武汉超算中心" })]
    [InlineData("status=cancelled", new[] { "已取消总部项目" })]
    [InlineData("signedFrom=2023&signedTo=2023", new[] { "T3出行华中区域总部", "中国电建华中区域总部" })]
    [InlineData("signedTo=2022-12", new[] { "智能医疗基地建设项目", "已取消总部项目" })]
    [InlineData("startedFrom=2023-01-31&startedTo=2023-01-31", new[] { "智能医疗基地建设项目" })]
    [InlineData("startedFrom=2024", new[] { "武汉超算中心" })]
    [InlineData("minAmount=10", new[] { "智能医疗基地建设项目", "T3出行华中区域总部" })]
    [InlineData("maxAmount=10", new[] { "T3出行华中区域总部", "中国电建华中区域总部", "已取消总部项目" })]
    [InlineData("currency=USD", new[] { "中国电建华中区域总部" })]
    [InlineData("investor=领行", new[] { "T3出行华中区域总部" })]
    [InlineData("q=医疗", new[] { "智能医疗基地建设项目" })]
    [InlineData("q=总部", new[] { "T3出行华中区域总部", "中国电建华中区域总部", "已取消总部项目" })]
    [InlineData("q=t3", new[] { "T3出行华中区域总部" })]
    [InlineData("q=云计", new string[0])]
    [InlineData("district=wuhan&status=signed&sector=services", new[] { "中国电建华中区域总部" })]
    [InlineData("district=jiangxia&status=started&minAmount=20&q=基地", new[] { "智能医疗基地建设项目" })]
    public async Task FiltersSelectExactlyTheMatchingProjects(string query, string[] expected) =>
        Assert.Equal(Sorted(expected), await NamesAsync(query));

    [Fact]
    public async Task TheTotalCountsEveryMatchNotJustThePage()
    {
        var page = await (await Database.Api.CreateClient().GetAsync("/api/projects?district=wuhan&limit=2&includeTotal=true", Cancellation)).ReadAsync<ProjectPage>();

        Assert.Equal(2, page.Items.Count);
        Assert.Equal(6, page.Total);
        Assert.NotNull(page.NextCursor);
    }
}

/// <summary>Writes of its own, so in a database of its own: the filter dataset above must stay as it is.</summary>
public sealed class ProjectSyncTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task UpdatedSinceReturnsChangesIncludingDeletions()
    {
        var client = Client();
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(20, Cancellation);
        var changed = await client.CreateProjectAsync(ApiJson.Project("同步新增项目"));
        var doomed = await client.CreateProjectAsync(ApiJson.Project("同步删除项目"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{doomed.Id}", Cancellation)).StatusCode);

        var page = await (await client.GetAsync($"/api/projects?updatedSince={Uri.EscapeDataString(since.ToString("O"))}&sort=updatedAt", Cancellation)).ReadAsync<ProjectPage>();

        Assert.Equal([changed.Id, doomed.Id], page.Items.Select(project => project.Id));
        Assert.Null(page.Items[0].DeletedAt);
        Assert.NotNull(page.Items[1].DeletedAt);
    }
}
