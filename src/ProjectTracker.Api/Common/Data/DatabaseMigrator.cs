using EvolveDb;
using EvolveDb.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>
/// Applies the numbered SQL scripts of <c>db/migrations</c> with Evolve: each script in its own
/// transaction (a failing script leaves nothing behind), recorded in <see cref="JournalTable"/>,
/// under a PostgreSQL advisory lock so that concurrent starts apply each script exactly once.
/// </summary>
public sealed class DatabaseMigrator(IConfiguration configuration, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public const string JournalTable = "schema_changelog";

    /// <summary>File names of the migration scripts this build knows, in the order they apply.</summary>
    public IReadOnlyList<string> KnownScripts { get; } = Directory.Exists(options.Value.MigrationsPath)
        ? Directory.GetFiles(options.Value.MigrationsPath, "V*__*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Applies pending migrations; returns how many were applied.</summary>
    /// <param name="extraLocations">Further script folders (used by tests).</param>
    public int Migrate(IEnumerable<string>? extraLocations = null)
    {
        if (KnownScripts.Count == 0)
        {
            throw new InvalidOperationException($"No migration scripts found in '{options.Value.MigrationsPath}'.");
        }

        // Migrations may run under a role of their own (owner of the schema); the API's role only reads and writes rows.
        var connectionString = configuration.GetConnectionString(ConnectionStrings.Migrations) is { Length: > 0 } migrationsRole
            ? migrationsRole
            : ConnectionStrings.Require(configuration);

        // Not pooled: Evolve sets the search path and holds a session lock on this connection, state no
        // other user of a pooled connection should inherit.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults(connectionString)) { Pooling = false, Multiplexing = false }.ConnectionString);
        var evolve = new Evolve(connection, message => logger.LogDebug("Evolve: {Message}", message))
        {
            Locations = [options.Value.MigrationsPath, .. extraLocations ?? []],
            MetadataTableName = JournalTable,
            EnableClusterMode = true,
            TransactionMode = TransactionKind.CommitEach,
            IsEraseDisabled = true,
            CommandTimeout = 0,
        };
        evolve.Migrate();

        if (evolve.NbMigration > 0)
        {
            logger.LogInformation("Applied {Count} database migration(s): {Scripts}", evolve.NbMigration, string.Join(", ", evolve.AppliedMigrations));
        }
        else
        {
            logger.LogInformation("Database schema is up to date ({Count} migrations)", KnownScripts.Count);
        }
        return evolve.NbMigration;
    }
}
