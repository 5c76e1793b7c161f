using System.Text.Json;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The lint gate: Spectral with spectral:oas, the OWASP API-security ruleset and the project's own rules
/// (tests/typescript-client/.spectral.yaml, which says why each switched-off rule is off) finds nothing — no error,
/// no warning, no hint — in the document the running API serves.
/// </summary>
public sealed class OpenApiLintTests(RunningApi api) : DatabaseTests<RunningApi>(api)
{
    [Fact]
    public async Task SpectralFindsNothingInTheServedDocument()
    {
        await Node.EnsureInstalledAsync(Cancellation);
        var document = await Database.SaveServedDocumentAsync("lint-openapi.json", Cancellation);

        var (_, output) = await Node.RunAsync("npx",
            ["spectral", "lint", document, "--ruleset", ".spectral.yaml", "--format", "json", "--fail-severity", "hint", "--quiet"], Cancellation, check: false);

        var start = output.IndexOf('[');
        Assert.True(start >= 0, "Spectral printed no results:\n" + output);
        var findings = JsonDocument.Parse(output[start..]).RootElement.EnumerateArray()
            .Select(finding => $"{finding.GetProperty("code").GetString()} at {string.Join('.', finding.GetProperty("path").EnumerateArray())}: {finding.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join('\n', findings.Take(50)));
    }
}
