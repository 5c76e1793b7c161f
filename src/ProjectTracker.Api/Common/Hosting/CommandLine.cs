using System.CommandLine;
using ProjectTracker.Api.Common.Database;
using ProjectTracker.Api.Generation;
using ProjectTracker.Api.Seeds;

namespace ProjectTracker.Api.Common.Hosting;

/// <summary>
/// Maintenance commands run by the API binary instead of serving HTTP:
/// <c>dotnet run --project src/ProjectTracker.Api -- migrate</c>.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Names = ["migrate", "seed", "generate"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction(_ =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            return 0;
        });

        var seed = new Command("seed", "Load the seed data from seeds/ (idempotent: a second run changes nothing) and exit.");
        seed.SetAction(async (_, cancellationToken) =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            var result = await app.Services.GetRequiredService<SeedLoader>().LoadAsync(cancellationToken);
            Console.WriteLine($"{result.ProjectsInSeeds} projects ({result.ProjectsInserted} new), {result.Sources} source references, " +
                              $"{result.Batches} reported batches, {result.Targets} targets, {result.Documents} documents");
            return 0;
        });

        var projects = new Option<int>("--projects") { Description = "How many projects to add.", DefaultValueFactory = _ => 100_000 };
        var randomSeed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same projects.", DefaultValueFactory = _ => 42 };
        var generate = new Command("generate", "Add realistic synthetic projects (for load tests), with binary COPY.") { projects, randomSeed };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            var result = await app.Services.GetRequiredService<DataGenerator>()
                .GenerateAsync(parse.GetValue(projects), parse.GetValue(randomSeed), cancellationToken);
            Console.WriteLine($"{result.Projects} projects and {result.HistoryRows} history rows in {result.Elapsed.TotalSeconds:F1} s");
            return 0;
        });

        var root = new RootCommand("ProjectTracker maintenance commands") { migrate, seed, generate };
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {StartupTasks.Describe(e)}");
            return 1;
        }
    }
}
