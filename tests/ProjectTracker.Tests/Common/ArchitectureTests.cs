namespace ProjectTracker.Tests.Common;

public sealed class ArchitectureTests
{
    [Fact]
    public void TheApiCarriesNoLoadTestTooling()
    {
        // The data generator drops the projects table's indexes and foreign keys: it lives in the benchmarks' tool only.
        Assert.DoesNotContain(typeof(Program).Assembly.GetTypes(), type => type.Name is "DataGenerator" or "GeneratedRollup");
    }
}
