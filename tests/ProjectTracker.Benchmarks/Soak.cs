using System.Diagnostics;
using System.Net.Http.Json;

namespace ProjectTracker.Benchmarks;

/// <summary>
/// The soak's load: workers that each send a request, wait for its answer, and send the next, until the time is up;
/// a request under way when the time runs out is still answered and counted, so every acknowledged creation is known
/// (wrk stops mid-request). Of every 20 requests: 13 reads by id, 3 filtered pages, 1 dashboard total, 3 creations.
/// </summary>
public static class Soak
{
    /// <summary>soak &lt;api url&gt; &lt;api key&gt; &lt;seconds&gt; &lt;workers&gt; &lt;name tag&gt; &lt;min id&gt; &lt;max id&gt; &lt;district&gt;</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, key, seconds, workers, tag, minId, maxId, district) =
            (args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5], long.Parse(args[6]), long.Parse(args[7]), args[8]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var deadline = Stopwatch.StartNew();
        long requests = 0, ok = 0, created = 0, clientErrors = 0, serverErrors = 0, failed = 0;
        var latencies = new List<double>[workers];

        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var mine = latencies[worker] = [];
            for (var n = 0; deadline.Elapsed < TimeSpan.FromSeconds(seconds); n++)
            {
                var slot = n % 20;
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = slot switch
                    {
                        < 13 => await client.GetAsync($"/api/projects/{random.NextInt64(minId, maxId + 1)}"),
                        < 16 => await client.GetAsync($"/api/projects?district={district}&status=signed&sort=-signedOn&limit=50"),
                        < 17 => await client.GetAsync("/api/dashboard/totals?groupBy=district&measure=signed"),
                        _ => await client.PostAsJsonAsync("/api/projects", new
                        {
                            nameZh = $"{tag}w{worker}n{n}", kind = "investment", district = "jiangxia", sector = "nev_icv", status = "signed",
                            amount = 1.5m, signedOn = $"2024-0{n % 9 + 1}-01",
                        }),
                    };
                    await response.Content.LoadIntoBufferAsync();
                    var status = (int)response.StatusCode;
                    if (status == 201) Interlocked.Increment(ref created);
                    if (status is >= 200 and < 300) Interlocked.Increment(ref ok);
                    else if (status >= 500) Interlocked.Increment(ref serverErrors);
                    else Interlocked.Increment(ref clientErrors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                mine.Add(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref requests);
            }
        })));

        var all = latencies.SelectMany(list => list).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        Console.WriteLine(FormattableString.Invariant(
            $"SOAK {requests} {ok} {created} {clientErrors} {serverErrors} {failed} {Percentile(0.50):F1} {Percentile(0.99):F1}"));
        return 0;
    }
}
