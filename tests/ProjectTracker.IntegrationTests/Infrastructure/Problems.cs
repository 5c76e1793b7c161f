using System.Net;
using System.Text.Json;

namespace ProjectTracker.IntegrationTests.Infrastructure;

public static class Problems
{
    /// <summary>What every problem the API writes has (its OpenAPI document makes them required).</summary>
    public static readonly string[] Members = ["type", "title", "status", "detail", "instance", "traceId"];

    /// <summary>Asserts an RFC 9457 answer with the given status and every member filled, and returns its body.</summary>
    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body);
        foreach (var member in Members)
        {
            Assert.True(document.RootElement.TryGetProperty(member, out var value) && value.ToString().Length > 0, $"the problem has no {member}: {body}");
        }
        Assert.Equal((int)expected, document.RootElement.GetProperty("status").GetInt32());
        return document;
    }

    /// <summary>The messages of the <c>errors</c> entry for one field.</summary>
    public static string[] ErrorsFor(JsonDocument problem, string field) =>
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(message => message.GetString() ?? "").ToArray()
            : throw new Xunit.Sdk.XunitException($"no error for '{field}' in {problem.RootElement}");
}
