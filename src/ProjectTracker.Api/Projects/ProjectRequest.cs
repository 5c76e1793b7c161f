using ProjectTracker.Api.Common;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// A project as staff enter it, to create one (POST) or replace one (PUT). Text is trimmed and
/// Unicode-normalised (NFC) on arrival. Unknown fields are refused.
/// </summary>
public record ProjectRequest
{
    /// <summary>Chinese name, e.g. 智能医疗基地建设项目(一期). Required, at most 200 characters.</summary>
    /// <example>智能医疗基地建设项目(一期)</example>
    public string? NameZh { get; init => field = Text.Clean(value); }

    /// <summary>English name, optional.</summary>
    /// <example>Smart Medical Base (Phase 1)</example>
    public string? NameEn { get; init => field = Text.Clean(value); }

    /// <summary>investment, cooperation (e.g. a strategic agreement without an amount), platform or public_works.</summary>
    /// <example>investment</example>
    public ProjectKind? Kind { get; init; }

    /// <summary>Investing companies, e.g. 湖北浩川水利水电工程有限公司.</summary>
    /// <example>["湖北浩川水利水电工程有限公司"]</example>
    public IReadOnlyList<string>? Investors { get; init => field = Text.Clean(value); }

    /// <summary>Place code or slug: a district (420115 or jiangxia), county, development zone, or a whole city.</summary>
    /// <example>jiangxia</example>
    public string? District { get; init => field = Text.Clean(value); }

    /// <summary>Park code (see GET /api/parks); the park must lie in the district.</summary>
    /// <example>miaoshan</example>
    public string? Park { get; init => field = Text.Clean(value); }

    /// <summary>Sector code (see GET /api/sectors): an industry such as nev_icv, or a category such as manufacturing.</summary>
    /// <example>biomedicine</example>
    public string? Sector { get; init => field = Text.Clean(value); }

    /// <summary>intent, signed, started, completed or cancelled. On PUT it must equal the current status (use POST …/status to change it).</summary>
    /// <example>started</example>
    public ProjectStatus? Status { get; init; }

    /// <summary>Investment in 亿 (100,000,000) of the currency, e.g. 24.5; more than 0, at most 4 decimals.</summary>
    /// <example>24.5</example>
    public decimal? Amount { get; init; }

    /// <summary>How exact the amount is: exact (default), approx (约), at_least (超/逾/不低于), at_most (近/不超过).</summary>
    /// <example>exact</example>
    public AmountQualifier? AmountQualifier { get; init; }

    /// <summary>CNY (default) or USD.</summary>
    /// <example>CNY</example>
    public Currency? Currency { get; init; }

    /// <summary>Phases (一期, 二期 …) with their own amounts; when a total is given too, they must agree with it.</summary>
    public IReadOnlyList<PhaseRequest>? Phases { get; init; }

    /// <summary>Signing date as known: 2023-02-01, 2023-02 or 2023; empty when it is not known (a work report's "已签约").</summary>
    /// <example>2022-12</example>
    public PartialDate? SignedOn { get; init; }

    /// <summary>Start of construction (开工) as known; empty for a project known to be under construction or built whose start date is not known.</summary>
    /// <example>2023-01-31</example>
    public PartialDate? StartedOn { get; init; }

    /// <summary>Completion (竣工/投产) as known; empty for a project known to be completed whose completion date is not known.</summary>
    public PartialDate? CompletedOn { get; init; }

    /// <summary>The 24-character code of the national investment-project platform, e.g. 2023-420115-35-03-012345.</summary>
    public string? ProjectCode { get; init => field = Text.Clean(value); }

    /// <summary>Land area in square metres (53.3万平方米 = 533000).</summary>
    /// <example>533000</example>
    public decimal? LandAreaSqm { get; init; }

    /// <summary>Free text, at most 4000 characters.</summary>
    /// <example>位于江夏经济开发区庙山产业园区</example>
    public string? Notes { get; init => field = Text.Clean(value); }
}

/// <summary>A phase in a request.</summary>
public sealed record PhaseRequest
{
    /// <summary>The phases as stored (a missing one left out; a missing name as empty, which the validator refuses).</summary>
    public static IReadOnlyList<Phase> ToPhases(IReadOnlyList<PhaseRequest?>? phases) =>
        phases?.OfType<PhaseRequest>().Select(phase => new Phase(phase.Name ?? "", phase.Amount, phase.Qualifier)).ToArray() ?? [];

    /// <summary>一期, 二期 …</summary>
    public string? Name { get; init => field = Text.Clean(value); }

    /// <summary>Amount in 亿 of the project's currency, when stated.</summary>
    public decimal? Amount { get; init; }

    /// <summary>exact (default with an amount), approx, at_least, at_most.</summary>
    public AmountQualifier? Qualifier { get; init; }
}
