using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Targets;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Audit;

public sealed class AuditTrailTests(TestDatabase database) : DatabaseTests(database)
{
    private async Task<long> AuditCountAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log");
    }

    private async Task<AuditEntry> LastEntryAsync() =>
        (await (await Client().GetAsync("/api/audit?limit=1000", Cancellation)).ReadAsync<AuditPage>()).Items[^1];

    /// <summary>Runs one write and checks it left exactly one audit row, of this action, by this key.</summary>
    private async Task<AuditEntry> ExactlyOneEntryAsync(string action, Func<Task<HttpResponseMessage>> write)
    {
        var before = await AuditCountAsync();
        var response = await write();
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(before + 1, await AuditCountAsync());
        var entry = await LastEntryAsync();
        Assert.Equal(action, entry.Action);
        Assert.StartsWith("tests", entry.Actor);
        Assert.NotNull(entry.ActorKeyId);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
        return entry;
    }

    [Fact]
    public async Task EveryWritePathLeavesExactlyOneAuditRecord()
    {
        var client = Client();
        Project? project = null;
        var created = await ExactlyOneEntryAsync(AuditActions.ProjectCreated, async () =>
        {
            var response = await client.PostAsync("/api/projects", ApiJson.Project("审计项目", amount: 1m));
            project = await response.ReadAsync<Project>(HttpStatusCode.Created);
            return response;
        });
        Assert.Null(created.Before);
        Assert.Equal("审计项目", created.After!.Value.GetProperty("nameZh").GetString());

        var updated = await ExactlyOneEntryAsync(AuditActions.ProjectUpdated,
            () => client.PutAsync($"/api/projects/{project!.Id}", ApiJson.Project("审计项目", amount: 2m), "\"1\""));
        Assert.Equal((1m, 2m), (updated.Before!.Value.GetProperty("amount").GetDecimal(), updated.After!.Value.GetProperty("amount").GetDecimal()));

        await ExactlyOneEntryAsync(AuditActions.ProjectStatusChanged,
            () => client.PostAsync($"/api/projects/{project!.Id}/status", new StatusChangeRequest { Status = ProjectStatus.Started, Date = ApiJson.Date("2024-05-06") }));
        var deleted = await ExactlyOneEntryAsync(AuditActions.ProjectDeleted, () => client.DeleteAsync($"/api/projects/{project!.Id}", Cancellation));
        Assert.Null(deleted.After);

        var target = new TargetRequest { District = "jiangxia", Year = 2024, Measure = TargetMeasure.StartedCount, Value = 3, Title = "开工3个" };
        await ExactlyOneEntryAsync(AuditActions.TargetCreated, () => client.PostAsync("/api/targets", target));
        var targetId = (await LastEntryAsync()).EntityId;
        await ExactlyOneEntryAsync(AuditActions.TargetUpdated, () => client.PutAsync($"/api/targets/{targetId}", target with { Value = 4 }, "\"1\""));

        await ExactlyOneEntryAsync(AuditActions.KeyCreated, () => client.PostAsync("/api/keys", new ApiKeyRequest { Name = "审计密钥", Role = ApiRole.Viewer }));
        var keyId = (await LastEntryAsync()).EntityId;
        await ExactlyOneEntryAsync(AuditActions.KeyRevoked, () => client.DeleteAsync($"/api/keys/{keyId}", Cancellation));
    }

    [Fact]
    public async Task AProjectsTrailShowsWhoChangedWhatFromWhatToWhat()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("轨迹项目", amount: 5m));
        await Client().PutAsync($"/api/projects/{project.Id}", ApiJson.Project("轨迹项目", amount: 6m), "\"1\"");

        var trail = await (await Client().GetAsync($"/api/projects/{project.Id}/audit", Cancellation)).ReadAsync<AuditEntry[]>();

        Assert.Equal([AuditActions.ProjectCreated, AuditActions.ProjectUpdated], trail.Select(entry => entry.Action));
        Assert.Equal(5m, trail[1].Before!.Value.GetProperty("amount").GetDecimal());
        Assert.Equal(6m, trail[1].After!.Value.GetProperty("amount").GetDecimal());
        using var missing = await Problems.ReadAsync(await Client().GetAsync("/api/projects/999999999/audit", Cancellation), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARefusedWriteLeavesNoAuditRecord()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("拒绝审计项目"));
        var before = await AuditCountAsync();

        var stale = await Client().PutAsync($"/api/projects/{project.Id}", ApiJson.Project("拒绝审计项目", amount: 1m), "\"9\"");
        var invalid = await Client().PostAsync("/api/projects", ApiJson.Project(""));

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest), (stale.StatusCode, invalid.StatusCode));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task TheTrailCannotBeUpdatedOrDeleted()
    {
        await Client().CreateProjectAsync(ApiJson.Project("不可篡改项目"));
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        foreach (var sql in new[] { "UPDATE audit_log SET actor_name = 'someone else'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));
            Assert.Contains("append-only", error.MessageText);
        }
    }

    [Fact]
    public async Task TheTrailFiltersByActorAndTime()
    {
        var key = Database.Api.CreateKey(ApiRole.Editor);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Database.Api.CreateClient(key).CreateProjectAsync(ApiJson.Project("筛选审计项目"));
        var keys = await Client().GetFromJsonAsync<ApiKey[]>("/api/keys", ApiJson.Options, Cancellation);
        var editor = keys!.Single(k => k.Role == ApiRole.Editor);

        var byName = await (await Client().GetAsync($"/api/audit?actor={Uri.EscapeDataString(editor.Name)}&from={Uri.EscapeDataString(start.ToString("O"))}", Cancellation)).ReadAsync<AuditPage>();
        var byId = await (await Client().GetAsync($"/api/audit?actor={editor.Id}", Cancellation)).ReadAsync<AuditPage>();
        var future = await (await Client().GetAsync($"/api/audit?actor={editor.Id}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}", Cancellation)).ReadAsync<AuditPage>();

        Assert.Equal(AuditActions.ProjectCreated, Assert.Single(byName.Items).Action);
        Assert.Single(byId.Items);
        Assert.Empty(future.Items);
    }
}
