using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using ProjectTracker.IntegrationTests.Spreadsheets;

namespace ProjectTracker.IntegrationTests.Projects;

/// <summary>A common term is searched by walking the list, a rare one through the index: both give exactly the matching projects, in order.</summary>
public sealed class ProjectSearchPathTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task CommonAndRareTermsFindTheSameProjectsEitherWay()
    {
        var csv = new StringBuilder("项目名称,区,行业,状态,签约日期\n");
        for (var i = 0; i < 400; i++)
        {
            var name = i % 3 == 0 ? $"医疗器械产业园{i}" : i % 3 == 1 ? $"智能制造基地{i}" : $"总部大楼{i}";
            csv.Append($"{name},{(i % 2 == 0 ? "江夏区" : "汉阳区")},headquarters,签约,20{10 + i % 15}-0{i % 9 + 1}-1{i % 9}\n");
        }
        csv.Append("罕见光量子芯片项目,江夏区,chips,签约,2024-01-05\n");
        var import = await Uploads.ImportAsync(Client(), Uploads.Csv(csv.ToString()), "search.csv");
        Assert.Equal(401, import.RowsWritten);
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        await connection.ExecuteAsync("ANALYZE projects");
        var statistics = Database.Api.Services.GetRequiredService<SearchStatistics>();

        Assert.True(await statistics.IsCommonAsync(ProjectSearch.ForQuery("医疗器械")!.Value.Tokens, Cancellation));
        Assert.False(await statistics.IsCommonAsync(ProjectSearch.ForQuery("光量子")!.Value.Tokens, Cancellation));
        foreach (var (term, district) in new[] { ("医疗器械", ""), ("医疗器械", "&district=hanyang"), ("光量子", ""), ("总部", "&district=jiangxia") })
        {
            var pages = new List<long>();
            string? cursor = null;
            do
            {
                var page = await (await Client().GetAsync($"/api/projects?q={Uri.EscapeDataString(term)}{district}&sort=-signedOn&limit=40{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", Cancellation)).ReadAsync<ProjectPage>();
                pages.AddRange(page.Items.Select(p => p.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            var places = district.Length == 0 ? null : district.EndsWith("hanyang", StringComparison.Ordinal) ? new[] { "420105" } : new[] { "420115", "420115Z01" };
            var expected = (await connection.QueryAsync<long>("""
                SELECT id FROM projects WHERE deleted_at IS NULL AND name_zh LIKE '%' || @term || '%' AND (@places::text[] IS NULL OR place_code = ANY(@places))
                ORDER BY coalesce(signed_on, '-infinity'::date) DESC, id DESC
                """, new { term, places })).ToList();
            Assert.Equal(expected, pages);
        }
    }
}
