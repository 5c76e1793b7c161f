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
public abstract class SeededTests(SeededDatabase database) : DatabaseTests<SeededDatabase>(database)
{
    /// <summary>The one seeded project with exactly this name.</summary>
    protected async Task<ProjectTracker.Api.Projects.Project> ProjectAsync(string name)
    {
        var page = await (await Client().GetAsync($"/api/projects?q={Uri.EscapeDataString(name)}&limit=500", Cancellation))
            .ReadAsync<ProjectTracker.Api.Projects.ProjectPage>();
        return Assert.Single(page.Items, project => project.NameZh == name);
    }
}
