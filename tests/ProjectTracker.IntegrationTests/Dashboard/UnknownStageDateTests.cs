using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Dashboard;

/// <summary>
/// A project the text says is under construction or built, without saying when, is that stage with its date unknown:
/// counted as started (or completed), left out of day-based averages, and never judged overdue.
/// </summary>
public sealed class UnknownStageDateTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task AStageWithoutADateCountsButIsNeverAveragedOrOverdue()
    {
        var client = Client();
        var underConstruction = await client.CreateProjectAsync(ApiJson.Project("有序施工的道路工程", district: "hanyang", sector: "transport",
            status: ProjectStatus.Started, signedOn: "2015", startedOn: null));
        var built = await client.CreateProjectAsync(ApiJson.Project("建成通车的大桥", district: "hanyang", sector: "transport",
            status: ProjectStatus.Completed, signedOn: null, startedOn: null, completedOn: null));
        var dated = await client.CreateProjectAsync(ApiJson.Project("按期开工的厂房", district: "hanyang", sector: "transport",
            status: ProjectStatus.Started, signedOn: "2015-03-01", startedOn: "2015-05-01"));

        Assert.Equal((ProjectStatus.Started, null), (underConstruction.Status, underConstruction.StartedOn));
        Assert.Equal((ProjectStatus.Completed, null), (built.Status, built.CompletedOn));

        var starts = await (await client.GetAsync("/api/dashboard/totals?groupBy=year&measure=started&district=hanyang", Cancellation)).ReadAsync<TotalsResult>();
        Assert.Equal(3L, starts.Total.ProjectCount);
        Assert.Equal(2L, starts.Rows.Single(row => row.Keys["year"].Code is null).Figures.ProjectCount);

        var kpis = Assert.Single((await (await client.GetAsync("/api/dashboard/kpis?year=2015&district=hanyang", Cancellation)).ReadAsync<KpiResult>()).Rows);
        Assert.Equal((2L, 2L, 1L, 61m), (kpis.Signed, kpis.StartedOfSigned, kpis.DaysToStartSample, kpis.AverageDaysToStart));

        var stalled = await (await client.GetAsync("/api/dashboard/stalled?district=hanyang&monthsSinceStart=12", Cancellation)).ReadAsync<StalledResult>();
        Assert.Equal([dated.Id], stalled.StartedNotCompleted.Select(s => s.Project.Id));
        Assert.Equal(1L, stalled.StartedWithoutDate);
    }
}
