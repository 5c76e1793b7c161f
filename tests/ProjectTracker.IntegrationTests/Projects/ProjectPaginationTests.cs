using System.Net;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

public sealed class ProjectPaginationTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly string?[] SignedDates = ["2023-01-31", "2023-02", "2023", null, "2022-12-01", "2023-02-01", "2023-01-31"];
    private static readonly decimal?[] Amounts = [24.5m, null, 10m, 10m, 0.5m, 217.24m, null];
    private static readonly string[] Names = ["浩川", "智能", "阿里", "中国", "百威", "Zeta", "汉阳"];

    private async Task<List<Project>> SeedAsync(int count, string prefix)
    {
        var created = new List<Project>();
        for (var i = 0; i < count; i++)
        {
            var signed = SignedDates[i % SignedDates.Length];
            created.Add(await Client().CreateProjectAsync(ApiJson.Project($"{Names[i % Names.Length]}{prefix}{i:00}",
                status: signed is null ? ProjectStatus.Intent : ProjectStatus.Signed, signedOn: signed, amount: Amounts[i % Amounts.Length])));
        }
        return created;
    }

    private async Task<List<Project>> AllPagesAsync(string sort, int limit, Func<int, Task>? betweenPages = null)
    {
        var all = new List<Project>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var url = $"/api/projects?sort={sort}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}");
            var result = await (await Client().GetAsync(url, Cancellation)).ReadAsync<ProjectPage>();
            all.AddRange(result.Items);
            cursor = result.NextCursor;
            if (cursor is null) return all;
            if (betweenPages is not null) await betweenPages(page);
        }
        throw new InvalidOperationException("paging did not end");
    }

    [Theory]
    [InlineData("signedOn")]
    [InlineData("-signedOn")]
    [InlineData("amount")]
    [InlineData("-amount")]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("startedOn")]
    [InlineData("updatedAt")]
    public async Task EverySortPagesThroughEveryRowOnceInOrder(string sort)
    {
        var created = await SeedAsync(23, sort.Replace("-", "倒", StringComparison.Ordinal));
        var ours = created.Select(project => project.Id).ToHashSet();

        var paged = (await AllPagesAsync(sort, limit: 5)).Where(project => ours.Contains(project.Id)).ToList();

        Assert.Equal(created.Count, paged.Count);
        Assert.Equal(created.Count, paged.Select(project => project.Id).Distinct().Count());
        var key = SortKey(sort.TrimStart('-'));
        var descending = sort.StartsWith('-');
        for (var i = 1; i < paged.Count; i++)
        {
            var order = Compare(key(paged[i - 1]), key(paged[i]));
            if (order == 0) order = paged[i - 1].Id.CompareTo(paged[i].Id);
            Assert.True(descending ? order > 0 : order < 0, $"{sort}: {paged[i - 1].NameZh} then {paged[i].NameZh}");
        }
    }

    [Fact]
    public async Task RowsInsertedWhilePagingNeverMakeAPageSkipOrRepeatARow()
    {
        var existing = (await SeedAsync(20, "并发")).Select(project => project.Id).ToHashSet();

        var seen = await AllPagesAsync("-signedOn", limit: 4, async page =>
        {
            foreach (var date in new[] { "2023-01-31", "2023-02", null, $"{DateTime.UtcNow.Year}-01-01" })
            {
                await Client().CreateProjectAsync(ApiJson.Project($"插入{page}{Guid.NewGuid():N}"[..12],
                    status: date is null ? ProjectStatus.Intent : ProjectStatus.Signed, signedOn: date));
            }
        });

        var seenExisting = seen.Where(project => existing.Contains(project.Id)).Select(project => project.Id).ToList();
        Assert.Equal(existing.Count, seenExisting.Count);
        Assert.Equal(existing.Count, seenExisting.Distinct().Count());
        Assert.Equal(seen.Count, seen.Select(project => project.Id).Distinct().Count());
    }

    [Fact]
    public async Task ACursorOfAnotherSortIsRefused()
    {
        await SeedAsync(3, "游标");
        var first = await (await Client().GetAsync("/api/projects?sort=name&limit=1", Cancellation)).ReadAsync<ProjectPage>();

        var response = await Client().GetAsync($"/api/projects?sort=amount&limit=1&cursor={first.NextCursor}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Problems.ErrorsFor(problem, "cursor"));
    }

    private static Func<Project, IComparable> SortKey(string name) => name switch
    {
        "signedOn" => project => project.SignedOn?.Start ?? DateOnly.MinValue,
        "startedOn" => project => project.StartedOn?.Start ?? DateOnly.MinValue,
        "amount" => project => project.EffectiveAmount ?? -1m,
        "updatedAt" => project => project.UpdatedAt,
        _ => project => project.NameZh,
    };

    private static readonly StringComparer Pinyin = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), ignoreCase: false);

    private static int Compare(IComparable a, IComparable b) =>
        a is string left && b is string right ? Math.Sign(Pinyin.Compare(left, right)) : Math.Sign(a.CompareTo(b));
}
