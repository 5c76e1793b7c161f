namespace ProjectTracker.Api.Targets;

/// <summary>What a target counts: the number or the summed amount of projects signed, started or completed in its year.</summary>
public enum TargetMeasure
{
    SignedCount,
    SignedAmount,
    StartedCount,
    StartedAmount,
    CompletedCount,
    CompletedAmount,
}
