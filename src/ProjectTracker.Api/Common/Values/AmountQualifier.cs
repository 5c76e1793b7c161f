namespace ProjectTracker.Api.Common.Values;

/// <summary>How exact a stated amount is.</summary>
public enum AmountQualifier
{
    /// <summary>As stated: "24.5亿元".</summary>
    Exact,
    /// <summary>约 (about): "约1亿元".</summary>
    Approx,
    /// <summary>A lower bound: 超/逾/不低于/以上 ("超2100亿元").</summary>
    AtLeast,
    /// <summary>An upper bound: 近/不超过 ("近6亿元").</summary>
    AtMost,
}
