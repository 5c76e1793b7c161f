using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>Talking to the API as a client would, with the API's own JSON conventions.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = ApiServices.Json;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Options)!;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Options, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Options) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> RawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A project request with sensible defaults for tests that care about one field.</summary>
    public static ProjectRequest Project(string nameZh, string district = "jiangxia", string sector = "biomedicine",
        ProjectStatus status = ProjectStatus.Signed, decimal? amount = null, string? signedOn = "2023-02-01", string? startedOn = null,
        string? completedOn = null, Currency? currency = null, string[]? investors = null, string? park = null) => new()
    {
        NameZh = nameZh,
        Kind = ProjectKind.Investment,
        District = district,
        Sector = sector,
        Status = status,
        Amount = amount,
        Currency = currency,
        Investors = investors,
        Park = park,
        SignedOn = Date(signedOn),
        StartedOn = Date(startedOn),
        CompletedOn = Date(completedOn),
    };

    public static PartialDate? Date(string? text) => text is null ? null : PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    public static async Task<Project> CreateProjectAsync(this HttpClient client, ProjectRequest request) =>
        await (await client.PostAsync("/api/projects", request)).ReadAsync<Project>(HttpStatusCode.Created);
}
