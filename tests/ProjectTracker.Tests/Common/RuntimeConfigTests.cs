using System.Text.Json;

namespace ProjectTracker.Tests.Common;

public sealed class RuntimeConfigTests
{
    // The project file once spelled the property ServerGarbageCollector: MSBuild ignored it, the Web SDK's
    // default (server GC) shipped, and every benchmark ran with the GC the project file said it had turned off.
    [Fact]
    public void TheApiRunsWithWorkstationGarbageCollection()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Api.runtimeconfig.json")));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
