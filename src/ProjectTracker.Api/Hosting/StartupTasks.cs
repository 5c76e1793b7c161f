using EvolveDb;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Seeds;

namespace ProjectTracker.Api.Hosting;

public static class StartupTasks
{
    /// <summary>
    /// Brings the database up to date before the API takes requests (when configured). Returns false,
    /// after logging why, when the API must not start.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectTracker.Startup");
        if (options.MigrateOnStartup)
        {
            try
            {
                app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            }
            catch (Exception e) when (e is EvolveException or NpgsqlException or InvalidOperationException)
            {
                logger.LogCritical("Database migration failed; the API will not start. {Reason}", Describe(e));
                return false;
            }
        }
        if (options.SeedOnStartup)
        {
            try
            {
                await app.Services.GetRequiredService<SeedLoader>().LoadAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is InvalidDataException or NpgsqlException or IOException or System.Text.Json.JsonException)
            {
                logger.LogCritical("Loading the seed data failed; the API will not start. {Reason}", Describe(e));
                return false;
            }
        }
        return true;
    }

    /// <summary>Logs where the API and its Swagger UI answer, once the server listens.</summary>
    public static void LogAddressesWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectTracker.Startup");
            foreach (var address in addresses)
            {
                if (app.Configuration.GetValue("Swagger:Enabled", true))
                    logger.LogInformation("ProjectTracker API listening on {Address} (Swagger UI: {Address}/swagger)", address, address);
                else
                    logger.LogInformation("ProjectTracker API listening on {Address}", address);
            }
        });
    }

    internal static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message)) messages.Add(current.Message);
        }
        return string.Join(" → ", messages);
    }
}
