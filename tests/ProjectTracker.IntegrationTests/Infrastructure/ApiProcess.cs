using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The API as its own process on Kestrel (not the in-memory test server), on a free loopback port: for what only a real
/// server shows — request size limits, signals, shutdown.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private ApiProcess(Process process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }
    public Uri Address { get; }

    /// <summary>What the process wrote (its log), for a failing test to show.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <param name="connectionString">The database.</param>
    /// <param name="settings">Further settings, as environment variables (<c>Database__Reads__Connections</c>).</param>
    public static async Task<ApiProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Api.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__ProjectTracker"] = connectionString;
        start.Environment["Database__MigrateOnStartup"] = "false";
        start.Environment["Auth__KeyPepper"] = ApiFactory.Pepper;
        start.Environment["RateLimiting__Writes__TokenLimit"] = "1000000";
        start.Environment["RateLimiting__Writes__TokensPerPeriod"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) api.Log.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) api.Log.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = api.Address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        if (process.HasExited) await process.WaitForExitAsync();   // its last words, when it stopped by itself
        await api.DisposeAsync();
        throw new InvalidOperationException("the API process did not start:\n" + string.Join('\n', api.Log.TakeLast(20)));
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Add(ProjectTracker.Api.Auth.ApiKeyAuthenticationHandler.HeaderName, apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
