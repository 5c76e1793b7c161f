using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// The primary's pool for short reads — one statement, answered in about a millisecond: a project by id, and the
/// list, search and dashboard queries when there is no replica. These are most of the API's traffic, so they get a
/// pool of their own about the size of the server's cores (<see cref="DatabaseOptions.ShortQueryConnections"/>),
/// multiplexed: concurrent requests' commands are written to and read from those few connections in batches.
/// PostgreSQL on two cores does most with about two busy backends, and the fewer the connections, the larger the
/// batches: a read by id cost PostgreSQL ~45 µs over 2 connections against ~80 µs over 8 (db/PERFORMANCE.md).
/// Transactions and long reads (writes, exports, imports) would hold one of these connections for their duration,
/// so they take theirs from the connection string's pool instead.
/// </summary>
public sealed class ShortQueryDataSource(NpgsqlDataSource dataSource) : DedicatedPool(dataSource);
