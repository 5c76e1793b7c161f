using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/ProjectTracker.Benchmarks -- --filter '*' [--job short]
// Repository benchmarks need PROJECTTRACKER_BENCH_DB (a connection string to a database with projects).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
