using System.Net;
using System.Net.Http.Json;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Targets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Auth;

/// <summary>Every endpoint × every role: the lowest role it needs, 401 without a key, 403 below that role.</summary>
public sealed class RoleMatrixTests(TestDatabase database) : DatabaseTests(database)
{
    /// <summary>An endpoint: the least role it needs, what it answers then, and how to build a request (given an admin client to prepare data).</summary>
    private sealed record Endpoint(ApiRole Needs, HttpStatusCode Success, Func<HttpClient, Task<HttpRequestMessage>> Request);

    private static int counter;

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["GET /api/projects"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/projects")),
        ["GET /api/projects/{id}"] = new(ApiRole.Viewer, HttpStatusCode.OK, async admin => new(HttpMethod.Get, $"/api/projects/{await NewProjectAsync(admin)}")),
        ["GET /api/projects/{id}/history"] = new(ApiRole.Viewer, HttpStatusCode.OK, async admin => new(HttpMethod.Get, $"/api/projects/{await NewProjectAsync(admin)}/history")),
        ["GET /api/projects/{id}/audit"] = new(ApiRole.Viewer, HttpStatusCode.OK, async admin => new(HttpMethod.Get, $"/api/projects/{await NewProjectAsync(admin)}/audit")),
        ["GET /api/districts"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/districts")),
        ["GET /api/sectors"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/sectors")),
        ["GET /api/dashboard/totals"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/dashboard/totals?groupBy=status")),
        ["GET /api/dashboard/targets"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/dashboard/targets")),
        ["POST /api/projects"] = new(ApiRole.Editor, HttpStatusCode.Created, _ => Task.FromResult(Json(HttpMethod.Post, "/api/projects", ApiJson.Project(UniqueName())))),
        ["PUT /api/projects/{id}"] = new(ApiRole.Editor, HttpStatusCode.OK, async admin =>
        {
            var request = Json(HttpMethod.Put, $"/api/projects/{await NewProjectAsync(admin)}", ApiJson.Project(UniqueName(), amount: 1m));
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return request;
        }),
        ["POST /api/projects/{id}/status"] = new(ApiRole.Editor, HttpStatusCode.OK, async admin =>
            Json(HttpMethod.Post, $"/api/projects/{await NewProjectAsync(admin)}/status", new StatusChangeRequest { Status = ProjectStatus.Started, Date = ApiJson.Date("2024-03") })),
        ["DELETE /api/projects/{id}"] = new(ApiRole.Admin, HttpStatusCode.NoContent, async admin => new(HttpMethod.Delete, $"/api/projects/{await NewProjectAsync(admin)}")),
        ["POST /api/targets"] = new(ApiRole.Editor, HttpStatusCode.Created, _ => Task.FromResult(Json(HttpMethod.Post, "/api/targets", Target()))),
        ["PUT /api/targets/{id}"] = new(ApiRole.Editor, HttpStatusCode.OK, async admin =>
        {
            var created = await (await admin.PostAsync("/api/targets", Target())).ReadAsync<Target>(HttpStatusCode.Created);
            var request = Json(HttpMethod.Put, $"/api/targets/{created.Id}", Target());
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return request;
        }),
        ["GET /api/keys"] = new(ApiRole.Admin, HttpStatusCode.OK, _ => Get("/api/keys")),
        ["POST /api/keys"] = new(ApiRole.Admin, HttpStatusCode.Created, _ => Task.FromResult(Json(HttpMethod.Post, "/api/keys", new ApiKeyRequest { Name = UniqueName(), Role = ApiRole.Viewer }))),
        ["DELETE /api/keys/{id}"] = new(ApiRole.Admin, HttpStatusCode.NoContent, async admin =>
        {
            var created = await (await admin.PostAsync("/api/keys", new ApiKeyRequest { Name = UniqueName(), Role = ApiRole.Viewer })).ReadAsync<CreatedApiKey>(HttpStatusCode.Created);
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/keys/{created.Key.Id}");
        }),
        ["GET /api/audit"] = new(ApiRole.Admin, HttpStatusCode.OK, _ => Get("/api/audit")),
        ["GET /api/events"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/events")),
        ["GET /api/projects/export"] = new(ApiRole.Viewer, HttpStatusCode.OK, _ => Get("/api/projects/export?format=csv")),
        ["POST /api/imports"] = new(ApiRole.Editor, HttpStatusCode.Accepted, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/imports")
        {
            Content = Spreadsheets.Uploads.File(System.Text.Encoding.UTF8.GetBytes($"项目名称,区,行业,状态\n{UniqueName()},江夏区,headquarters,签约\n"), "matrix.csv"),
        })),
        ["POST /api/events"] = new(ApiRole.Editor, HttpStatusCode.Created, _ => Task.FromResult(Json(HttpMethod.Post, "/api/events", new EventRequest
        {
            Kind = BatchKind.Signing, Date = ApiJson.Date("2024-04-02"), District = "jiangxia", Title = "集中签约",
            Projects = [new EventProjectRequest { NameZh = UniqueName(), Sector = "nev_icv" }],
        }))),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints.Keys)
        {
            foreach (var role in new[] { "none", "viewer", "editor", "admin" }) cases.Add(endpoint, role);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachEndpointAnswersEachRoleAsItShould(string endpoint, string role)
    {
        var definition = Endpoints[endpoint];
        ApiRole? apiRole = role == "none" ? null : Enum.Parse<ApiRole>(role, ignoreCase: true);
        var client = Database.Api.CreateClient(apiRole is { } r ? Database.Api.CreateKey(r) : null);
        var request = await definition.Request(Client());

        var response = await client.SendAsync(request, Cancellation);

        var expected = apiRole is null ? HttpStatusCode.Unauthorized : apiRole >= definition.Needs ? definition.Success : HttpStatusCode.Forbidden;
        Assert.True(expected == response.StatusCode, $"{endpoint} as {role}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancellation)}");
        if ((int)expected >= 400) using (await Problems.ReadAsync(response, expected)) { }
    }

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) =>
        new(method, url) { Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options) };

    private static string UniqueName() => $"权限矩阵项目{Interlocked.Increment(ref counter)}";

    private static TargetRequest Target() => new()
    {
        District = "jiangxia", Year = 2024, Measure = TargetMeasure.SignedCount, Value = 10, Title = "2024年签约项目10个",
    };

    private static async Task<long> NewProjectAsync(HttpClient admin) => (await admin.CreateProjectAsync(ApiJson.Project(UniqueName()))).Id;
}
