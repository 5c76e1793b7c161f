using System.Text.RegularExpressions;

namespace ProjectTracker.Tests.Common;

public sealed partial class ArchitectureTests
{
    [Fact]
    public void TheApiCarriesNoLoadTestTooling()
    {
        // The data generator drops the projects table's indexes and foreign keys: it lives in the benchmarks' tool only.
        Assert.DoesNotContain(typeof(Program).Assembly.GetTypes(), type => type.Name is "DataGenerator" or "GeneratedRollup");
    }

    [Fact]
    public void CommonIsTheBottomLayerAndNamesNoFeature()
    {
        var common = Path.Combine(RepositoryFiles.Root, "src", "ProjectTracker.Api", "Common");
        var offending = Directory.EnumerateFiles(common, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select(line => (file, line)))
            .Where(pair => FeatureReference().IsMatch(pair.line))
            .Select(pair => $"{Path.GetRelativePath(common, pair.file)}: {pair.line.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "Common/ names features:\n" + string.Join('\n', offending));
    }


    // Any namespace of the API but Common itself, in a using or a qualified name.
    [GeneratedRegex(@"ProjectTracker\.Api\.(?!Common\b)[A-Z]")]
    private static partial Regex FeatureReference();
}
