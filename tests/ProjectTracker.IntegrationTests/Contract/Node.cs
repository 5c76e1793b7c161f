using System.Diagnostics;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The Node.js tools of the contract tests (Spectral, openapi-typescript, tsc), run in tests/typescript-client with the
/// versions its package-lock.json pins; installed there with npm ci on first use.
/// </summary>
internal static class Node
{
    public static string Folder { get; } = Path.Combine(TestHost.RepositoryRoot, "tests", "typescript-client");

    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await Install.WaitAsync(cancellationToken);
        try
        {
            var lockFile = Path.Combine(Folder, "package-lock.json");
            var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
            if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile)) return;
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>Runs a command in the folder; its output, and a failure's exit code, come back for the test to show.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool check = true)
    {
        var start = new ProcessStartInfo(command, arguments) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start; is Node.js installed (.ci/run installs it)?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = (await output) + (await errors);
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return (process.ExitCode, text);
    }
}
