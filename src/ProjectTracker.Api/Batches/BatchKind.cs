namespace ProjectTracker.Api.Batches;

/// <summary>What a reported batch counts.</summary>
public enum BatchKind
{
    /// <summary>Signings: a signing ceremony (集中签约) or a period's signed total.</summary>
    Signing,
    /// <summary>Starts: a concentrated groundbreaking (集中开工) or a period's started total.</summary>
    Groundbreaking,
    /// <summary>Completions (竣工/投产).</summary>
    Completion,
}
