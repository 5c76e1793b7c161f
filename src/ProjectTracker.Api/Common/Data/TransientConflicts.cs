using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>
/// Runs a whole write transaction again when PostgreSQL aborted it as a deadlock victim or a serialization
/// failure. Each write takes its rows' locks in a fixed order, but a multi-statement write (an event with several
/// projects) also holds the rollup rows of its earlier statements, so two such writes can still meet in opposite
/// order; the loser's transaction was rolled back whole, so running it again is safe and what the client wanted.
/// </summary>
public static class TransientConflicts
{
    private const int Attempts = 4;

    public static async Task<T> RetryAsync<T>(Func<Task<T>> transaction, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (PostgresException e) when (attempt < Attempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Jittered back-off, so that the two contenders do not meet again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }
}
