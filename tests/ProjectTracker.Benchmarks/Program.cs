using BenchmarkDotNet.Running;
using ProjectTracker.Benchmarks.Generation;
using ProjectTracker.Benchmarks.Mix;

namespace ProjectTracker.Benchmarks;

/// <summary>
/// The benchmarks' tool (a class of its own name, not top-level statements, so that the integration tests, which use
/// the data generator, see one <c>Program</c>: the API's).
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project tests/ProjectTracker.Benchmarks -- --filter '*' [--job short]</c>: BenchmarkDotNet.
/// Repository benchmarks need PROJECTTRACKER_BENCH_DB (a connection string to a database with projects).</item>
/// <item><c>generate --projects N --seed S</c>: synthetic projects into ConnectionStrings__ProjectTracker (db/bench/common.sh).</item>
/// <item><c>soak &lt;url&gt; &lt;key&gt; &lt;seconds&gt; &lt;workers&gt; &lt;tag&gt; &lt;min id&gt; &lt;max id&gt; &lt;district&gt;</c>: db/bench/soak.sh's load.</item>
/// <item><c>mix --url=… --key=… --db=… --superuser=… --server-log=…</c>: db/bench/mix.sh's query mix (Mix/MixCommand.cs).</item>
/// <item><c>dashboard-render &lt;url&gt; &lt;key&gt; &lt;runs&gt; [hash]</c>: db/bench/dashboard.sh's first render of the web app's dashboard.</item>
/// </list>
/// </summary>
public static class BenchmarkTool
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "generate": return await GenerateCommand.RunAsync(args);
            case "soak": return await Soak.RunAsync(args);
            case "mix": return await MixCommand.RunAsync(args);
            case "dashboard-render": return await DashboardRender.RunAsync(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkTool).Assembly).Run(args);
                return 0;
        }
    }
}
