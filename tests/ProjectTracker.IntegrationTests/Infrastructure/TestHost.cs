using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.IntegrationTests.Infrastructure;

public static class TestHost
{
    /// <summary>The checkout's top folder (the one holding ProjectTracker.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static DatabaseMigrator Migrator(string connectionString, string? migrationsConnectionString = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:ProjectTracker"] = connectionString };
        if (migrationsConnectionString is not null) settings["ConnectionStrings:ProjectTrackerMigrations"] = migrationsConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new DatabaseMigrator(configuration, Options.Create(new DatabaseOptions()), NullLogger<DatabaseMigrator>.Instance);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProjectTracker.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"ProjectTracker.sln not found above {AppContext.BaseDirectory}");
    }
}
