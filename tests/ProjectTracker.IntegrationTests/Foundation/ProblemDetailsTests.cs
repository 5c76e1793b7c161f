using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task APreconditionRequiredProblemHasATypeAndATitle()
    {
        var created = await Client().CreateProjectAsync(ApiJson.Project("前提条件测试项目"));
        var response = await Client().PutAsJsonAsync($"/api/projects/{created.Id}", ApiJson.Project("前提条件测试项目"), ApiJson.Options, Cancellation);

        using var problem = await Problems.ReadAsync(response, (HttpStatusCode)428);
        Assert.Equal("Precondition Required", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-3", problem.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{\"nameZh\": \"项目\", \"kind\": investment}", 1, 30)]   // bytes: 项目 is six in UTF-8
    [InlineData("{\n  \"nameZh\": \"项目\",\n  \"amount\": 1,,\n}", 3, 15)]
    [InlineData("{\"nameZh\": \"项目\"", 1, 20)]
    public async Task ABodyThatIsNotJsonIsReportedWhereItBreaksNotUnderAField(string body, int line, int position)
    {
        var response = await Client().PostAsync("/api/projects", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.RootElement.GetProperty("errors");
        var message = Assert.Single(Problems.ErrorsFor(problem, "body"));
        Assert.Contains($"line {line}, byte {position}", message);
        Assert.Single(errors.EnumerateObject());
    }

    [Theory]
    [InlineData("PublicWorks")]
    [InlineData("PUBLIC_WORKS")]
    [InlineData("Public_works")]
    [InlineData("INVESTMENT")]
    [InlineData("3")]
    public async Task EnumValuesAreAcceptedOnlyAsDocumented(string kind)
    {
        var body = JsonSerializer.SerializeToNode(ApiJson.Project("枚举拼写测试项目"), ApiJson.Options)!.AsObject();
        body["kind"] = kind == "3" ? 3 : kind;
        var response = await Client().PostAsync("/api/projects", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("investment, cooperation, platform, public_works", Assert.Single(Problems.ErrorsFor(problem, "kind")));
    }

    [Theory]
    [InlineData("/api/projects?signedFrom=2023-13", "signedFrom", "a date as yyyy, yyyy-MM or yyyy-MM-dd")]
    [InlineData("/api/projects?updatedSince=yesterday", "updatedSince", "a date and time in ISO 8601")]
    [InlineData("/api/projects?limit=many", "limit", "a whole number")]
    [InlineData("/api/dashboard/totals?groupBy=district&minAmount=lots", "minAmount", "a number")]
    public async Task AQueryValueOfTheWrongKindNamesWhatIsExpectedAsABodyFieldDoes(string url, string parameter, string expected)
    {
        var response = await Client().GetAsync(url, Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"expected {expected}", Assert.Single(Problems.ErrorsFor(problem, parameter)));
    }
}
