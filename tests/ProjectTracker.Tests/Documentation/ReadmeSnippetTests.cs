using System.Text.RegularExpressions;

namespace ProjectTracker.Tests.Documentation;

/// <summary>
/// The README's integration guide quotes the contract tests (<c>&lt;!-- snippet: name from path --&gt;</c> before a code
/// block; <c>// guide:name</c> … <c>// end</c> around the code in the test), so a snippet that no longer matches the
/// code that runs fails here instead of misleading an integrator.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void EverySnippetInTheReadmeIsTheCodeTheContractTestsRun()
    {
        var root = RepositoryFiles.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var snippets = Snippet().Matches(readme);

        Assert.True(snippets.Count >= 10, $"only {snippets.Count} snippets found");
        foreach (Match snippet in snippets)
        {
            var name = snippet.Groups["name"].Value;
            var source = File.ReadAllText(Path.Combine(root, snippet.Groups["path"].Value)).ReplaceLineEndings("\n");
            Assert.Equal(Region(source, name), snippet.Groups["code"].Value);
        }
    }

    /// <summary>The lines between <c>// guide:name</c> and the next <c>// end</c>, without their common indentation.</summary>
    private static string Region(string source, string name)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, line => line.Trim() == $"// guide:{name}");
        Assert.True(start >= 0, $"no // guide:{name} in the source");
        var end = Array.FindIndex(lines, start + 1, line => line.Trim() == "// end");
        var region = lines[(start + 1)..end];
        var indent = region.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
        return string.Join('\n', region.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
    }


    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) from (?<path>\S+) -->\n```\w+\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
