using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Spreadsheets;

/// <summary>A varied set of projects to export.</summary>
public sealed class ExportDataset(PostgresServer server) : TestDatabase(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        var client = Api.CreateClient();
        ProjectRequest[] projects =
        [
            ApiJson.Project("智能医疗基地建设项目(一期)", "jiangxia", "biomedicine", ProjectStatus.Started, 24.5m, "2022-12", "2023-01-31", investors: ["湖北医疗科技有限公司", "武汉康宁公司"], park: "miaoshan")
                with { LandAreaSqm = 533000, NameEn = "Smart Medical Base (Phase 1)", Notes = "=SUM(A1) 不是公式", ProjectCode = "2023-420115-35-03-012345" },
            ApiJson.Project("浩川水利总部项目", "jiangxia", "water_conservancy", ProjectStatus.Signed, signedOn: "2023-02")
                with { Phases = [new PhaseRequest { Name = "一期", Amount = 1, Qualifier = AmountQualifier.Approx }, new PhaseRequest { Name = "二期", Amount = 9, Qualifier = AmountQualifier.Approx }] },
            ApiJson.Project("中国电建华中区域总部", "hanyang", "headquarters", ProjectStatus.Signed, 5.6m, "2023", currency: Currency.Usd),
            ApiJson.Project("精确金额项目", "hanyang", "headquarters", ProjectStatus.Completed, 217.2400m, "2019-03-04", "2019-05", completedOn: "2021") with { AmountQualifier = AmountQualifier.AtLeast },
            ApiJson.Project("大健康交易平台", "hanyang", "health_services", ProjectStatus.Intent, signedOn: null) with { Kind = ProjectKind.Platform },
            ApiJson.Project("已取消项目", "wuhan", "headquarters", ProjectStatus.Cancelled, 3m, "2022-05-05"),
            // 青山区 is also a district of 包头市: a Chinese export must name it so that it reads back.
            ApiJson.Project("青山区项目", "420107", "headquarters", ProjectStatus.Signed, 2m, "2023"),
        ];
        foreach (var project in projects) await client.CreateProjectAsync(project);
    }
}

public sealed class ExportTests(ExportDataset data) : DatabaseTests<ExportDataset>(data)
{
    private async Task<Project[]> AllAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/projects?limit=500&sort=name", Cancellation)).ReadAsync<ProjectPage>()).Items];

    /// <summary>Everything staff entered, decimals by value (an .xlsx number has no trailing zeros).</summary>
    private static string Facts(Project p) => string.Join(" | ",
        p.NameZh, p.NameEn, p.Kind, string.Join("；", p.Investors), p.District.Code, p.Park?.Code, p.Sector.Code, p.Status,
        Number(p.Amount), p.AmountQualifier, p.Currency, string.Join("；", p.Phases.Select(phase => $"{phase.Name}:{Number(phase.Amount)}:{phase.Qualifier}")),
        Number(p.EffectiveAmount), p.EffectiveQualifier, p.SignedOn, p.StartedOn, p.CompletedOn, p.ProjectCode, Number(p.LandAreaSqm), p.Notes);

    private static string? Number(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("csv", "zh")]
    [InlineData("csv", "en")]
    [InlineData("xlsx", "zh")]
    [InlineData("xlsx", "en")]
    public async Task AnExportImportsBackToTheSameProjects(string format, string headers)
    {
        // Every row names its project by 编号: read back, each must say exactly what is stored, so nothing is updated or created.
        var before = (await AllAsync(Client())).Select(Facts).ToArray();
        var exported = await Client().GetByteArrayAsync($"/api/projects/export?format={format}&headers={headers}", Cancellation);

        var status = await Uploads.ImportAsync(Client(), exported, $"export.{format}");

        Assert.True(status.State == ImportState.Succeeded, string.Join("; ", status.Errors.Select(e => $"{e.Row} {e.Field}: {e.Message}")));
        Assert.Equal((before.Length, 0, 0), (status.RowsTotal, status.RowsWritten, status.RowsUpdated));
        Assert.Equal(before, (await AllAsync(Client())).Select(Facts));
    }

    [Fact]
    public async Task WithoutIdsAnExportCreatesItsProjectsInAnotherDatabase()
    {
        var exported = await Client().GetByteArrayAsync("/api/projects/export?format=xlsx&withIds=false", Cancellation);
        var target = await Database.Server.CreateDatabaseAsync();
        try
        {
            await using var api = new ApiFactory(Database.Server.ConnectionFor(target));
            var client = api.CreateClient();

            var status = await Uploads.ImportAsync(client, exported, "export.xlsx");

            Assert.True(status.State == ImportState.Succeeded, string.Join("; ", status.Errors.Select(e => $"{e.Row} {e.Field}: {e.Message}")));
            Assert.Equal((await AllAsync(Client())).Select(Facts), (await AllAsync(client)).Select(Facts));
        }
        finally
        {
            await Database.Server.DropDatabaseAsync(target);
        }
    }

    [Fact]
    public async Task CsvIsUtf8WithAByteOrderMarkExactAmountsAndEscapedFormulas()
    {
        var response = await Database.Api.CreateClient().GetAsync("/api/projects/export?format=csv", Cancellation);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFF编号,版本,项目名称,英文名称,类型,投资方,区,园区,行业,状态,投资额(亿元)", text);
        Assert.Contains(",217.2400,超,", text);
        Assert.Contains("一期=约1；二期=约9", text);
        Assert.Contains("'=SUM(A1)", text);
    }

    [Fact]
    public async Task TheListFiltersChooseWhatIsExported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await Database.Api.CreateClient().GetByteArrayAsync("/api/projects/export?format=xlsx&district=hanyang&status=signed", Cancellation), Cancellation);
        try
        {
            var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

            var row = Assert.Single(rows);
            Assert.Equal(("中国电建华中区域总部", "汉阳区", "美元"), ((string)row["项目名称"], (string)row["区"], (string)row["币种"]));
            Assert.Equal(5.6, (double)row["投资额(亿元)"], 6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ABadFilterIs400()
    {
        using var problem = await Problems.ReadAsync(await Database.Api.CreateClient().GetAsync("/api/projects/export?district=mars&format=pdf", Cancellation), HttpStatusCode.BadRequest);

        Assert.NotEmpty(Problems.ErrorsFor(problem, "format"));
    }
}
