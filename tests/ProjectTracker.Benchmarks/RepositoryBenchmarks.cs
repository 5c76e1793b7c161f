using BenchmarkDotNet.Attributes;
using Dapper;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Hosting;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Benchmarks;

/// <summary>
/// The repository's own cost over a real database (PROJECTTRACKER_BENCH_DB, e.g. the bench cluster's
/// bench_1000000): one project by id, and a filtered, sorted page of 50.
/// </summary>
[MemoryDiagnoser]
public class RepositoryBenchmarks
{
    private Database database = null!;
    private ProjectRepository repository = null!;
    private long[] ids = [];
    private int next;
    private ProjectListQuery page = null!;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("PROJECTTRACKER_BENCH_DB")
            ?? throw new InvalidOperationException("Set PROJECTTRACKER_BENCH_DB to a connection string of a database with projects (see db/bench).");
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        database = DatabaseServices.Create(connectionString, new DatabaseOptions());
        repository = new ProjectRepository(database, new ReferenceCatalog(database, TimeProvider.System), new SearchStatistics(database, TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new ProjectListOptions()));
        using var connection = database.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        ids = connection.Query<long>("SELECT id FROM projects WHERE deleted_at IS NULL ORDER BY random() LIMIT 10000").ToArray();
        var busiest = connection.ExecuteScalar<string>("SELECT place_code FROM projects GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")!;
        page = new ProjectListQuery { District = [busiest], Status = [ProjectStatus.Signed], Sort = "-signedOn", Limit = 50 };
    }

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Repository: get by id")]
    public Task<Project?> GetById() => repository.GetAsync(ids[next++ % ids.Length], CancellationToken.None);

    [Benchmark(Description = "Repository: filtered page of 50")]
    public Task<ProjectPage> FilteredPage() => repository.ListAsync(page, CancellationToken.None);
}
