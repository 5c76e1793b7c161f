using Dapper;
using ProjectTracker.Api.Common.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>Ready means: the database answers and every migration this build knows has been applied.</summary>
public sealed class DatabaseReadyHealthCheck(Database database, DatabaseMigrator migrator) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            await using var connection = await database.ReadAsync(timeout.Token);
            const string Sql = $"SELECT name FROM {DatabaseMigrator.JournalTable} WHERE success";
            var applied = (await connection.QueryAsync<string>(new CommandDefinition(Sql, cancellationToken: timeout.Token))).ToHashSet();
            var pending = migrator.KnownScripts.Where(script => !applied.Contains(script)).ToArray();
            return pending.Length == 0
                ? HealthCheckResult.Healthy($"{applied.Count} migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Length} migration(s) not applied: {string.Join(", ", pending)}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Unhealthy("The database has not been migrated");
        }
        catch (PostgresException e)
        {
            return HealthCheckResult.Unhealthy($"The database answered with an error: {e.MessageText}");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached");
        }
    }
}
