using System.Diagnostics;
using System.Globalization;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>
/// The load on the API: wrk (a C load generator, so that the load takes as little of the shared cores as it can), one
/// thread per connection so that each thread's requests and answers alternate and a Lua script can time each request
/// and name its shape. The shape is drawn uniformly, then one of its requests — the weighting the pgbench scripts use.
/// </summary>
public sealed class WrkMix(string wrk, string url, string key, string workFolder)
{
    public sealed record Run(double RequestsPerSecond, List<Sample> Samples, int SocketErrors);

    public async Task<Run> RunAsync(IReadOnlyList<MixRequest> requests, int connections, TimeSpan duration, int seed)
    {
        Directory.CreateDirectory(workFolder);
        var list = Path.Combine(workFolder, "requests.tsv");
        var samples = Path.Combine(workFolder, $"samples-{Guid.NewGuid():N}.txt");
        var script = Path.Combine(workFolder, "mix.lua");
        await File.WriteAllLinesAsync(list, requests.Select(request => $"{request.Shape}\t{request.Url}"));
        await File.WriteAllTextAsync(script, Script);

        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-t", connections.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script, url, "--", list, key, samples,
                     seed.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var summary = output.Split('\n').FirstOrDefault(line => line.StartsWith("MIX ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk failed: {errors}\n{output}");
        var fields = summary.Split(' ');
        var parsed = File.ReadLines(samples).Select(line => line.Split(' '))
            .Select(sample => new Sample(int.Parse(sample[0], CultureInfo.InvariantCulture), double.Parse(sample[1], CultureInfo.InvariantCulture) / 1000,
                int.Parse(sample[2], CultureInfo.InvariantCulture)))
            .ToList();
        File.Delete(samples);
        return new Run(double.Parse(fields[1], CultureInfo.InvariantCulture), parsed, int.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    // Per thread: the requests by shape, and per request its shape, microseconds and status; done() writes them all.
    private const string Script = """
        local ffi = require("ffi")
        ffi.cdef[[
        typedef struct { long tv_sec; long tv_nsec; } pt_timespec;
        int clock_gettime(int clock, pt_timespec *time);
        ]]
        local clock = ffi.new("pt_timespec")
        local function now() ffi.C.clock_gettime(1, clock); return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3 end

        local threads = {}
        function setup(thread) table.insert(threads, thread) end

        local shapes, paths = {}, {}
        shape_of, micros_of, status_of = {}, {}, {}
        local current, started = 0, 0
        function init(args)
          for line in io.lines(args[1]) do
            local shape, path = line:match("^(%d+)\t(.*)$")
            shape = tonumber(shape)
            if not paths[shape] then paths[shape] = {}; table.insert(shapes, shape) end
            table.insert(paths[shape], path)
          end
          wrk.headers["X-Api-Key"] = args[2]
          samples_file = args[3]
          -- each thread its own stream: the seed and this thread's own Lua state's address
          math.randomseed(tonumber(args[4]) * 100003 + tonumber(tostring({}):match("0x(%x+)"), 16) % 100003)
        end

        function request()
          current = shapes[math.random(#shapes)]
          local list = paths[current]
          started = now()
          return wrk.format("GET", list[math.random(#list)])
        end

        function response(status, headers, body)
          local n = #micros_of + 1
          micros_of[n] = now() - started
          shape_of[n] = current
          status_of[n] = status
        end

        function done(summary, latency, requests)
          local file = io.open(threads[1]:get("samples_file"), "w")
          for _, thread in ipairs(threads) do
            local shapes, micros, statuses = thread:get("shape_of"), thread:get("micros_of"), thread:get("status_of")
            for i = 1, #micros do file:write(string.format("%d %.0f %d\n", shapes[i], micros[i], statuses[i])) end
          end
          file:close()
          local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
          io.write(string.format("MIX %.1f %d\n", summary.requests / (summary.duration / 1e6), errors))
        end
        """;
}
