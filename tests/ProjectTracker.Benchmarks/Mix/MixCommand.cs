using System.Globalization;
using System.Text;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>
/// The query-mix benchmark (db/bench/mix.sh runs it): the shapes of <see cref="MixShapes"/> with values drawn from the
/// database, timed through the API one at a time and under load, beside pgbench running the SQL the API sent for the
/// very same requests. Prints a markdown report.
/// </summary>
public static class MixCommand
{
    /// <summary>Settings, from name=value arguments.</summary>
    private sealed record Settings(
        string Url, string Key, string Database, string Superuser, string ServerLog, string Pgbench, string Wrk, string Work,
        int Variants, int SingleRounds, TimeSpan LoadTime, int Rounds, int Connections, int[] PgClients, int Seed)
    {
        public static Settings Parse(IEnumerable<string> args)
        {
            var values = args.Select(arg => arg.Split('=', 2)).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair.Length > 1 ? pair[1] : "");
            string Get(string name, string? fallback = null) =>
                values.GetValueOrDefault(name) ?? fallback ?? throw new ArgumentException($"mix needs --{name}=…");
            int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new Settings(Get("url"), Get("key"), Get("db"), Get("superuser"), Get("server-log"), Get("pgbench", "pgbench"), Get("wrk", "wrk"),
                Get("work", Path.Combine(Path.GetTempPath(), "pt-mix")), Int("variants", 20), Int("single-rounds", 3),
                TimeSpan.FromSeconds(Int("seconds", 15)), Int("rounds", 3), Int("connections", 32),
                Get("pg-clients", "2,4,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(), Int("seed", 42));
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args.Skip(1));
        var world = await MixWorld.LoadAsync(settings.Superuser);
        var shapes = MixShapes.All(DateTimeOffset.UtcNow);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections, UseCookies = false })
        {
            BaseAddress = new Uri(settings.Url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", settings.Key);
        var http = new HttpMix(client);

        Log($"{shapes.Count} shapes, {settings.Variants} variants each: discovering the requests (and warming up)");
        var requests = await http.DiscoverAsync(shapes, world, settings.Variants, settings.Seed, _ => Task.CompletedTask);
        Log($"{requests.Count} requests; capturing their SQL");
        Dictionary<int, List<string>> statements;
        await using (var capture = new SqlCapture(settings.Superuser, settings.ServerLog))
        {
            await capture.StartAsync();
            for (var i = 0; i < requests.Count; i++)
            {
                await capture.MarkAsync(i);
                await http.SingleClientAsync([requests[i]], 1, settings.Seed);
            }
            statements = await capture.StopAsync();
        }
        var pgbench = new PgbenchMix(settings.Pgbench, settings.Database, settings.Work);
        var scripted = pgbench.WriteScripts(requests, statements, Enumerable.Range(0, shapes.Count));
        Log($"SQL captured for {statements.Count} of {requests.Count} requests; {scripted.Count} pgbench scripts");

        Log("single client: the API");
        var single = await http.SingleClientAsync(requests, settings.SingleRounds, settings.Seed);
        Log("single client: pgbench");
        var singlePg = await pgbench.RunEachAsync(scripted, settings.Variants * settings.SingleRounds);
        Console.Write(SingleClientReport(shapes, settings, requests.Count, single, singlePg));

        var parts = new (string Name, Func<MixShape, bool> Includes)[]
        {
            ("reads by id", shape => shape.Part == MixPart.ReadById),
            ("list pages", shape => shape.Part == MixPart.Page),
            ("whole mix", _ => true),
        };
        var load = new WrkMix(settings.Wrk, settings.Url, settings.Key, settings.Work);
        var report = new StringBuilder();
        report.AppendLine(Invariant($"**Under load**: {settings.Connections} connections (wrk, a thread each), {settings.Rounds} rounds of {settings.LoadTime.TotalSeconds:F0} s, each beside pgbench's best over {string.Join(", ", settings.PgClients)} clients on the same SQL; medians of the rounds (max and errors over all rounds). Milliseconds."));
        report.AppendLine();
        report.AppendLine("| part | API req/s | p50 | p99 | max | errors (5xx, socket) | pgbench best TPS | API ÷ pgbench |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        var wholeMix = new List<Sample>();
        var pgbenchErrors = new HashSet<string>();
        foreach (var (name, includes) in parts)
        {
            var partShapes = Enumerable.Range(0, shapes.Count).Where(s => includes(shapes[s])).ToHashSet();
            var partRequests = requests.Where(request => partShapes.Contains(request.Shape)).ToList();
            var partScripts = scripted.Where(partShapes.Contains).ToList();
            Log($"under load: {name} ({partShapes.Count} shapes)");
            await load.RunAsync(partRequests, settings.Connections, settings.LoadTime / 3, settings.Seed); // warm-up
            var rounds = new List<(double Rps, Stats Latency, int Errors, double Tps)>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                // The API and pgbench take turns, so a noisy neighbour weighs on both alike.
                var run = await load.RunAsync(partRequests, settings.Connections, settings.LoadTime, settings.Seed + round);
                var samples = run.Samples;
                if (name == "whole mix") wholeMix.AddRange(samples);
                var best = 0.0;
                foreach (var clients in settings.PgClients)
                {
                    var database = await pgbench.RunAsync(partScripts, clients, settings.LoadTime);
                    best = Math.Max(best, database.Tps);
                    if (database.Errors.Length > 0) pgbenchErrors.Add($"{name}, {clients} clients: {database.Errors}");
                }
                rounds.Add((run.RequestsPerSecond, Stats.Of(samples), samples.Count(s => s.Status >= 500) + run.SocketErrors, best));
            }
            var rps = Median(rounds.Select(r => r.Rps));
            var tps = Median(rounds.Select(r => r.Tps));
            report.AppendLine(Invariant($"| {name} | {rps:F0} | {Median(rounds.Select(r => r.Latency.P50)):F1} | {Median(rounds.Select(r => r.Latency.P99)):F1} | {rounds.Max(r => r.Latency.Max):F0} | {rounds.Sum(r => r.Errors)} | {tps:F0} | {rps / tps:F2} |"));
        }
        report.AppendLine();
        report.AppendLine("Shapes with the highest p99 under load (whole mix, all rounds): " + string.Join("; ",
            shapes.Select((shape, index) => (shape.Name, Stats: Stats.Of(wholeMix.Where(s => s.Shape == index)))).OrderByDescending(pair => pair.Stats.P99).Take(8)
                .Select(pair => Invariant($"{pair.Name} p50 {pair.Stats.P50:F1} / p99 {pair.Stats.P99:F1} ms"))) + ".");
        if (pgbenchErrors.Count > 0) report.AppendLine("pgbench reported: " + string.Join("; ", pgbenchErrors));
        Console.Write(report);
        return 0;
    }

    private static string SingleClientReport(IReadOnlyList<MixShape> shapes, Settings settings, int requestCount, List<Sample> single, PgbenchMix.Run singlePg)
    {
        var report = new StringBuilder();
        report.AppendLine(Invariant($"{shapes.Count} shapes × {settings.Variants} variants ({requestCount} requests; pages 2–5 reached through nextCursor); seed {settings.Seed}."));
        report.AppendLine();
        report.AppendLine(Invariant($"**Single client** ({settings.SingleRounds} rounds of every request through the API; pgbench: one client, each shape's SQL on its own, every request {settings.SingleRounds} times). Milliseconds."));
        report.AppendLine();
        report.AppendLine("| shape | API p50 | API p99 | API max | pgbench p50 | pgbench p99 | pgbench max |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        for (var index = 0; index < shapes.Count; index++)
        {
            var api = Stats.Of(single.Where(s => s.Shape == index));
            var db = Stats.Of(singlePg.Samples.Where(s => s.Shape == index));
            report.AppendLine(Invariant($"| {shapes[index].Name} | {api.P50:F1} | {api.P99:F1} | {api.Max:F1} | {db.P50:F1} | {db.P99:F1} | {db.Max:F1} |"));
        }
        var all = Stats.Of(single);
        var allDb = Stats.Of(singlePg.Samples);
        report.AppendLine(Invariant($"| **whole mix** | {all.P50:F1} | {all.P99:F1} | {all.Max:F1} | {allDb.P50:F1} | {allDb.P99:F1} | {allDb.Max:F1} |"));
        var slowest = shapes.Select((shape, index) => (shape.Name, Stats.Of(single.Where(s => s.Shape == index)).P99)).OrderByDescending(pair => pair.P99).Take(8);
        report.AppendLine();
        report.AppendLine("Slowest shapes (API p99, single client): " + string.Join("; ", slowest.Select(pair => Invariant($"{pair.Name} {pair.P99:F1} ms"))) + ".");
        report.AppendLine(Invariant($"Answers other than 2xx in the single-client rounds: {single.Count(s => s.Status is < 200 or >= 300)}."));
        if (singlePg.Errors.Length > 0) report.AppendLine($"pgbench reported: {singlePg.Errors}");
        report.AppendLine();
        return report.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Log(string message) => Console.Error.WriteLine($"mix: {message}");
}

/// <summary>Nearest-rank percentiles of a set of samples.</summary>
public readonly record struct Stats(int Count, double P50, double P99, double Max)
{
    public static Stats Of(IEnumerable<Sample> samples)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        if (sorted.Length == 0) return new Stats(0, 0, 0, 0);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }
}
