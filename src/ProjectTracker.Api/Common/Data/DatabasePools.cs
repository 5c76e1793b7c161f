using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>The data sources behind <see cref="Database"/>: one pool per kind of work, on the primary or the replica.</summary>
internal sealed class DatabasePools : IAsyncDisposable
{
    public required NpgsqlDataSource Reads { get; init; }
    public required NpgsqlDataSource Queries { get; init; }
    public required NpgsqlDataSource Writes { get; init; }
    public required NpgsqlDataSource Locks { get; init; }
    public required NpgsqlDataSource Bulk { get; init; }
    public required NpgsqlDataSource Streams { get; init; }
    public bool HasReplica { get; init; }

    public async ValueTask DisposeAsync()
    {
        foreach (var pool in new[] { Reads, Queries, Writes, Locks, Bulk, Streams }.Distinct()) await pool.DisposeAsync();
    }
}
