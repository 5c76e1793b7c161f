namespace ProjectTracker.Api.Dashboard;

/// <summary>The <c>Dashboard</c> section of the configuration.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How long a computed answer is kept for other requests at the same data version (0 turns keeping off).</summary>
    public TimeSpan AnswerLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many answers are kept at most; the least recently used go first.</summary>
    public int AnswerLimit { get; set; } = 1_000;
}
