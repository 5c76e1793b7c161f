using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;

namespace ProjectTracker.Api.Common.Idempotency;

/// <summary>Deletes expired idempotency answers every few minutes (they are ignored once expired anyway).</summary>
public sealed class IdempotencyCleanup(Database database, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await database.WriteAsync(stoppingToken);
                var deleted = await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM idempotency_keys WHERE expires_at < now()", cancellationToken: stoppingToken));
                if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency answers", deleted);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning("Could not delete expired idempotency answers: {Reason}", e.Message);
            }
        }
    }
}
