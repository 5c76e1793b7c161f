using System.Diagnostics;
using System.Text.Json;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>A concrete request of a shape: its path and query, as discovered (pages 2–5 carry their cursors).</summary>
public sealed record MixRequest(int Shape, string Url);

/// <summary>How long one request took, and how it was answered.</summary>
public readonly record struct Sample(int Shape, double Milliseconds, int Status);

/// <summary>The API side of the benchmark: turning shapes into concrete requests, and timing them one at a time (load: <see cref="WrkMix"/>).</summary>
public sealed class HttpMix(HttpClient client)
{
    /// <summary>
    /// Each shape's variants as concrete requests: <paramref name="variants"/> drawn URLs, and for a shape that follows
    /// pages, pages 2 to 5 of each (their cursors taken from the answers). <paramref name="beforeEach"/> runs before every
    /// request (the SQL capture's marker).
    /// </summary>
    public async Task<List<MixRequest>> DiscoverAsync(IReadOnlyList<MixShape> shapes, MixWorld world, int variants, int seed,
        Func<MixRequest, Task> beforeEach)
    {
        var requests = new List<MixRequest>();
        for (var s = 0; s < shapes.Count; s++)
        {
            // A stream of its own per shape: adding a shape does not change the others' values.
            var random = new Random(seed * 1_000 + s);
            var shape = shapes[s];
            for (var v = 0; v < variants; v++)
            {
                var url = shape.Url(random, world);
                if (!shape.FollowPages)
                {
                    var request = new MixRequest(s, url);
                    await beforeEach(request);
                    await SendAsync(request.Url);
                    requests.Add(request);
                    continue;
                }
                for (var page = 1; page <= 5 && url is not null; page++)
                {
                    var request = new MixRequest(s, url);
                    await beforeEach(request);
                    var (_, body) = await SendAsync(url);
                    if (page > 1) requests.Add(request);
                    url = NextPage(url, body);
                }
            }
        }
        return requests;
    }

    /// <summary>Every request once per round, in a shuffled order, one at a time.</summary>
    public async Task<List<Sample>> SingleClientAsync(IReadOnlyList<MixRequest> requests, int rounds, int seed)
    {
        var samples = new List<Sample>(requests.Count * rounds);
        var random = new Random(seed);
        for (var round = 0; round < rounds; round++)
        {
            var order = requests.ToArray();
            random.Shuffle(order);
            foreach (var request in order)
            {
                var clock = Stopwatch.StartNew();
                var (status, _) = await SendAsync(request.Url);
                samples.Add(new Sample(request.Shape, clock.Elapsed.TotalMilliseconds, status));
            }
        }
        return samples;
    }

    private async Task<(int Status, string? Body)> SendAsync(string url, bool readBody = true)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        var body = readBody ? await response.Content.ReadAsStringAsync() : null;
        return ((int)response.StatusCode, body);
    }

    private static string? NextPage(string url, string? body)
    {
        if (body is null) return null;
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("nextCursor", out var cursor) || cursor.ValueKind != JsonValueKind.String) return null;
        var withoutCursor = string.Join('&', url.Split('&').Where(part => !part.StartsWith("cursor=", StringComparison.Ordinal)));
        return $"{withoutCursor}{(withoutCursor.Contains('?', StringComparison.Ordinal) ? "&" : "?")}cursor={Uri.EscapeDataString(cursor.GetString()!)}";
    }
}
