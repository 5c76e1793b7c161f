using System.Data.Common;
using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>Reads the connection strings and fills in the settings the API relies on when they are not given.</summary>
public static class ConnectionStrings
{
    public const string Primary = "ProjectTracker";
    public const string Migrations = "ProjectTrackerMigrations";
    public const string ReadOnly = "ProjectTrackerReadOnly";

    public static string Require(IConfiguration configuration, string name = Primary) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The connection string 'ConnectionStrings:{name}' is missing. Set it in appsettings or as the environment variable ConnectionStrings__{name} " +
                "(for a local server without Docker: db/local-postgres.sh start prints one).");

    /// <summary>
    /// Defaults chosen for a small API server; anything set explicitly in the connection string wins.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        void Default(string keyword, Action apply)
        {
            if (!given.ContainsKey(keyword)) apply();
        }

        // Fail fast when the server is unreachable: a request should get its 503 in seconds, not hang.
        Default("Timeout", () => builder.Timeout = 5);
        Default("Command Timeout", () => builder.CommandTimeout = 30);
        // Dapper never prepares statements itself; auto-prepare turns the repeated SQL texts into
        // server-side prepared statements after two uses (parse/plan once, then bind/execute only).
        Default("Max Auto Prepare", () => builder.MaxAutoPrepare = 64);
        Default("Auto Prepare Min Usages", () => builder.AutoPrepareMinUsages = 2);
        // Nothing the API runs leaves session state behind (SET LOCAL, transaction-scoped advisory
        // locks, temp tables dropped on commit), so the reset Npgsql would otherwise send with the
        // next command of every connection taken from the pool (five statements) is pure overhead.
        Default("No Reset On Close", () => builder.NoResetOnClose = true);
        Default("Application Name", () => builder.ApplicationName = "ProjectTracker.Api");
        return builder.ConnectionString;
    }

    /// <summary>
    /// The connection string of one of <see cref="Database"/>'s pools: its size, and its statements' time limit set on
    /// every session it opens (<c>statement_timeout</c>, so PostgreSQL itself stops a statement past it and the
    /// connection stays usable); the client waits a little longer before it gives up on the server.
    /// </summary>
    public static string ForPool(string connectionString, PoolSettings pool)
    {
        var builder = new NpgsqlConnectionStringBuilder(WithDefaults(connectionString)) { MaxPoolSize = Math.Max(1, pool.Connections) };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        var milliseconds = (long)pool.StatementTimeout.TotalMilliseconds;
        builder.Options = $"{builder.Options} -c statement_timeout={milliseconds}".Trim();
        if (pool.TempBuffers is { } tempBuffers) builder.Options += $" -c temp_buffers={tempBuffers}";
        builder.CommandTimeout = milliseconds == 0 ? 0 : (int)Math.Ceiling(pool.StatementTimeout.TotalSeconds) + 5;
        return builder.ConnectionString;
    }
}
