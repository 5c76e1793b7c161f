using System.Net;
using System.Text.Json;

namespace ProjectTracker.IntegrationTests.Infrastructure;

public static class Problems
{
    /// <summary>Asserts an RFC 9457 answer with the given status and a trace id, and returns its body.</summary>
    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("traceId").GetString()));
        return document;
    }

    /// <summary>The messages of the <c>errors</c> entry for one field.</summary>
    public static string[] ErrorsFor(JsonDocument problem, string field) =>
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(message => message.GetString() ?? "").ToArray()
            : throw new Xunit.Sdk.XunitException($"no error for '{field}' in {problem.RootElement}");
}
