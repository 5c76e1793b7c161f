using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Browser;

/// <summary>
/// Base of the browser tests: a fresh browser context (zh-CN, a desktop window) per test, its console kept; on failure a
/// screenshot and the console go to TestResults/browser/. Without Chromium they skip — except under CI, where they fail,
/// so CI cannot pass without the browser running.
/// </summary>
public abstract class BrowserTests(BrowserApp app) : DatabaseTests<BrowserApp>(app)
{
    private readonly List<string> console = [];
    private IBrowserContext? context;

    protected BrowserApp App => Database;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Where README's screenshots live (made by these tests, so they stay current).</summary>
    protected static string ScreenshotFolder => Path.Combine(TestHost.RepositoryRoot, "tests", "ProjectTracker.IntegrationTests", "Browser", "screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (App.BrowserUnavailable is not null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(App.BrowserUnavailable + " CI must run the browser tests.");
            Assert.Skip(App.BrowserUnavailable);
        }
        context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        Page = await context.NewPageAsync();
        Page.SetDefaultTimeout(15_000);
        Page.Console += (_, message) => { lock (console) console.Add($"{message.Type}: {message.Text}"); };
        Page.PageError += (_, error) => { lock (console) console.Add($"pageerror: {error}"); };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (console) console.Add($"http {response.Status}: {response.Request.Method} {response.Url}");
        };
    }

    public override async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                var folder = Path.Combine(TestHost.RepositoryRoot, "tests", "ProjectTracker.IntegrationTests", "TestResults", "browser");
                Directory.CreateDirectory(folder);
                var name = TestContext.Current.Test?.TestDisplayName.Split('.').Last() ?? "test";
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
                await File.WriteAllLinesAsync(Path.Combine(folder, name + ".console.txt"), ConsoleLines());
                TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot and browser console: {folder}/{name}.*\n" + string.Join('\n', ConsoleLines()));
            }
            await context.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    protected string[] ConsoleLines()
    {
        lock (console) return [.. console];
    }

    /// <summary>Signs in on the sign-in screen as a person does: types the key, presses the button, sees who they are.</summary>
    protected async Task SignInAsync(string key, string expectedRole)
    {
        await Page.GotoAsync("/#/signin");
        await Page.GetByLabel("API 密钥").FillAsync(key);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#who")).ToContainTextAsync(expectedRole);
    }

    /// <summary>axe-core on the screen as it is now: no serious or critical violation.</summary>
    protected async Task AssertAccessibleAsync(string screen)
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        var report = new StringBuilder();
        foreach (var violation in bad)
        {
            report.AppendLine($"{violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(5)) report.AppendLine($"  {node.Target} {node.Html}");
        }
        Assert.True(bad.Count == 0, $"axe-core on {screen}:\n{report}");
    }

    /// <summary>Nothing went wrong in the page: no script error, no refused resource (a CSP violation is a console error).</summary>
    protected void AssertCleanConsole()
    {
        var errors = ConsoleLines().Where(line => line.StartsWith("error:", StringComparison.Ordinal) || line.StartsWith("pageerror:", StringComparison.Ordinal))
            // A refused request the test provoked on purpose (a 400, a 409, a 412) is logged by the browser; only the page's own failures count.
            .Where(line => !line.Contains("the server responded with a status of", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "browser console:\n" + string.Join('\n', errors));
    }
}
