using Dapper;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Spreadsheets;

/// <summary>Staff export a list, change cells in Excel and import it back: the projects named by 编号 are updated, not duplicated.</summary>
public sealed class BulkEditTests(TestDatabase database) : DatabaseTests(database)
{
    private async Task<string[][]> ExportAsync(string prefix)
    {
        var csv = await Client().GetStringAsync($"/api/projects/export?format=csv&headers=en&q={Uri.EscapeDataString(prefix)}", Cancellation);
        // These projects' cells hold no commas, quotes or line breaks, so a line splits into its cells.
        return [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];
    }

    private static byte[] Csv(IEnumerable<string[]> rows) => Uploads.Csv(string.Join("\n", rows.Select(cells => string.Join(',', cells))) + "\n");

    private static void Set(string[][] sheet, string name, string column, string value) =>
        sheet.Single(row => row[Array.IndexOf(sheet[0], "nameZh")] == name)[Array.IndexOf(sheet[0], column)] = value;

    private async Task<Project> GetAsync(long id) => await (await Client().GetAsync($"/api/projects/{id}", Cancellation)).ReadAsync<Project>();

    [Fact]
    public async Task AnEditedExportUpdatesItsProjectsAndReportsTheOnesChangedSince()
    {
        var first = await Client().CreateProjectAsync(ApiJson.Project("批量编辑甲", amount: 3m));
        var second = await Client().CreateProjectAsync(ApiJson.Project("批量编辑乙", amount: 5m));
        var third = await Client().CreateProjectAsync(ApiJson.Project("批量编辑丙", amount: 7m));
        var untouched = await Client().CreateProjectAsync(ApiJson.Project("批量编辑丁", amount: 9m));
        var sheet = await ExportAsync("批量编辑");
        // Someone corrects the third project after the export.
        var corrected = await (await Client().PutAsync($"/api/projects/{third.Id}", ApiJson.Project("批量编辑丙", amount: 8m), $"\"{third.Version}\"")).ReadAsync<Project>();
        Set(sheet, "批量编辑甲", "amount", "4");
        Set(sheet, "批量编辑甲", "nameZh", "批量编辑甲（更名）");
        Set(sheet, "批量编辑乙", "status", "started");
        Set(sheet, "批量编辑乙", "startedOn", "2024-05-06");
        Set(sheet, "批量编辑丙", "amount", "70");
        var newRow = (string[])sheet[1].Clone();
        newRow[0] = newRow[1] = "";
        newRow[Array.IndexOf(sheet[0], "nameZh")] = "批量编辑戊";
        var edited = Csv(sheet.Append(newRow));

        var rejected = await Uploads.ImportAsync(Client(), edited, "edited.csv");

        Assert.Equal((ImportState.Rejected, 0, 0), (rejected.State, rejected.RowsWritten, rejected.RowsUpdated));
        var stale = Assert.Single(rejected.Errors);
        Assert.Equal(("version", "version"), (stale.Field, stale.Column));
        Assert.Contains($"project {third.Id} changed after the export", stale.Message);
        Assert.Equal((3m, first.Version), ((await GetAsync(first.Id)).Amount, (await GetAsync(first.Id)).Version));

        var applied = await Uploads.ImportAsync(Client(), edited, "edited.csv", "?mode=valid-rows");

        Assert.Equal((ImportState.Succeeded, 1, 2), (applied.State, applied.RowsWritten, applied.RowsUpdated));
        Assert.Equal(stale.Row, Assert.Single(applied.Errors).Row);
        var renamed = await GetAsync(first.Id);
        Assert.Equal(("批量编辑甲（更名）", 4m, first.Version + 1), (renamed.NameZh, renamed.Amount, renamed.Version));
        var started = await GetAsync(second.Id);
        Assert.Equal((ProjectStatus.Started, "2024-05-06"), (started.Status, started.StartedOn?.ToString()));
        var history = await (await Client().GetAsync($"/api/projects/{second.Id}/history", Cancellation)).ReadAsync<ProjectHistoryEntry[]>();
        Assert.Equal(ProjectStatus.Started, history[^1].ToStatus);
        Assert.Equal((corrected.Version, 8m), ((await GetAsync(third.Id)).Version, (await GetAsync(third.Id)).Amount));
        Assert.Equal(untouched.Version, (await GetAsync(untouched.Id)).Version);
        Assert.Equal(5, (await ExportAsync("批量编辑")).Length - 1);

        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        var audited = await connection.QueryAsync<(long Id, string Action)>(
            "SELECT entity_id, action FROM audit_log WHERE entity_type = 'project' AND entity_id = ANY(@ids) AND action <> 'project.created'",
            new { ids = new[] { first.Id, second.Id, untouched.Id } });
        Assert.Equal([(first.Id, "project.updated"), (second.Id, "project.status_changed"), (second.Id, "project.updated")],
            audited.Order().ToArray());
    }

    [Fact]
    public async Task ARowWithAnIdNeedsItsVersionAndAnIdThatExists()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("编号检查项目"));
        var sheet = await ExportAsync("编号检查项目");
        sheet[1][1] = "";
        var missing = (string[])sheet[1].Clone();
        missing[0] = "999999999";
        missing[1] = "1";
        missing[Array.IndexOf(sheet[0], "nameZh")] = "编号检查不存在";

        var status = await Uploads.ImportAsync(Client(), Csv(sheet.Append(missing)), "ids.csv", "?mode=valid-rows");

        Assert.Equal((0, 0), (status.RowsWritten, status.RowsUpdated));
        Assert.Contains(status.Errors, e => e is { Row: 2, Field: "version" } && e.Message.Contains($"编号 {project.Id}"));
        Assert.Contains(status.Errors, e => e is { Row: 3, Field: "id" } && e.Message.Contains("999999999"));
    }
}
