using System.Net;
using System.Text.Json;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

public sealed class ProblemDetailsTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task UnknownRouteIsA404ProblemWithATraceId()
    {
        var response = await Database.Api.CreateClient().GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task InvalidQueryValueIsA400ProblemNamingTheParameter()
    {
        var response = await Database.Api.CreateClient().GetAsync("/api/districts?kind=planet", TestContext.Current.CancellationToken);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var message = problem.RootElement.GetProperty("errors").GetProperty("kind")[0].GetString();
        Assert.Contains("development_zone", message);
    }

    [Fact]
    public async Task SwaggerDocumentDescribesEveryActionWithProblemResponses()
    {
        var json = await Database.Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(json);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        foreach (var operation in operations)
        {
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.TryGetProperty("500", out var serverError), $"{operation.Name} lacks a 500 response");
            Assert.True(serverError.GetProperty("content").TryGetProperty("application/problem+json", out _));
            Assert.True(operation.Value.TryGetProperty("summary", out _), $"an operation lacks a summary");
        }
    }
}
