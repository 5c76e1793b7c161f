using BenchmarkDotNet.Running;
using ProjectTracker.Benchmarks;

// dotnet run -c Release --project tests/ProjectTracker.Benchmarks -- --filter '*' [--job short]
// Repository benchmarks need PROJECTTRACKER_BENCH_DB (a connection string to a database with projects).
// db/bench/soak.sh runs this program's soak load: -- soak <url> <key> <seconds> <workers> <tag> <min id> <max id> <district>
if (args.Length > 0 && args[0] == "soak") return await Soak.RunAsync(args);
// db/bench/mix.sh runs the query mix: -- mix --url=… --key=… --db=… --superuser=… --server-log=… (see Mix/MixCommand.cs)
if (args.Length > 0 && args[0] == "mix") return await ProjectTracker.Benchmarks.Mix.MixCommand.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Soak).Assembly).Run(args); // (typeof(Program) would be the API's too)
return 0;
