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

/// <summary>What a history entry records.</summary>
public enum ProjectEvent
{
    Created,
    StatusChanged,
    Corrected,
    Deleted,
}
