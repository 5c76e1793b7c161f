using System.Text.Json.Serialization;
using NpgsqlTypes;

namespace ProjectTracker.Api.Projects;

/// <summary>What sort of project it is.</summary>
public enum ProjectKind
{
    /// <summary>An investment by one or more investors (the usual case).</summary>
    Investment,
    /// <summary>A cooperation such as a strategic agreement, often without an amount.</summary>
    Cooperation,
    /// <summary>A platform: an innovation centre, fund, exchange or incubator.</summary>
    Platform,
    /// <summary>Government-led works: roads, water, schools, parks.</summary>
    PublicWorks,
}

/// <summary>
/// Where a project stands: intent (意向, under negotiation) → signed (签约; for public works: approved and committed)
/// → started (开工) → completed (竣工/投产); any stage → cancelled.
/// </summary>
public enum ProjectStatus
{
    Intent,
    Signed,
    Started,
    Completed,
    Cancelled,
}

/// <summary>Currency of an amount. Amounts are in 亿 (100,000,000) of it.</summary>
public enum Currency
{
    [JsonStringEnumMemberName("CNY")]
    [PgName("CNY")]
    Cny,

    [JsonStringEnumMemberName("USD")]
    [PgName("USD")]
    Usd,
}

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

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>What a history entry records.</summary>
public enum ProjectEvent
{
    Created,
    StatusChanged,
    Corrected,
    Deleted,
}
