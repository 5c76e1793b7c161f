using System.Net;
using Dapper;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Projects;

public sealed class ProjectValidationTests(TestDatabase database) : DatabaseTests(database)
{
    private const string Valid = """
        {"nameZh":"智能医疗基地建设项目(一期)","kind":"investment","district":"jiangxia","park":"miaoshan","sector":"biomedicine",
         "status":"started","amount":24.5,"startedOn":"2023-01-31"}
        """;

    private static string With(string field, string json) =>
        Valid.Replace("}", $",\"{field}\":{json}}}", StringComparison.Ordinal);

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", """{"nameZh": "x",""", "body" },
        { "not an object", """["a","b"]""", "body" },
        { "amount as text", Valid.Replace("24.5", "\"很多\"", StringComparison.Ordinal), "amount" },
        { "amount as huge number", Valid.Replace("24.5", "1e400", StringComparison.Ordinal), "amount" },
        { "amount NaN-like", Valid.Replace("24.5", "\"NaN\"", StringComparison.Ordinal), "amount" },
        { "negative amount", Valid.Replace("24.5", "-5", StringComparison.Ordinal), "amount" },
        { "unknown enum", Valid.Replace("\"investment\"", "\"charity\"", StringComparison.Ordinal), "kind" },
        { "enum as number", Valid.Replace("\"investment\"", "1", StringComparison.Ordinal), "kind" },
        { "unknown field", With("amout", "3"), "amout" },
        { "invalid date", Valid.Replace("2023-01-31", "2023-02-30", StringComparison.Ordinal), "startedOn" },
        { "far-future date", Valid.Replace("2023-01-31", "2999-01-01", StringComparison.Ordinal), "startedOn" },
        { "far-past date", Valid.Replace("2023-01-31", "1900", StringComparison.Ordinal), "startedOn" },
        { "investors not a list", With("investors", "\"公司\""), "investors" },
        { "nested garbage", With("phases", "[{\"name\":{\"a\":[[[1]]]}}]"), "phases[0].name" },
        { "SQL in district", Valid.Replace("jiangxia", "jiangxia'; DROP TABLE projects; --", StringComparison.Ordinal), "district" },
        { "control character in name", Valid.Replace("智能医疗", "智能\\u0007医疗", StringComparison.Ordinal), "nameZh" },
        { "park in another district", Valid.Replace("jiangxia", "hanyang", StringComparison.Ordinal), "park" },
        { "phases disagree with amount", With("phases", "[{\"name\":\"一期\",\"amount\":1}]").Replace("24.5", "10", StringComparison.Ordinal), "phases" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task EachBadBodyIsA400NamingTheFieldAndStoresNothing(string because, string body, string field)
    {
        var response = await Client().RawAsync(HttpMethod.Post, "/api/projects", body);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{because}: {problem.RootElement}");
        Assert.DoesNotContain("System.", problem.RootElement.ToString());
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM projects"));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "district=mars", "district" },
        { "district=", "district" },
        { "district=jiangxia&district=", "district" },
        { "status=finished", "status" },
        { "sort=id", "sort" },
        { "sort=signedOn%3B%20DROP%20TABLE%20projects", "sort" },
        { "limit=0", "limit" },
        { "limit=501", "limit" },
        { "limit=abc", "limit" },
        { "minAmount=-1", "minAmount" },
        { "minAmount=5&maxAmount=1", "maxAmount" },
        { "signedFrom=2023-13", "signedFrom" },
        { "signedFrom=2024&signedTo=2023", "signedTo" },
        { "cursor=garbage", "cursor" },
        { "q=%25", "q" },
        { "q=%E4%BA%91", "q" },
        { "currency=EUR", "currency" },
        { "sector=mining", "sector" },
        { "updatedSince=yesterday", "updatedSince" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task EachBadListQueryIsA400NamingTheParameter(string query, string parameter)
    {
        var response = await Client().GetAsync($"/api/projects?{query}", Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"{query}: {problem.RootElement}");
    }

    [Fact]
    public async Task AnEmptyBodyIsA400()
    {
        var response = await Client().RawAsync(HttpMethod.Post, "/api/projects", "");

        using var _ = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MalformedJsonIsA400ProblemNamingTheBody()
    {
        var response = await Client().RawAsync(HttpMethod.Post, "/api/projects", "{\"nameZh\": }");

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("line 1, byte 12", Assert.Single(Problems.ErrorsFor(problem, "body")));
    }
}
