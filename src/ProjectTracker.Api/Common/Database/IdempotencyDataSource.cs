using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// The connections that hold an idempotency key's lock while its request runs. They come from a pool of their
/// own: were they taken from the main pool, enough concurrent retried POSTs would hold every connection while
/// each waited for one more to do its write. Not multiplexed: the lock lives in a transaction kept open across
/// the request.
/// </summary>
public sealed class IdempotencyDataSource(NpgsqlDataSource dataSource) : DedicatedPool(dataSource);
