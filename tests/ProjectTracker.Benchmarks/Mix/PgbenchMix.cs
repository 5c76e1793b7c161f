using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>
/// The database-only side: the captured SQL of every request, run by pgbench (prepared statements, as Npgsql's
/// auto-prepare runs them). One script per shape, choosing one of its requests at random (<c>\if</c> on a random
/// variable), all scripts weighted alike — the HTTP load's weighting. Latencies per shape come from pgbench's
/// transaction log, which names the script of each transaction.
/// </summary>
public sealed partial class PgbenchMix(string pgbench, string connectionString, string workFolder)
{
    /// <param name="Tps">Transactions per second.</param>
    /// <param name="Samples">Each transaction's latency, by shape.</param>
    /// <param name="Errors">pgbench's complaints (a client stops at its first error), empty when none.</param>
    public sealed record Run(double Tps, List<Sample> Samples, string Errors);

    /// <summary>Writes one script per shape that has captured SQL; returns the shapes in script order.</summary>
    public List<int> WriteScripts(IReadOnlyList<MixRequest> requests, IReadOnlyDictionary<int, List<string>> statements, IEnumerable<int> shapes)
    {
        Directory.CreateDirectory(workFolder);
        var written = new List<int>();
        foreach (var shape in shapes)
        {
            var variants = requests.Select((request, index) => (request, index))
                .Where(pair => pair.request.Shape == shape && statements.ContainsKey(pair.index))
                .Select(pair => statements[pair.index]).ToList();
            if (variants.Count == 0) continue;
            var script = new StringBuilder($"\\set variant random(1, {variants.Count})\n");
            for (var v = 0; v < variants.Count; v++)
            {
                script.Append(v == 0 ? "\\if" : "\\elif").Append(CultureInfo.InvariantCulture, $" :variant = {v + 1}\n");
                foreach (var sql in variants[v]) script.Append(sql.TrimEnd().TrimEnd(';')).Append(";\n");
            }
            script.Append("\\endif\n");
            File.WriteAllText(ScriptPath(shape), script.ToString());
            written.Add(shape);
        }
        return written;
    }

    /// <summary>Each shape's script on its own, one client, this many transactions: every shape's latencies, however slow the others.</summary>
    public async Task<Run> RunEachAsync(IReadOnlyList<int> shapes, int transactions)
    {
        var samples = new List<Sample>();
        var errors = new List<string>();
        foreach (var shape in shapes)
        {
            var run = await RunAsync([shape], 1, null, transactions);
            samples.AddRange(run.Samples);
            if (run.Errors.Length > 0) errors.Add(run.Errors);
        }
        return new Run(0, samples, string.Join(" ", errors));
    }

    /// <summary>Runs the shapes' scripts together for the given time at the given number of clients.</summary>
    public Task<Run> RunAsync(IReadOnlyList<int> shapes, int clients, TimeSpan duration) => RunAsync(shapes, clients, duration, null);

    private async Task<Run> RunAsync(IReadOnlyList<int> shapes, int clients, TimeSpan? duration, int? transactions)
    {
        var logFolder = Path.Combine(workFolder, $"log-{Guid.NewGuid():N}");
        Directory.CreateDirectory(logFolder);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var arguments = new List<string>
        {
            "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-n", "-M", "prepared",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture),
            "--log", $"--log-prefix={Path.Combine(logFolder, "pgbench")}",
        };
        arguments.AddRange(duration is { } time
            ? ["-T", ((int)time.TotalSeconds).ToString(CultureInfo.InvariantCulture)]
            : ["-t", transactions!.Value.ToString(CultureInfo.InvariantCulture)]);
        foreach (var shape in shapes) arguments.AddRange(["-f", ScriptPath(shape) + "@1"]);
        arguments.Add(builder.Database!);

        var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var tps = TpsPattern().Match(await output);
        if (!tps.Success)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {await errors}\n{await output}");
        }

        var samples = new List<Sample>();
        foreach (var file in Directory.GetFiles(logFolder))
        {
            foreach (var line in File.ReadLines(file))
            {
                // client_id transaction_no time(µs) script_no time_epoch time_us
                var fields = line.Split(' ');
                if (fields.Length < 4 || fields[2] == "skipped" || fields[2] == "failed") continue;
                samples.Add(new Sample(shapes[int.Parse(fields[3], CultureInfo.InvariantCulture)],
                    double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000, 200));
            }
        }
        Directory.Delete(logFolder, recursive: true);
        var complaints = process.ExitCode == 0 ? "" : string.Join(" ", (await errors).Split('\n').Where(line => line.Contains("ERROR", StringComparison.Ordinal)).Distinct().Take(3));
        return new Run(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), samples, complaints);
    }

    private string ScriptPath(int shape) => Path.Combine(workFolder, $"shape-{shape:000}.sql");

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsPattern();
}
