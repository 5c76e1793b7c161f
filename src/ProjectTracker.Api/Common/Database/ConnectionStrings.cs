using System.Data.Common;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

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
        // PostgreSQL does best with about as many busy backends as it has cores: on two cores, pgbench's
        // best for a read by id is at 2 clients (~30,000 TPS), and 32 clients get a quarter of that. So
        // the pools are small, and multiplexing lets the concurrent requests' commands share their few
        // connections, written and read back in batches (fewer round trips and system calls). Short
        // reads have a pool of their own, smaller still (ShortQueryDataSource); this one is for
        // transactions and long reads, each of which binds a connection for its duration: 8 leaves room
        // for several at once.
        Default("Maximum Pool Size", () => builder.MaxPoolSize = 8);
        Default("Multiplexing", () => builder.Multiplexing = builder.Pooling); // (multiplexing needs the pool)
        // Nothing the API runs leaves session state behind (SET LOCAL, transaction-scoped advisory
        // locks, temp tables dropped on commit), so the reset Npgsql would otherwise send with the
        // next command of every connection taken from the pool (five statements) is pure overhead.
        Default("No Reset On Close", () => builder.NoResetOnClose = true);
        Default("Application Name", () => builder.ApplicationName = "ProjectTracker.Api");
        return builder.ConnectionString;
    }
}
