using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Targets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Dashboard;

public sealed class DashboardWritesTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task PollingIs304UntilAWriteCommitsThenFresh()
    {
        var client = Client();
        const string Url = "/api/dashboard/totals?groupBy=status&measure=current";
        var first = await client.GetAsync(Url, Cancellation);
        var etag = first.Headers.ETag!.Tag;
        Assert.True(first.Headers.CacheControl is { Private: true, NoCache: true }, first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, Url);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again, Cancellation)).StatusCode);

        await client.CreateProjectAsync(ApiJson.Project("轮询新项目"));
        var afterWrite = new HttpRequestMessage(HttpMethod.Get, Url);
        afterWrite.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var fresh = await client.SendAsync(afterWrite, Cancellation);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag!.Tag);
        var before = await first.ReadAsync<TotalsResult>();
        var after = await fresh.ReadAsync<TotalsResult>();
        Assert.Equal(before.Total.ProjectCount + 1, after.Total.ProjectCount);
    }

    [Fact]
    public async Task AKeptAnswerIsServedOnlyUntilTheNextWrite()
    {
        var client = Client();
        const string Url = "/api/dashboard/totals?groupBy=district&measure=signed";
        var first = await client.GetStringAsync(Url, Cancellation);
        var kept = await client.GetAsync(Url, Cancellation);
        Assert.Equal(first, await kept.Content.ReadAsStringAsync(Cancellation));
        var computedCsv = await client.GetAsync(Url + "&format=csv", Cancellation);
        var keptCsv = await client.GetAsync(Url + "&format=csv", Cancellation);
        Assert.Equal("text/csv", computedCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", keptCsv.Content.Headers.ContentType?.MediaType);

        await client.CreateProjectAsync(ApiJson.Project("保留答案后新项目", signedOn: "2023-05-06"));
        var after = await client.GetAsync(Url, Cancellation);

        Assert.NotEqual(kept.Headers.ETag!.Tag, after.Headers.ETag!.Tag);
        Assert.Equal((await kept.ReadAsync<TotalsResult>()).Total.ProjectCount + 1, (await after.ReadAsync<TotalsResult>()).Total.ProjectCount);
    }

    [Fact]
    public async Task CsvAndJsonOfOneQueryHaveDifferentETags()
    {
        var json = await Client().GetAsync("/api/dashboard/totals?groupBy=status", Cancellation);
        var csv = await Client().GetAsync("/api/dashboard/totals?groupBy=status&format=csv", Cancellation);

        Assert.NotEqual(json.Headers.ETag!.Tag, csv.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task ATargetAddedThroughTheApiShowsItsProgress()
    {
        var client = Client();
        await client.CreateProjectAsync(ApiJson.Project("目标进度甲", status: ProjectStatus.Started, startedOn: "2023-03-01", amount: 2m));
        await client.CreateProjectAsync(ApiJson.Project("目标进度乙", status: ProjectStatus.Started, startedOn: "2023-08", amount: 0.5m));
        var created = await client.PostAsync("/api/targets", new TargetRequest
        {
            District = "wuhan", Year = 2023, Measure = TargetMeasure.StartedCount, Value = 4, Qualifier = AmountQualifier.AtLeast,
            Title = "2023年开工项目不少于4个", MinProjectAmount = 1,
        });
        var target = await created.ReadAsync<Target>(HttpStatusCode.Created);

        var progress = (await (await client.GetAsync("/api/dashboard/targets?year=2023", Cancellation)).ReadAsync<TargetsResult>()).Targets.Single(t => t.Id == target.Id);

        Assert.Equal((1m, 0.25m, false), (progress.Actual, progress.Progress, progress.Met));
        Assert.Equal(("420100", "武汉市"), (progress.District.Code, progress.District.NameZh));

        var stale = await client.PutAsync($"/api/targets/{target.Id}", new TargetRequest
        {
            District = "wuhan", Year = 2023, Measure = TargetMeasure.StartedCount, Value = 1, Title = "改为1个",
        }, "\"7\"");
        using var _ = await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
        var updated = await (await client.PutAsync($"/api/targets/{target.Id}", new TargetRequest
        {
            District = "wuhan", Year = 2023, Measure = TargetMeasure.StartedCount, Value = 1, Title = "改为1个",
        }, "\"1\"")).ReadAsync<Target>();
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public async Task ABadTargetIsA400NamingEachField()
    {
        var response = await Client().PostAsync("/api/targets", new TargetRequest { District = "mars", Year = 1800, Measure = TargetMeasure.SignedCount, Value = 1.5m });

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "district", "year", "value", "title" }) Assert.NotEmpty(Problems.ErrorsFor(problem, field));
        var empty = await Client().RawAsync(HttpMethod.Post, "/api/targets", "{}");
        using var missing = await Problems.ReadAsync(empty, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "district", "year", "measure", "value", "title" }) Assert.NotEmpty(Problems.ErrorsFor(missing, field));
    }
}

/// <summary>Loads the seeds, so it works in a database of its own: the figures of the tests above stay small and known.</summary>
public sealed class DashboardRollupTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task TheRollupStaysExactThroughEveryKindOfWrite()
    {
        var client = Client();
        var created = await client.CreateProjectAsync(ApiJson.Project("滚动校验项目", amount: 8.8m, signedOn: "2023-05"));
        await (await client.PutAsync($"/api/projects/{created.Id}", ApiJson.Project("滚动校验项目", amount: 9.9m, signedOn: "2023-06", district: "hanyang"), "\"1\"")).ReadAsync<Project>();
        await (await client.PostAsync($"/api/projects/{created.Id}/status", new StatusChangeRequest { Status = ProjectStatus.Started, Date = ApiJson.Date("2023-07-01") })).ReadAsync<Project>();
        await (await client.PostAsync($"/api/projects/{created.Id}/status", new StatusChangeRequest { Status = ProjectStatus.Signed, Correction = true, Note = "误报" })).ReadAsync<Project>();
        var doomed = await client.CreateProjectAsync(ApiJson.Project("滚动删除项目", amount: 1m, currency: Currency.Usd));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{doomed.Id}", Cancellation)).StatusCode);
        await Database.Api.Services.GetRequiredService<ProjectTracker.Api.Seeds.SeedLoader>().LoadAsync(Cancellation);

        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await RollupDrift.CountAsync(connection));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT sum(project_count) FROM project_rollup WHERE stage = 'current'") > 200);
    }
}
