using System.Net;
using System.Text.Json;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

public sealed class HealthTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task LiveAnswersWhileTheProcessRuns()
    {
        var response = await Database.Api.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusOf(response));
    }

    [Fact]
    public async Task ReadyWhenTheDatabaseAnswersAndIsMigrated()
    {
        var response = await Database.Api.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusOf(response));
    }

    [Fact]
    public async Task NotReadyWhenTheDatabaseHasNotBeenMigrated()
    {
        var empty = await Database.Server.CreateDatabaseAsync(migrated: false);
        try
        {
            await using var api = new ApiFactory(Database.Server.ConnectionFor(empty), authenticate: false);
            var response = await api.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("not been migrated", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await Database.Server.DropDatabaseAsync(empty);
        }
    }

    internal static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}
