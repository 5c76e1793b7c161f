using System.Net;
using System.Text;
using Dapper;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Dashboard;
using ProjectTracker.IntegrationTests.Infrastructure;
using ProjectTracker.IntegrationTests.Spreadsheets;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>Writers that meet: events sharing projects, imports, corrections and transitions at once — no 5xx, no lost update, exact rollups.</summary>
public sealed class ConcurrentWriteTests(TestDatabase database) : DatabaseTests(database)
{
    private static EventRequest Groundbreaking(string title, params long[] ids) => new()
    {
        Kind = BatchKind.Groundbreaking, Date = ApiJson.Date("2024-04-01"), District = "jiangxia", Title = title,
        Projects = [.. ids.Select(id => new EventProjectRequest { Id = id })],
    };

    [Fact]
    public async Task EventsSharingProjectsInOppositeOrdersNeitherDeadlockNorFail()
    {
        for (var round = 0; round < 8; round++)
        {
            var a = await Client().CreateProjectAsync(ApiJson.Project($"对冲项目甲{round}", signedOn: "2023-06"));
            var b = await Client().CreateProjectAsync(ApiJson.Project($"对冲项目乙{round}", signedOn: "2023-06"));
            var c = await Client().CreateProjectAsync(ApiJson.Project($"对冲项目丙{round}", signedOn: "2023-06"));

            var responses = await Task.WhenAll(
                Client().PostAsync("/api/events", Groundbreaking($"甲乙丙{round}", a.Id, b.Id, c.Id)),
                Client().PostAsync("/api/events", Groundbreaking($"丙乙甲{round}", c.Id, b.Id, a.Id)),
                Client().PostAsync("/api/events", Groundbreaking($"乙甲{round}", b.Id, a.Id)));

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
            var recorded = await Task.WhenAll(responses.Select(response => response.ReadAsync<InvestmentEvent>(HttpStatusCode.Created)));
            // Each project was started by exactly one of the events and linked by the others.
            foreach (var id in new[] { a.Id, b.Id, c.Id })
            {
                Assert.Single(recorded.SelectMany(e => e.Projects), p => p.Id == id && p.Action == EventAction.Transitioned);
            }
        }
    }

    [Fact]
    public async Task ImportsEventsCorrectionsAndTransitionsAtOnceLeaveExactRollups()
    {
        var signed = new List<Project>();
        for (var i = 0; i < 12; i++) signed.Add(await Client().CreateProjectAsync(ApiJson.Project($"并发基础项目{i}", amount: i + 1, signedOn: "2023-05")));
        var csv = new StringBuilder("项目名称,区,行业,状态,投资额(亿元),签约日期\n");
        for (var i = 0; i < 300; i++) csv.Append($"并发导入项目{i},{(i % 2 == 0 ? "江夏区" : "汉阳区")},headquarters,签约,{i % 7 + 1},2023-0{i % 9 + 1}\n");

        var work = new List<Task<HttpResponseMessage>>
        {
            Client().PostAsync("/api/imports", Uploads.File(Uploads.Csv(csv.ToString()), "concurrent.csv"), Cancellation),
            Client().PostAsync("/api/events", Groundbreaking("并发活动一", signed[0].Id, signed[1].Id, signed[2].Id, signed[3].Id)),
            Client().PostAsync("/api/events", Groundbreaking("并发活动二", signed[3].Id, signed[2].Id, signed[4].Id)),
        };
        for (var i = 5; i < 12; i++)
        {
            var project = signed[i];
            work.Add(Client().PutAsync($"/api/projects/{project.Id}", ApiJson.Project(project.NameZh, amount: 50 + i, signedOn: "2023-05", district: "hanyang"), "\"1\""));
            work.Add(Client().PostAsync($"/api/projects/{project.Id}/status", new StatusChangeRequest { Status = ProjectStatus.Started, Date = ApiJson.Date("2024-01") }));
        }
        var responses = await Task.WhenAll(work);

        Assert.All(responses, response => Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}"));
        var import = await Uploads.WaitAsync(Client(), (await responses[0].ReadAsync<ProjectTracker.Api.Spreadsheets.ImportStatus>(HttpStatusCode.Accepted)).Id);
        Assert.Equal((ProjectTracker.Api.Spreadsheets.ImportState.Succeeded, 300), (import.State, import.RowsWritten));
        // A PUT and a transition of one project: each either saved or refused as stale — never both lost.
        for (var i = 5; i < 12; i++)
        {
            var now = await (await Client().GetAsync($"/api/projects/{signed[i].Id}", Cancellation)).ReadAsync<Project>();
            var put = responses[3 + (i - 5) * 2].StatusCode;
            var transition = responses[4 + (i - 5) * 2].StatusCode;
            Assert.Equal(ProjectStatus.Started, now.Status);
            Assert.Equal(put == HttpStatusCode.OK ? 50m + i : i + 1m, now.Amount);
            Assert.Equal(put == HttpStatusCode.OK ? 3 : 2, now.Version);
            Assert.Equal(HttpStatusCode.OK, transition);
        }
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await RollupDrift.CountAsync(connection));
    }
}
