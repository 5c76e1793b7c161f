namespace ProjectTracker.Api.Common.Idempotency;

/// <summary>The <c>Idempotency</c> section of the configuration.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long an answer is kept for retries with the same key (default a day).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Answers larger than this are not kept (a retry then runs again; write answers are far smaller).</summary>
    public int MaxStoredResponseBytes { get; set; } = 1 << 20;
}
