using System.Net;
using System.Text;
using MiniExcelLibs;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Spreadsheets;

public sealed class ImportTemplateTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task TheCsvTemplateIsTheExportsHeaderRowAlone()
    {
        var client = Client();
        var template = await client.GetAsync("/api/imports/template?format=csv&headers=zh", Cancellation);
        var export = await client.GetStringAsync("/api/projects/export?format=csv&headers=zh", Cancellation);

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync(Cancellation)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(export.TrimStart('\uFEFF').Split("\r\n")[0], Assert.Single(lines));
        Assert.StartsWith("编号,版本,项目名称,英文名称", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExcelTemplateHasTheHeadersAndNoRows()
    {
        var response = await Client().GetAsync("/api/imports/template?headers=en", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("projects-template.xlsx", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancellation));
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var header = Assert.Single(rows);
        Assert.Equal("id", header["A"]);
        Assert.Equal("version", header["B"]);
        Assert.Equal("nameZh", header["C"]);
    }

    [Fact]
    public async Task AnUnknownFormatIs400()
    {
        using var problem = await Problems.ReadAsync(await Client().GetAsync("/api/imports/template?format=pdf", Cancellation), HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("format", out _));
    }
}
