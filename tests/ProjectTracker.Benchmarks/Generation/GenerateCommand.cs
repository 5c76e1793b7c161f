using Microsoft.Extensions.Logging;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Hosting;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Benchmarks.Generation;

/// <summary>
/// <c>generate --projects N --seed S</c>: synthetic projects for load tests, into the database named by
/// <c>ConnectionStrings__ProjectTracker</c> (migrated and seeded first: the API's <c>seed</c> command). It lives here, not in
/// the API, because it drops every secondary index and foreign key of <c>projects</c> while it loads: a load-test tool,
/// one mistyped command away from a production database if the API carried it.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();
        var projects = int.Parse(Option("--projects") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(Option("--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__ProjectTracker")
            ?? throw new InvalidOperationException("Set ConnectionStrings__ProjectTracker to the database to fill (migrated and seeded).");

        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole().AddFilter(level => level >= LogLevel.Information));
        await using var database = DatabaseServices.Create(connectionString, new DatabaseOptions(), logging);
        using var catalog = new ReferenceCatalog(database, TimeProvider.System);
        var generator = new DataGenerator(database, catalog, TimeProvider.System, logging.CreateLogger<DataGenerator>());
        var result = await generator.GenerateAsync(projects, seed, CancellationToken.None);
        Console.WriteLine($"{result.Projects} projects and {result.HistoryRows} history rows in {result.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
