using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Scaling;

public sealed class ConnectionPoolTests(TestDatabase database) : DatabaseTests(database)
{
    [Fact]
    public async Task ShortReadsAnswerWhileTransactionsHoldEveryConnectionOfTheMainPool()
    {
        var client = Client();
        var project = await client.CreateProjectAsync(ApiJson.Project("连接池读取项目", amount: 3m));
        // Writes, exports and imports each bind a connection of the main pool for their duration; reads by id, lists and
        // dashboards have a pool of their own, so a burst of long writes cannot make them wait for its timeout (503).
        var main = Database.Api.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < new NpgsqlConnectionStringBuilder(main.ConnectionString).MaxPoolSize; i++)
            {
                var connection = await main.OpenConnectionAsync(Cancellation);
                held.Add(connection);
                await connection.BeginTransactionAsync(Cancellation);
            }

            Assert.Equal("连接池读取项目", (await (await client.GetAsync($"/api/projects/{project.Id}", Cancellation)).ReadAsync<Project>()).NameZh);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects?q=连接池&limit=5", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dashboard/totals?groupBy=district", Cancellation)).StatusCode);
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
    }
}
