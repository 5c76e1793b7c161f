using Npgsql;

namespace ProjectTracker.Api.Common.Data;

/// <summary>
/// The one place that decides which connection a piece of work gets. Each kind of work has a pool of its own, so
/// that one kind cannot take the connections another needs (a burst of slow list queries cannot starve reads by id,
/// writes or the readiness check), and a time limit of its own, set on the pool's sessions (<c>statement_timeout</c>),
/// so that no query runs unbounded: a query past its limit is stopped by PostgreSQL and answered as a 503 with
/// Retry-After. Pool sizes and limits: <see cref="DatabaseOptions"/>; why they are what they are: db/PERFORMANCE.md.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly DatabasePools pools;

    private Database(DatabasePools pools) => this.pools = pools;

    /// <summary>
    /// The pools over the primary (and the replica, when given), built with the API's connection defaults; <paramref name="configure"/>
    /// adds what every data source needs besides (the features' enum types).
    /// </summary>
    public static Database Create(string primary, DatabaseOptions options, Action<NpgsqlDataSourceBuilder> configure,
        ILoggerFactory? loggerFactory = null, string? replica = null)
    {
        NpgsqlDataSource Pool(string connectionString, PoolSettings pool)
        {
            var builder = new NpgsqlDataSourceBuilder(ConnectionStrings.ForPool(connectionString, pool));
            configure(builder);
            if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
            return builder.Build();
        }
        var bulk = Pool(primary, options.Bulk);
        return new Database(new DatabasePools
        {
            Reads = Pool(primary, options.Reads),
            Queries = Pool(replica ?? primary, options.Queries),
            Writes = Pool(primary, options.Writes),
            Locks = Pool(primary, options.Locks),
            Bulk = bulk,
            Streams = replica is null ? bulk : Pool(replica, options.Bulk),
            HasReplica = replica is not null,
        });
    }

    /// <summary>Whether lists, dashboards and exports read from a streaming replica.</summary>
    public bool HasReplica => pools.HasReplica;

    /// <summary>
    /// A short read on the primary: a project by id, what a write just changed (a replica may lag), API keys,
    /// reference data, the readiness check.
    /// </summary>
    public ValueTask<NpgsqlConnection> ReadAsync(CancellationToken cancellationToken) => pools.Reads.OpenConnectionAsync(cancellationToken);

    /// <summary>A list, search or dashboard query: on the replica when there is one.</summary>
    public ValueTask<NpgsqlConnection> QueryAsync(CancellationToken cancellationToken) => pools.Queries.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A read that streams many rows for as long as the client takes them (exports): on the replica when there is one,
    /// with no time limit but the client's.
    /// </summary>
    public ValueTask<NpgsqlConnection> StreamAsync(CancellationToken cancellationToken) => pools.Streams.OpenConnectionAsync(cancellationToken);

    /// <summary>A connection for long work on the primary with no time limit: an import's transaction, loading the seeds.</summary>
    public ValueTask<NpgsqlConnection> BulkAsync(CancellationToken cancellationToken) => pools.Bulk.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection that holds an idempotency key's lock in a transaction while its request runs. From a pool of its
    /// own: taken from the writes' pool, enough concurrent retried POSTs would hold every connection while each waited
    /// for one more to do its write.
    /// </summary>
    public ValueTask<NpgsqlConnection> IdempotencyAsync(CancellationToken cancellationToken) => pools.Locks.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the primary, committed when <paramref name="commits"/> says the
    /// outcome should be and rolled back otherwise; run again whole should PostgreSQL abort it as a deadlock victim or
    /// a serialization failure (<see cref="TransientConflicts"/>).
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, Func<T, bool> commits, CancellationToken cancellationToken) =>
        TransientConflicts.RetryAsync(async () =>
        {
            await using var connection = await pools.Writes.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var outcome = await work(connection, transaction);
            if (commits(outcome)) await transaction.CommitAsync(cancellationToken);
            return outcome;
        }, cancellationToken);

    /// <summary>A connection for a single write statement outside a transaction (progress marks, cleanups).</summary>
    public ValueTask<NpgsqlConnection> WriteAsync(CancellationToken cancellationToken) => pools.Writes.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => pools.DisposeAsync();
}
