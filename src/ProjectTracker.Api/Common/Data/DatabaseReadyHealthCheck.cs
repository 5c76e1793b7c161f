using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>
/// Ready means: a read answers within <see cref="Budget"/> through the same pool reads by id use (so a starved or
/// wedged pool is not ready, even while a fresh connection could open), and every migration this build knows has
/// been applied.
/// </summary>
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
                ? HealthCheckResult.Healthy($"all {migrator.KnownScripts.Count} migration scripts applied")
                : HealthCheckResult.Unhealthy($"{pending.Length} of {migrator.KnownScripts.Count} migration scripts not applied: {string.Join(", ", pending)}");
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
            return HealthCheckResult.Unhealthy($"No read answered within {Budget.TotalSeconds:F0} s");
        }
    }
}
