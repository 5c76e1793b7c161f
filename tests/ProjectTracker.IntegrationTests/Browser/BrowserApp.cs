using Microsoft.Playwright;
using ProjectTracker.Api.Auth;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Browser;

/// <summary>
/// The web app as people meet it: the API in its own process on Kestrel over a seeded database of its own, serving the
/// app at /, and the system Chromium (Debian's chromium package) driven by Playwright. Keys: an admin, an editor for
/// Jiangxia (江夏区投促局) and a viewer.
/// </summary>
public sealed class BrowserApp(PostgresServer server) : SeededDatabase(server)
{
    /// <summary>Where Chromium is looked for: PT_CHROMIUM, then Debian's and other distributions' paths.</summary>
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public ApiProcess Process { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string AdminKey { get; private set; } = "";
    public string EditorKey { get; private set; } = "";
    public string ViewerKey { get; private set; } = "";

    /// <summary>Why no browser runs here; null when one does.</summary>
    public string? BrowserUnavailable { get; private set; }

    public Uri Address => Process.Address;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        AdminKey = Api.CreateKey(ApiRole.Admin);
        EditorKey = Api.CreateKey(ApiRole.Editor, "jiangxia");
        ViewerKey = Api.CreateKey(ApiRole.Viewer);
        var chromium = new[] { Environment.GetEnvironmentVariable("PT_CHROMIUM") }.Concat(ChromiumPaths).FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            BrowserUnavailable = $"No Chromium for the browser tests (looked for PT_CHROMIUM, {string.Join(", ", ChromiumPaths)}): install Debian's chromium package.";
            return;
        }
        Process = await ApiProcess.StartAsync(ConnectionString);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // The system browser, never one downloaded at run time (the machines running this have no internet).
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>A client of the API beside the browser, for arranging data and checking what the browser did.</summary>
    public HttpClient HttpClient(string key) => Process.Client(key);

    public override IEnumerable<string> ApiLogLines() => Process is null ? base.ApiLogLines() : base.ApiLogLines().Concat(Process.Log);

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (Process is not null) await Process.DisposeAsync();
        await base.DisposeAsync();
    }
}
