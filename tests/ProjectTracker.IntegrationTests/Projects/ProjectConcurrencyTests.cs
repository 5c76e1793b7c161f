using System.Net;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

public sealed class ProjectConcurrencyTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task TwoPutsWithTheSameETagOneWinsOneGets412()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("并发更新项目"));

        var responses = await Task.WhenAll(
            Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("并发更新项目", amount: 1m), "\"1\""),
            Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("并发更新项目", amount: 2m), "\"1\""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAsync<Project>();
        var current = await (await Client().GetAsync($"/api/projects/{created.Id}", Cancellation)).ReadAsync<Project>();
        Assert.Equal((2, winner.Amount), (current.Version, current.Amount));
    }

    [Fact]
    public async Task FiftyParallelPutsWithOneETagExactlyOneWins()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("五十并发项目"));

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Client().PutAsync($"/api/projects/{created.Id}", ApiJson.Project("五十并发项目", amount: i), "\"1\"")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task ParallelCreatesOfOneNameRecordOneProject()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client().PostAsync("/api/projects", ApiJson.Project("同名并发项目"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}
