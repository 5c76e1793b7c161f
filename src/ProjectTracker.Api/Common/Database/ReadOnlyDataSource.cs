using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// Where list, search, export and dashboard queries read: a streaming replica when
/// <c>ConnectionStrings:ProjectTrackerReadOnly</c> is set, the primary otherwise. A replica may lag a moment
/// behind the primary, so writes, and the reads that follow a write (a project by id, its history and audit
/// trail, an import's status), stay on the primary.
/// </summary>
public sealed class ReadOnlyDataSource(NpgsqlDataSource dataSource, bool isReplica) : IAsyncDisposable
{
    /// <summary>Whether reads go to a replica rather than the primary.</summary>
    public bool IsReplica => isReplica;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Disposes the replica's pool; the primary's belongs to the container.</summary>
    public ValueTask DisposeAsync() => isReplica ? dataSource.DisposeAsync() : ValueTask.CompletedTask;
}
