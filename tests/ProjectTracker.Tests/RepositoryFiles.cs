namespace ProjectTracker.Tests;

/// <summary>The repository the tests run in, for tests that read its sources and documents.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The five source documents, which are not copied into the repository: <c>PT_SOURCE_DOCUMENTS</c> when set, else
    /// <c>../shared/source-documents</c> beside this repository or beside the one it was cloned from (a clean clone for CI).
    /// </summary>
    public static string SourceDocuments { get; } = FindSourceDocuments();

    private static string FindSourceDocuments()
    {
        if (Environment.GetEnvironmentVariable("PT_SOURCE_DOCUMENTS") is { Length: > 0 } configured) return configured;
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "source-documents"));
        if (Directory.Exists(beside)) return beside;
        var origin = ClonedFrom();
        return origin is null ? beside : Path.GetFullPath(Path.Combine(origin, "..", "shared", "source-documents"));
    }

    /// <summary>The local repository this one was cloned from (its origin is a folder), if any.</summary>
    private static string? ClonedFrom()
    {
        var config = Path.Combine(Root, ".git", "config");
        if (!File.Exists(config)) return null;
        var url = File.ReadLines(config).Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("url = ", StringComparison.Ordinal))?["url = ".Length..];
        if (url is null) return null;
        if (url.StartsWith("file://", StringComparison.Ordinal)) url = url["file://".Length..];
        return Path.IsPathRooted(url) && Directory.Exists(url) ? url : null;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProjectTracker.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("ProjectTracker.sln not found above the test binaries");
    }
}
