using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The API as integrators meet it: its own process on Kestrel over a fresh database, with an editor key for Jiangxia
/// (江夏区投促局) and a viewer key. Generated clients get only its address and a key.
/// </summary>
public sealed class RunningApi(PostgresServer server) : TestDatabase(server)
{
    public ApiProcess Process { get; private set; } = null!;
    public string EditorKey { get; private set; } = "";
    public string ViewerKey { get; private set; } = "";

    public Uri Address => Process.Address;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        EditorKey = Api.CreateKey(ApiRole.Editor, "jiangxia");
        ViewerKey = Api.CreateKey(ApiRole.Viewer);
        Process = await ApiProcess.StartAsync(ConnectionString);
    }

    /// <summary>What a client is given: the base address and one key, nothing else.</summary>
    public HttpClient HttpClient(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    /// <summary>Saves the OpenAPI document this API serves (as integrators download it) into the Node tools' folder.</summary>
    public async Task<string> SaveServedDocumentAsync(string fileName, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Node.Folder, "src", "generated");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, await HttpClient(ViewerKey).GetStringAsync("/swagger/v1/swagger.json", cancellationToken), cancellationToken);
        return path;
    }

    public override IEnumerable<string> ApiLogLines() => Process is null ? base.ApiLogLines() : base.ApiLogLines().Concat(Process.Log);

    public override async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        await base.DisposeAsync();
    }
}
