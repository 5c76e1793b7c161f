namespace ProjectTracker.Api.Common.Database;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the API starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the seed data from <c>seeds/</c> when the API starts (default false; true in Development).</summary>
    public bool SeedOnStartup { get; set; }

    /// <summary>Folder holding the seed files (default: the copy next to the API binaries).</summary>
    public string SeedsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>
    /// Connections of the pool that short reads share, multiplexed (default 2: about the database server's cores; see
    /// <see cref="ShortQueryDataSource"/>). Transactions and long reads have the connection string's pool.
    /// </summary>
    public int ShortQueryConnections { get; set; } = 2;

    /// <summary>Folder holding the numbered SQL migrations (default: the copy next to the API binaries).</summary>
    public string MigrationsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "db", "migrations");
}
