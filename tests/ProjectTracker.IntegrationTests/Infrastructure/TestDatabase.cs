using Npgsql;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// A migrated database of its own for one test class, cloned from the template, with the API
/// hosted over it. Tests in other classes never see its rows.
/// </summary>
public class TestDatabase(PostgresServer server) : IAsyncLifetime
{
    private ApiFactory? api;
    private readonly List<ApiFactory> others = [];

    public PostgresServer Server { get; } = server;
    public string Name { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The API over this database (built on first use).</summary>
    public ApiFactory Api => api ??= new ApiFactory(ConnectionString);

    /// <summary>What the APIs over this database have logged so far.</summary>
    public virtual IEnumerable<string> ApiLogLines() => new[] { api }.Concat(others).OfType<ApiFactory>().SelectMany(factory => factory.LogLines);

    /// <summary>Another API over this database, with these settings; disposed with the database. Its clients send an admin key unless <paramref name="authenticate"/> is false.</summary>
    public ApiFactory ApiWith(IReadOnlyDictionary<string, string?> settings, bool authenticate = true)
    {
        var other = new ApiFactory(ConnectionString, settings, authenticate);
        others.Add(other);
        return other;
    }

    public virtual async ValueTask InitializeAsync()
    {
        // Without a server the tests themselves skip (see DatabaseTests); a fixture cannot.
        if (Server.UnavailableReason is not null) return;
        Name = await Server.CreateDatabaseAsync();
        ConnectionString = Server.ConnectionFor(Name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (api is not null) await api.DisposeAsync();
        foreach (var other in others) await other.DisposeAsync();
        if (DataSource is not null) await DataSource.DisposeAsync();
        if (Name.Length > 0) await Server.DropDatabaseAsync(Name);
        GC.SuppressFinalize(this);
    }
}
