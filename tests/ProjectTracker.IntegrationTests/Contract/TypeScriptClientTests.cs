using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The staff workflow through openapi-typescript + openapi-fetch: types generated from the document the running API
/// serves, the workflow (tests/typescript-client/src/workflow.ts) compiled with tsc --strict and run with node against it.
/// </summary>
public sealed class TypeScriptClientTests(RunningApi api) : DatabaseTests<RunningApi>(api)
{
    [Fact]
    public async Task TheStaffWorkflowRunsThroughOpenApiFetch()
    {
        await Node.EnsureInstalledAsync(Cancellation);
        await Database.SaveServedDocumentAsync("openapi.json", Cancellation);

        // guide:ts-generate
        await Node.RunAsync("npx", ["openapi-typescript", "src/generated/openapi.json", "--output", "src/generated/api.d.ts"], Cancellation);
        await Node.RunAsync("npx", ["tsc", "--project", "."], Cancellation);
        // end
        var (_, output) = await Node.RunAsync("node", ["dist/workflow.js", Database.Address.ToString().TrimEnd('/'), Database.EditorKey, Database.ViewerKey], Cancellation);

        Assert.Contains("staff workflow passed", output);
    }
}
