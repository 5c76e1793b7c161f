using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Spreadsheets;

public sealed class ImportTests(TestDatabase database) : DatabaseTests(database)
{
    private const string Header = "项目名称,投资方,区,园区,行业,状态,投资额(亿元),签约日期,开工日期,备注";

    private async Task<long> CountAsync(string namePrefix)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE name_zh LIKE @prefix", new { prefix = namePrefix + "%" });
    }

    private async Task<Project> FindAsync(string name) =>
        (await (await Client().GetAsync($"/api/projects?q={Uri.EscapeDataString(name)}", Cancellation)).ReadAsync<ProjectPage>()).Items.Single(p => p.NameZh == name);

    [Fact]
    public async Task AGoodCsvWithChineseHeadersAndWrittenAmountsIsImported()
    {
        var csv = Uploads.Csv($"""
            {Header}
            导入医疗基地,湖北医疗科技有限公司；武汉康宁公司,江夏区,庙山产业园区,生物医药与医疗器械,开工,24.5,2022年12月,2023-01-31,一期
            导入水利总部,湖北浩川水利水电工程有限公司,jiangxia,,headquarters,签约,约10亿元,2023-02,,
            导入美元项目,,420105,,headquarters,signed,5.6亿美元,2023,,
            """);

        var status = await Uploads.ImportAsync(Client(), csv, "项目.csv");

        Assert.Equal((ImportState.Succeeded, 3, 3, 0), (status.State, status.RowsTotal, status.RowsWritten, status.ErrorCount));
        var medical = await FindAsync("导入医疗基地");
        Assert.Equal(("420115", "miaoshan", ProjectStatus.Started, 24.5m), (medical.District.Code, medical.Park?.Code, medical.Status, medical.Amount));
        Assert.Equal(["湖北医疗科技有限公司", "武汉康宁公司"], medical.Investors);
        Assert.Equal(("2022-12", "2023-01-31"), (medical.SignedOn.ToString(), medical.StartedOn.ToString()));
        var water = await FindAsync("导入水利总部");
        Assert.Equal((10m, AmountQualifier.Approx), (water.Amount, water.AmountQualifier));
        var dollars = await FindAsync("导入美元项目");
        Assert.Equal((Currency.Usd, "2023"), (dollars.Currency, dollars.SignedOn.ToString()));
        var history = await (await Client().GetAsync($"/api/projects/{medical.Id}/history", Cancellation)).ReadAsync<ProjectHistoryEntry[]>();
        Assert.StartsWith("tests", Assert.Single(history).Actor);
    }

    [Fact]
    public async Task OneBadRowRejectsTheWholeFileAndTheReportNamesEachRowAndColumn()
    {
        var csv = Uploads.Csv($"""
            {Header}
            拒绝好项目一,,江夏区,,headquarters,签约,3,2023-03-01,,
            拒绝坏项目,,火星区,,headquarters,进行中,很多,明年,,
            拒绝好项目二,,江夏区,,headquarters,签约,-2,2023-03-01,,
            """);

        var status = await Uploads.ImportAsync(Client(), csv, "bad.csv");

        Assert.Equal((ImportState.Rejected, 3, 0), (status.State, status.RowsTotal, status.RowsWritten));
        Assert.Contains(status.Errors, e => e is { Row: 3, Column: "区", Field: "district" });
        Assert.Contains(status.Errors, e => e is { Row: 3, Column: "状态", Field: "status" } && e.Message.Contains("签约"));
        Assert.Contains(status.Errors, e => e is { Row: 3, Column: "投资额(亿元)", Field: "amount" });
        Assert.Contains(status.Errors, e => e is { Row: 3, Column: "签约日期", Field: "signedOn" });
        Assert.Contains(status.Errors, e => e is { Row: 4, Field: "amount" });
        Assert.DoesNotContain(status.Errors, e => e.Row == 2);
        Assert.Equal(0, await CountAsync("拒绝"));
    }

    [Fact]
    public async Task ValidRowsModeWritesTheGoodRowsAndReportsTheBadOnes()
    {
        var csv = Uploads.Csv($"""
            {Header}
            部分好项目一,,江夏区,,headquarters,签约,3,2023-03-01,,
            部分坏项目,,江夏区,,headquarters,意向,3,2023-03-01,,
            部分好项目二,,汉阳区,,headquarters,签约,,2023-03-01,,
            """);

        var status = await Uploads.ImportAsync(Client(), csv, "mixed.csv", "?mode=valid-rows");

        Assert.Equal((ImportState.Succeeded, 3, 2), (status.State, status.RowsTotal, status.RowsWritten));
        var error = Assert.Single(status.Errors);
        Assert.Equal((3, "status"), (error.Row, error.Field));
        Assert.Equal(2, await CountAsync("部分好项目"));
        Assert.Equal(0, await CountAsync("部分坏项目"));
    }

    [Fact]
    public async Task AFileOfManyChunksIsWrittenWholeOrNotAtAll()
    {
        // The import writes a chunk of rows (100 here) while it checks the next: a bad row in the last chunk must still undo
        // the chunks already written, and a name repeated from the first chunk must still be found.
        static byte[] File(int rows, string lastRow) => Uploads.Csv(Header + "\n"
            + string.Concat(Enumerable.Range(1, rows).Select(i => $"分块项目{i:D5},,江夏区,,headquarters,签约,1,2023-03-01,,\n")) + lastRow + "\n");
        const int Rows = 240;
        await using var api = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?> { ["Imports:RowsPerChunk"] = "100" });
        var client = api.CreateClient();
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        const string JiangxiaSigned = "SELECT coalesce(sum(project_count), 0) FROM project_rollup_year WHERE place_code = '420115' AND status = 'signed' AND stage = 'signed'";
        var before = await connection.ExecuteScalarAsync<long>(JiangxiaSigned);

        var rejected = await Uploads.ImportAsync(client, File(Rows, "分块项目00001,,江夏区,,headquarters,签约,1,2023-03-01,,"), "many.csv");

        Assert.Equal((ImportState.Rejected, Rows + 1, 0), (rejected.State, rejected.RowsTotal, rejected.RowsWritten));
        Assert.Equal((Rows + 2, "nameZh"), (Assert.Single(rejected.Errors).Row, rejected.Errors[0].Field));
        Assert.Equal(0, await CountAsync("分块项目"));
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>(JiangxiaSigned));

        var written = await Uploads.ImportAsync(client, File(Rows, "分块项目最后一行,,江夏区,,headquarters,签约,1,2023-03-01,,"), "many.csv");

        Assert.Equal((ImportState.Succeeded, Rows + 1), (written.State, written.RowsWritten));
        Assert.Equal(Rows + 1, await CountAsync("分块项目"));
        Assert.Equal(before + Rows + 1, await connection.ExecuteScalarAsync<long>(JiangxiaSigned));
    }

    [Fact]
    public async Task AFileThatCannotBeReadHalfwayFailsAndWritesNothing()
    {
        var csv = Uploads.Csv($"""
            {Header}
            读不完的项目,,江夏区,,headquarters,签约,3,2023-03-01,,
            读不完的项目二,,江夏区,,headquarters,签约,3,2023-03-01,,"{new string('长', 2_000_000)}
            """);

        var status = await Uploads.ImportAsync(Client(), csv, "broken.csv");

        Assert.Equal((ImportState.Failed, 0), (status.State, status.RowsWritten));
        Assert.Contains("could not be read", status.Failure);
        Assert.Equal(0, await CountAsync("读不完的项目"));
    }

    [Fact]
    public async Task ALateProgressReportNeverReopensAFinishedImport()
    {
        // The heartbeat reports progress from its own connection; one that waited on the writing transaction's lock
        // lands after the commit. It must not set a succeeded import back to writing (which the sweep for abandoned
        // imports would later mark failed, though its rows are stored).
        var csv = Uploads.Csv($"""
            {Header}
            迟到的进度项目,,江夏区,,headquarters,签约,3,2023-03-01,,
            """);
        var status = await Uploads.ImportAsync(Client(), csv, "late.csv");
        Assert.Equal(ImportState.Succeeded, status.State);

        await Database.Api.Services.GetRequiredService<ImportRepository>().ProgressAsync(status.Id, ImportState.Writing, 0, null, Cancellation);

        Assert.Equal(ImportState.Succeeded, (await Uploads.WaitAsync(Client(), status.Id)).State);
    }

    [Fact]
    public async Task AnExcelWorkbookIsImported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["项目名称"] = "表格项目甲", ["区"] = "江夏区", ["行业"] = "新能源与智能网联汽车", ["状态"] = "开工", ["投资额(亿元)"] = 12.5, ["开工日期"] = new DateTime(2024, 3, 1) },
            new Dictionary<string, object?> { ["项目名称"] = "表格项目乙", ["区"] = "汉阳区", ["行业"] = "headquarters", ["状态"] = "意向", ["投资额(亿元)"] = null, ["开工日期"] = null },
        });
        var bytes = await File.ReadAllBytesAsync(path, Cancellation);
        File.Delete(path);

        var status = await Uploads.ImportAsync(Client(), bytes, "项目.xlsx");

        Assert.True(status.State == ImportState.Succeeded, string.Join("; ", status.Errors.Select(e => $"{e.Row} {e.Field}: {e.Message}")));
        var started = await FindAsync("表格项目甲");
        Assert.Equal((12.5m, "2024-03-01", "nev_icv"), (started.Amount, started.StartedOn.ToString(), started.Sector.Code));
        Assert.Equal(ProjectStatus.Intent, (await FindAsync("表格项目乙")).Status);
    }

    [Fact]
    public async Task ACsvSavedByChineseExcelInGb18030IsRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030");
        var csv = gb18030.GetBytes($"{Header}\n国标编码项目,,江夏区,,headquarters,签约,1.5,2023-05-05,,\n");

        var status = await Uploads.ImportAsync(Client(), csv, "gbk.csv");

        Assert.Equal(ImportState.Succeeded, status.State);
        Assert.Equal(1.5m, (await FindAsync("国标编码项目")).Amount);
    }

    [Fact]
    public async Task DuplicateNamesInTheFileOrTheDatabaseAreBadRowsUnlessAllowed()
    {
        await Client().CreateProjectAsync(ApiJson.Project("已存在的导入项目", district: "jiangxia", sector: "headquarters"));
        var csv = Uploads.Csv($"""
            {Header}
            已存在的导入项目,,江夏区,,headquarters,签约,1,2023-03-01,,
            文件内重复项目,,江夏区,,headquarters,签约,1,2023-03-01,,
            文件内重复项目,,江夏区,,headquarters,签约,2,2023-03-01,,
            """);

        var refused = await Uploads.ImportAsync(Client(), csv, "dupes.csv");
        var allowed = await Uploads.ImportAsync(Client(), csv, "dupes.csv", "?allowDuplicates=true");

        Assert.Equal(ImportState.Rejected, refused.State);
        Assert.Contains(refused.Errors, e => e is { Row: 2, Field: "nameZh" } && e.Message.Contains("already has this name"));
        Assert.Contains(refused.Errors, e => e is { Row: 4, Field: "nameZh" } && e.Message.Contains("row 3"));
        Assert.Equal((ImportState.Succeeded, 3), (allowed.State, allowed.RowsWritten));
    }

    [Fact]
    public async Task AKeyLimitedToADistrictCannotImportAnothersProjects()
    {
        var editor = Database.Api.CreateClient(Database.Api.CreateKey(ApiRole.Editor, "jiangxia"));
        var csv = Uploads.Csv($"{Header}\n范围导入江夏,,江夏区,,headquarters,签约,1,2023-03-01,,\n范围导入汉阳,,汉阳区,,headquarters,签约,1,2023-03-01,,\n");

        var status = await Uploads.ImportAsync(editor, csv, "scope.csv");

        Assert.Equal(ImportState.Rejected, status.State);
        Assert.Equal((3, "district"), (Assert.Single(status.Errors).Row, status.Errors[0].Field));
        Assert.Equal(0, await CountAsync("范围导入"));
    }

    [Theory]
    [InlineData("项目名称,区,行业\n甲,江夏区,headquarters\n", "状态")]
    [InlineData("项目名称,区,行业,状态,颜色\n甲,江夏区,headquarters,签约,红\n", "颜色")]
    [InlineData("", "empty")]
    public async Task AHeaderRowThatCannotBeImportedIs400AtOnce(string text, string mentioned)
    {
        var response = await Uploads.PostAsync(Client(), Encoding.UTF8.GetBytes(text), "header.csv");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(Problems.ErrorsFor(problem, "file"), message => message.Contains(mentioned));
    }

    [Fact]
    public async Task AnUploadWithoutAFileOrOfAnotherKindIs400()
    {
        var none = await Client().PostAsync("/api/imports", new MultipartFormDataContent { { new StringContent("x"), "other" } }, Cancellation);
        var legacy = await Uploads.PostAsync(Client(), [0xD0, 0xCF, 0x11, 0xE0], "old.xls");
        var fake = await Uploads.PostAsync(Client(), Encoding.UTF8.GetBytes("项目名称,区,行业,状态\n"), "fake.xlsx");

        using (var problem = await Problems.ReadAsync(none, HttpStatusCode.BadRequest)) Assert.NotEmpty(Problems.ErrorsFor(problem, "file"));
        using (var problem = await Problems.ReadAsync(legacy, HttpStatusCode.BadRequest)) Assert.NotEmpty(Problems.ErrorsFor(problem, "file"));
        using (var problem = await Problems.ReadAsync(fake, HttpStatusCode.BadRequest)) Assert.NotEmpty(Problems.ErrorsFor(problem, "file"));
    }

    [Fact]
    public async Task AnImportIsOneAuditRecordAndARetriedUploadImportsOnce()
    {
        var csv = Uploads.Csv($"{Header}\n审计导入项目,,江夏区,,headquarters,签约,1,2023-03-01,,\n");
        HttpRequestMessage Upload()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Uploads.File(csv, "retry.csv") };
            request.Headers.Add("Idempotency-Key", "import-retry-1");
            return request;
        }

        var first = await (await Client().SendAsync(Upload(), Cancellation)).ReadAsync<ImportStatus>(HttpStatusCode.Accepted);
        var retry = await Client().SendAsync(Upload(), Cancellation);
        var done = await Uploads.WaitAsync(Client(), first.Id);

        Assert.Equal(first.Id, (await retry.ReadAsync<ImportStatus>(HttpStatusCode.Accepted)).Id);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(ImportState.Succeeded, done.State);
        Assert.Equal(1, await CountAsync("审计导入项目"));
        var trail = (await (await Client().GetAsync("/api/audit?entityType=import", Cancellation)).ReadAsync<AuditPage>()).Items;
        var entry = Assert.Single(trail, e => e.EntityId == first.Id);
        Assert.Equal(AuditActions.ImportCompleted, entry.Action);
        Assert.Equal(1, entry.After!.Value.GetProperty("rowsWritten").GetInt32());
    }
}
