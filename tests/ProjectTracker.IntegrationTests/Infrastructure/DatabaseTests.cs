namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// Base of test classes that share one database (and API) per class, prepared by <typeparamref name="TDatabase"/>;
/// they skip when no server is available.
/// </summary>
public abstract class DatabaseTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime where TDatabase : TestDatabase
{
    protected TDatabase Database { get; } = database;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected HttpClient Client() => Database.Api.CreateClient();

    public virtual ValueTask InitializeAsync()
    {
        Assert.SkipWhen(Database.Server.UnavailableReason is not null, Database.Server.UnavailableReason ?? "");
        return ValueTask.CompletedTask;
    }

    /// <summary>When a test failed, what the API logged (the newest lines) goes to the test's output, to tell why.</summary>
    public virtual ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed && Database.Server.UnavailableReason is null)
        {
            var lines = Database.ApiLogLines().TakeLast(80).ToList();
            if (lines.Count > 0) TestContext.Current.TestOutputHelper?.WriteLine("API log (newest last):\n" + string.Join('\n', lines));
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Base of test classes that start from an empty migrated database of their own.</summary>
public abstract class DatabaseTests(TestDatabase database) : DatabaseTests<TestDatabase>(database);
