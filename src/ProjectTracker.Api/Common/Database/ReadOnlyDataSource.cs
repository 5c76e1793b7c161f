using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// Where list, search, export and dashboard queries read: a streaming replica when
/// <c>ConnectionStrings:ProjectTrackerReadOnly</c> is set, the primary otherwise (its short-query pool, and for
/// reads that hold their connection, its main pool). A replica may lag a moment behind the primary, so writes, and
/// the reads that follow a write (a project by id, its history and audit trail, an import's status), stay on the
/// primary.
/// </summary>
public sealed class ReadOnlyDataSource(NpgsqlDataSource queries, NpgsqlDataSource held, bool isReplica) : IAsyncDisposable
{
    /// <summary>Whether reads go to a replica rather than the primary.</summary>
    public bool IsReplica => isReplica;

    /// <summary>A connection for a short query.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => queries.OpenConnectionAsync(cancellationToken);

    /// <summary>A connection for a read that holds it: an export streaming many rows, or a read in a transaction.</summary>
    public ValueTask<NpgsqlConnection> OpenHeldConnectionAsync(CancellationToken cancellationToken) => held.OpenConnectionAsync(cancellationToken);

    /// <summary>Disposes the replica's pool; the primary's belong to the container.</summary>
    public ValueTask DisposeAsync() => isReplica ? queries.DisposeAsync() : ValueTask.CompletedTask;
}
