namespace ProjectTracker.Api.Spreadsheets;

/// <summary>The <c>Imports</c> section of the configuration.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted (it is kept on disk while it is imported). Keep in step with the action's request limit.</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    /// <summary>Where uploads wait while they are imported (default: a folder in the system's temporary folder).</summary>
    public string? WorkFolder { get; set; }

    public string Folder => WorkFolder ?? Path.Combine(Path.GetTempPath(), "projecttracker-imports");
}
