namespace ProjectTracker.Api.Common.Data;

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

    /// <summary>Folder holding the numbered SQL migrations (default: the copy next to the API binaries).</summary>
    public string MigrationsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "db", "migrations");

    /// <summary>Reads by id, keys, reference data, the readiness check (<see cref="Database.ReadAsync"/>).</summary>
    public PoolSettings Reads { get; set; } = new(4, TimeSpan.FromSeconds(2));

    /// <summary>Lists, search and dashboards (<see cref="Database.QueryAsync"/>).</summary>
    public PoolSettings Queries { get; set; } = new(4, TimeSpan.FromSeconds(5));

    /// <summary>Write transactions (<see cref="Database.InTransactionAsync{T}"/>).</summary>
    public PoolSettings Writes { get; set; } = new(8, TimeSpan.FromSeconds(15));

    /// <summary>Idempotency keys' locks, held while their request runs (<see cref="Database.IdempotencyAsync"/>).</summary>
    public PoolSettings Locks { get; set; } = new(8, TimeSpan.FromSeconds(15));

    /// <summary>
    /// Imports, exports and seeds: long work whose only limit is the client's (<see cref="Database.BulkAsync"/>). An
    /// import stages 10,000 rows at a time in a temporary table, more than the 8 MB of temporary buffers a session has
    /// by default (past them the staged rows go to disk and back).
    /// </summary>
    public PoolSettings Bulk { get; set; } = new(4, TimeSpan.Zero) { TempBuffers = "64MB" };
}

/// <summary>A pool's size, and how long any one statement on it may run (zero: no limit).</summary>
public sealed class PoolSettings
{
    public PoolSettings()
    {
    }

    public PoolSettings(int connections, TimeSpan statementTimeout)
    {
        Connections = connections;
        StatementTimeout = statementTimeout;
    }

    /// <summary>Connections the pool may open.</summary>
    public int Connections { get; set; } = 4;

    /// <summary>PostgreSQL stops any statement of the pool's that runs longer (<c>statement_timeout</c>); zero: no limit.</summary>
    public TimeSpan StatementTimeout { get; set; }

    /// <summary>Memory for the session's temporary tables (<c>temp_buffers</c>); null: PostgreSQL's default.</summary>
    public string? TempBuffers { get; set; }
}
