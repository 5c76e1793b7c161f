using Dapper;
using EvolveDb;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

public sealed class MigrationTests(PostgresServer server) : IAsyncLifetime
{
    private readonly List<string> databases = [];

    public ValueTask InitializeAsync()
    {
        Assert.SkipWhen(server.UnavailableReason is not null, server.UnavailableReason ?? "");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in databases) await server.DropDatabaseAsync(database);
    }

    private async Task<string> EmptyDatabaseAsync()
    {
        var name = await server.CreateDatabaseAsync(migrated: false);
        databases.Add(name);
        return server.ConnectionFor(name);
    }

    [Fact]
    public async Task MigrationsApplyToAnEmptyDatabaseAndASecondRunAppliesNothing()
    {
        var connectionString = await EmptyDatabaseAsync();
        var migrator = TestHost.Migrator(connectionString);

        Assert.Equal(migrator.KnownScripts.Count, migrator.Migrate());
        Assert.Equal(0, migrator.Migrate());

        await using var connection = new NpgsqlConnection(connectionString);
        var journal = (await connection.QueryAsync<string>($"SELECT name FROM {DatabaseMigrator.JournalTable} WHERE name LIKE 'V%' ORDER BY id")).ToList();
        Assert.Equal(migrator.KnownScripts, journal);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM places") > 30);
    }

    [Fact]
    public async Task TwoInstancesMigratingAtTheSameMomentApplyEachScriptOnce()
    {
        var connectionString = await EmptyDatabaseAsync();
        var first = TestHost.Migrator(connectionString);
        var second = TestHost.Migrator(connectionString);
        using var start = new Barrier(2);

        var applied = await Task.WhenAll(
            Task.Run(() => { start.SignalAndWait(); return first.Migrate(); }),
            Task.Run(() => { start.SignalAndWait(); return second.Migrate(); }));

        Assert.Equal(first.KnownScripts.Count, applied.Sum());
        await using var connection = new NpgsqlConnection(connectionString);
        var duplicates = await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT name FROM {DatabaseMigrator.JournalTable} GROUP BY name HAVING count(*) > 1) d");
        Assert.Equal(0, duplicates);
    }

    [Fact]
    public async Task AFailingMigrationLeavesTheDatabaseAsItWas()
    {
        var connectionString = await EmptyDatabaseAsync();
        var migrator = TestHost.Migrator(connectionString);
        migrator.Migrate();
        var broken = BrokenMigrationFolder();

        var failure = Assert.Throws<EvolveException>(() => migrator.Migrate([broken]));

        Assert.Contains("V9999__broken.sql", failure.Message);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT to_regclass('half_made')::text"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {DatabaseMigrator.JournalTable} WHERE name = 'V9999__broken.sql' AND success"));
    }

    [Fact]
    public async Task AFailingMigrationStopsStartUpWithAClearLogLine()
    {
        var connectionString = await EmptyDatabaseAsync();
        var migrations = Directory.CreateTempSubdirectory("pt-migrations-").FullName;
        foreach (var script in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "db", "migrations")))
        {
            File.Copy(script, Path.Combine(migrations, Path.GetFileName(script)));
        }
        File.Copy(Path.Combine(BrokenMigrationFolder(), "V9999__broken.sql"), Path.Combine(migrations, "V9999__broken.sql"));
        await using var api = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Database:MigrationsPath"] = migrations,
        });

        Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains(api.LogLines, line => line.StartsWith("Critical", StringComparison.Ordinal)
                                              && line.Contains("Database migration failed; the API will not start")
                                              && line.Contains("V9999__broken.sql"));
    }

    private static string BrokenMigrationFolder()
    {
        var folder = Directory.CreateTempSubdirectory("pt-broken-").FullName;
        File.WriteAllText(Path.Combine(folder, "V9999__broken.sql"), "CREATE TABLE half_made (id int);\nSELECT 1 / 0;\n");
        return folder;
    }
}
