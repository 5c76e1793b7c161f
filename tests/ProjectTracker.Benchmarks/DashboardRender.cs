using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ProjectTracker.Benchmarks;

/// <summary>
/// <c>dashboard-render &lt;url&gt; &lt;key&gt; &lt;runs&gt; [hash]</c> (db/bench/dashboard.sh): how long the web app's dashboard takes
/// from navigation until every panel has drawn (the panels leave aria-busy and the chart has its canvas), in the system
/// Chromium, each run in a fresh browser context (nothing cached). Two clocks: this tool's, from asking for the page
/// until it sees the last panel drawn (it includes opening the page and Playwright's own polling), and the page's own,
/// from navigation start to the dashboard's last "drawn" mark (as browsers time a page's rendering). Prints one line per
/// run and the medians of both.
/// </summary>
public static class DashboardRender
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (url, key, runs) = (args[1].TrimEnd('/'), args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        var hash = args.Length > 4 ? args[4] : "#/dashboard";
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var who = await http.GetStringAsync("/api/keys/current");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PT_CHROMIUM") ?? "/usr/bin/chromium", Headless = true,
        });
        var times = new List<double>();
        var pageTimes = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            // Signed in as the sign-in screen leaves it: the key and its description in this tab's session.
            await context.AddInitScriptAsync($"sessionStorage.setItem('pt.apiKey', {JsonSerializer.Serialize(key)}); sessionStorage.setItem('pt.currentKey', {JsonSerializer.Serialize(who)});");
            var page = await context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"{url}/{hash}");
            await page.Locator(".panels[aria-busy='false'] #totals-chart canvas").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            var pageTime = await page.EvaluateAsync<double>(
                "() => Math.max(...performance.getEntriesByType('mark').filter(m => m.name.startsWith('dashboard: ') && m.name.endsWith(' drawn')).map(m => m.startTime))");
            pageTimes.Add(pageTime);
            // Where the time went: the slowest requests of the page (scripts and API calls), by when they ended.
            var slowest = await page.EvaluateAsync<string[]>(
                "() => performance.getEntriesByType('resource').sort((a, b) => b.responseEnd - a.responseEnd).slice(0, 4)" +
                ".map(e => `${Math.round(e.startTime)}+${Math.round(e.duration)} ms ${e.name.replace(location.origin, '')}`)");
            Console.WriteLine($"run {run}: {clock.Elapsed.TotalMilliseconds:F0} ms (page clock {pageTime:F0} ms); last to end: {string.Join("; ", slowest)}");
            // When each panel had its answers and was drawn (the dashboard's own performance marks).
            var marks = await page.EvaluateAsync<string[]>(
                "() => performance.getEntriesByType('mark').filter(m => m.name.startsWith('dashboard: ')).map(m => `${Math.round(m.startTime)} ${m.name.slice(11)}`)");
            Console.WriteLine($"  {string.Join("; ", marks)}");
        }
        Console.WriteLine($"median: {Median(times):F0} ms (first {times[0]:F0} ms, best {times.Min():F0} ms) over {runs} runs; " +
            $"page clock median {Median(pageTimes):F0} ms (first {pageTimes[0]:F0} ms, best {pageTimes.Min():F0} ms)");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
