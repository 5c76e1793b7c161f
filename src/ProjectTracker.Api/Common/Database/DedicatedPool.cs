using Npgsql;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// A pool of the primary's kept apart for one use; each subclass is a type of its own so that a service asks for the
/// pool it needs by name, and says why that pool exists.
/// </summary>
public abstract class DedicatedPool(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    internal NpgsqlDataSource DataSource => dataSource;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return dataSource.DisposeAsync();
    }
}
