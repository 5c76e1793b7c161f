namespace ProjectTracker.Api.Common.Database;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the API starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Folder holding the numbered SQL migrations (default: the copy next to the API binaries).</summary>
    public string MigrationsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "db", "migrations");
}
