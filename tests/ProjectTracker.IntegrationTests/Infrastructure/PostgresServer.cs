using Npgsql;
using ProjectTracker.Api.Common.Data;
using Testcontainers.PostgreSql;

[assembly: AssemblyFixture(typeof(ProjectTracker.IntegrationTests.Infrastructure.PostgresServer))]

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run, found in this order: a connection string in
/// PROJECTTRACKER_TEST_DB; a Testcontainers container when a Docker engine answers; a throwaway
/// cluster from the local PostgreSQL binaries (db/local-postgres.sh). If none is possible the
/// database tests skip, except under CI, where they fail. It holds a migrated template database
/// that each test class clones (<see cref="CreateDatabaseAsync"/>), which takes milliseconds.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string templateName = $"pt_template_{Guid.NewGuid():N}"[..24];
    private IAsyncDisposable? owned;
    private string? adminConnectionString;

    /// <summary>Why database tests cannot run here; null when they can.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The throwaway cluster from the local binaries, when that is where the server came from.</summary>
    public LocalCluster? Cluster => owned as LocalCluster;

    /// <summary>Where the server came from, for test output.</summary>
    public string Source { get; private set; } = "";

    public string AdminConnectionString => adminConnectionString ?? throw new InvalidOperationException(UnavailableReason);

    public async ValueTask InitializeAsync()
    {
        var attempts = new List<string>();
        adminConnectionString = FromEnvironment(attempts) ?? await FromTestcontainersAsync(attempts) ?? await FromLocalBinariesAsync(attempts);
        if (adminConnectionString is null)
        {
            UnavailableReason = "No PostgreSQL server for the database tests: " + string.Join("; ", attempts);
            if (IsCi) throw new InvalidOperationException(UnavailableReason + ". CI must run the database tests.");
            return;
        }

        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE {templateName}");
        var migrator = TestHost.Migrator(ConnectionFor(templateName, pooling: false));
        migrator.Migrate();
    }

    public async ValueTask DisposeAsync()
    {
        if (adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS {templateName} WITH (FORCE)");
        }
        if (owned is not null) await owned.DisposeAsync();
    }

    /// <summary>A new database, migrated (cloned from the template) or empty.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"pt_{Guid.NewGuid():N}"[..20];
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE {name} TEMPLATE {(migrated ? templateName : "template0")}");
        return name;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    public string ConnectionFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string? FromEnvironment(List<string> attempts)
    {
        var value = Environment.GetEnvironmentVariable("PROJECTTRACKER_TEST_DB");
        if (string.IsNullOrWhiteSpace(value))
        {
            attempts.Add("PROJECTTRACKER_TEST_DB is not set");
            return null;
        }
        Source = "PROJECTTRACKER_TEST_DB";
        return value;
    }

    private async Task<string?> FromTestcontainersAsync(List<string> attempts)
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            owned = container;
            Source = "Testcontainers (postgres:15-alpine)";
            return container.GetConnectionString();
        }
        catch (Exception e)
        {
            attempts.Add($"no Docker engine for Testcontainers ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
            return null;
        }
    }

    private async Task<string?> FromLocalBinariesAsync(List<string> attempts)
    {
        try
        {
            var cluster = await LocalCluster.StartAsync();
            owned = cluster;
            Source = $"local PostgreSQL binaries ({cluster.DataDirectory})";
            return cluster.ConnectionString;
        }
        catch (Exception e)
        {
            attempts.Add($"no local PostgreSQL cluster ({e.Message})");
            return null;
        }
    }
}
