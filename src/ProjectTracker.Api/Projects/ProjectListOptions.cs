namespace ProjectTracker.Api.Projects;

/// <summary>The <c>Lists</c> configuration section: how the project list chooses between walking and collecting (ProjectListing).</summary>
public sealed class ProjectListOptions
{
    public const string Section = "Lists";

    /// <summary>
    /// How much more a project collected costs than an index entry a walk passes (default 8: a collected project is
    /// found through an index and its row read and sorted, about 2 µs here; a walk reads its entries from the index alone,
    /// about 0.25 µs). Zero: always walk; large: collect wherever an index finds the matches.
    /// </summary>
    public double CollectCostPerWalkedEntry { get; set; } = 8;

    /// <summary>
    /// A range of one date read in the order of another's (started in 2021, newest signing first) is collected when the
    /// planner expects at most this many matches (default 500,000), walked beyond: such a walk passes every project whose
    /// dates lie between, which the model of an even spread cannot see.
    /// </summary>
    public int CollectAcrossDatesAtMost { get; set; } = 500_000;

    /// <summary><c>includeTotal</c> counts this far, then says "at least" (default 10,000).</summary>
    public int CountAtMost { get; set; } = 10_000;
}
