namespace ProjectTracker.Api.Spreadsheets;

/// <summary>The <c>Imports</c> section of the configuration.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted (it is kept on disk while it is imported). Keep in step with the action's request limit.</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    /// <summary>Where uploads wait while they are imported (default: a folder in the system's temporary folder).</summary>
    public string? WorkFolder { get; set; }

    /// <summary>
    /// Rows checked, and then written, at a time: large enough that each merge's fixed costs are small, small enough that
    /// checking a chunk overlaps writing the one before.
    /// </summary>
    public int RowsPerChunk { get; set; } = 10_000;

    public string Folder => WorkFolder ?? Path.Combine(Path.GetTempPath(), "projecttracker-imports");
}
