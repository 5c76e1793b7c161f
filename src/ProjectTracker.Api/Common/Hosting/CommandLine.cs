using System.CommandLine;
using ProjectTracker.Api.Common.Database;

namespace ProjectTracker.Api.Common.Hosting;

/// <summary>
/// Maintenance commands run by the API binary instead of serving HTTP:
/// <c>dotnet run --project src/ProjectTracker.Api -- migrate</c>.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Names = ["migrate"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction(_ =>
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            return 0;
        });

        var root = new RootCommand("ProjectTracker maintenance commands") { migrate };
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {StartupTasks.Describe(e)}");
            return 1;
        }
    }
}
