using System.CommandLine;
using ProjectTracker.Api.Common.Database;
using ProjectTracker.Api.Seeds;

namespace ProjectTracker.Api.Common.Hosting;

/// <summary>
/// Maintenance commands run by the API binary instead of serving HTTP:
/// <c>dotnet run --project src/ProjectTracker.Api -- migrate</c>.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Names = ["migrate", "seed"];

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

        var root = new RootCommand("ProjectTracker maintenance commands") { migrate, seed };
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
