using System.Net;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

/// <summary>The web app's files at /: served without a key (they hold no data), under the app's own CSP; API answers keep theirs.</summary>
public sealed class WebAppServingTests(TestDatabase database) : DatabaseTests(database)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app/main.js", "text/javascript")]
    [InlineData("/lib/echarts/echarts.parts.min.js", "text/javascript")]
    public async Task TheAppIsServedWithoutAKeyUnderItsOwnPolicy(string path, string mediaType)
    {
        var response = await Database.Api.CreateClient(apiKey: null).GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ApiAnswersStillAllowNothing()
    {
        var response = await Client().GetAsync("/api/sectors", Cancellation);

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task TheAppLoadsNothingFromAnotherOrigin()
    {
        var index = await Database.Api.CreateClient(apiKey: null).GetStringAsync("/", Cancellation);

        Assert.DoesNotContain("http", index, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script type=\"module\" src=\"app/main.js\"></script>", index, StringComparison.Ordinal);
    }
}
