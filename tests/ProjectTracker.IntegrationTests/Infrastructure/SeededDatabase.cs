using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Seeds;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>A database of its own with the seed data from seeds/ loaded through the API's loader.</summary>
public class SeededDatabase(PostgresServer server) : TestDatabase(server)
{
    public SeedResult? FirstLoad { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        FirstLoad = await Api.Services.GetRequiredService<SeedLoader>().LoadAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>Base of test classes that read the seeded database.</summary>
public abstract class SeededTests(SeededDatabase database) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    protected SeededDatabase Database { get; } = database;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected HttpClient Client() => Database.Api.CreateClient();

    public ValueTask InitializeAsync()
    {
        Assert.SkipWhen(Database.Server.UnavailableReason is not null, Database.Server.UnavailableReason ?? "");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
