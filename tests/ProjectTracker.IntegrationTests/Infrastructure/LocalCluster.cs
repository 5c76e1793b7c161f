using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster started through the repository's own db/local-postgres.sh
/// (which installs the binaries when missing and running as root), in a fresh temporary folder
/// on a free loopback port; destroyed afterwards.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    private LocalCluster(Dictionary<string, string> environment, string connectionString)
    {
        this.environment = environment;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public string DataDirectory => environment["PT_PG_DATA"];
    public int Port => int.Parse(environment["PT_PG_PORT"]);

    public static async Task<LocalCluster> StartAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["PT_PG_DATA"] = Path.Combine(Path.GetTempPath(), $"projecttracker-test-{Guid.NewGuid():N}"),
            ["PT_PG_PORT"] = FreePort().ToString(),
            ["PT_PG_USER"] = "postgres",
            ["PT_PG_DATABASE"] = "postgres",
            ["PT_PG_PASSWORD"] = Guid.NewGuid().ToString("N"),
            // Durability is not what these tests are about; speed is.
            ["PT_PG_SETTINGS"] = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
        };
        var output = await RunAsync("start", environment);
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
        return new LocalCluster(environment, connectionString);
    }

    /// <summary>
    /// A read-only streaming replica of this cluster (<c>db/local-postgres.sh standby</c>: pg_basebackup -R) on another
    /// free loopback port, with the same roles and passwords; connection strings for it name its databases.
    /// </summary>
    public async Task<LocalCluster> StartStandbyAsync()
    {
        var standby = new Dictionary<string, string>(environment)
        {
            ["PT_PG_DATA"] = Path.Combine(Path.GetTempPath(), $"projecttracker-standby-{Guid.NewGuid():N}"),
            ["PT_PG_PORT"] = FreePort().ToString(),
            ["PT_PG_PRIMARY_PORT"] = environment["PT_PG_PORT"],
            ["PT_PG_PRIMARY_PASSWORD"] = environment["PT_PG_PASSWORD"],
        };
        var output = await RunAsync("standby", standby);
        return new LocalCluster(standby, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim());
    }

    public Task StopAsync() => RunAsync("stop", environment);

    public Task RestartAsync() => RunAsync("start", environment);

    public async ValueTask DisposeAsync() => await RunAsync("destroy", environment);

    private static async Task<string> RunAsync(string command, Dictionary<string, string> environment)
    {
        var script = Path.Combine(TestHost.RepositoryRoot, "db", "local-postgres.sh");
        var start = new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"db/local-postgres.sh {command} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
        return await stdout;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
