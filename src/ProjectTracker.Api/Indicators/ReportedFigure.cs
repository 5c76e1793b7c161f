using FluentValidation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Indicators;

/// <summary>What a reported figure measures.</summary>
public enum ReportedMeasure
{
    /// <summary>招商引资总额: a place's total of attracted investment, as it reports it.</summary>
    InvestmentAttracted,
    /// <summary>招商引资实际到位资金: funds actually in place.</summary>
    FundsInPlace,
    /// <summary>实际利用外资: foreign capital actually used.</summary>
    ForeignCapitalUsed,
    /// <summary>项目协议签约额: a period's total of contracted amounts.</summary>
    ContractAmount,
    /// <summary>固定资产投资.</summary>
    FixedAssetInvestment,
    /// <summary>500强 firms landed (世界、国内、民营500强): a count.</summary>
    Fortune500Firms,
    /// <summary>Another figure; the title says which.</summary>
    Other,
}

/// <summary>Whether a figure says what happened or what is aimed for.</summary>
public enum FigureStance
{
    /// <summary>What happened (完成, 实现).</summary>
    Actual,
    /// <summary>A target or plan (力争, 目标, 突破…): not an achievement.</summary>
    Plan,
}

/// <summary>The unit of a figure's value.</summary>
public enum FigureUnit
{
    /// <summary>亿元.</summary>
    CnyYi,
    /// <summary>亿美元.</summary>
    UsdYi,
    /// <summary>A number of firms or projects.</summary>
    Count,
}

/// <summary>
/// A figure a document reports that is neither a project nor a batch of projects — a district's 招商引资总额, 实际到位资金,
/// 实际利用外资, 500强 firms — shown beside targets and never reconciled with the itemised projects, which count other things.
/// </summary>
/// <param name="Id">Figure id.</param>
/// <param name="Place">The place it is reported for, with its parent.</param>
/// <param name="Measure">What it measures.</param>
/// <param name="Stance">actual (what happened) or plan (what is aimed for).</param>
/// <param name="PeriodStart">First day of the period it covers.</param>
/// <param name="PeriodEnd">Last day of the period it covers (a 十三五 total covers 2016–2020).</param>
/// <param name="Value">The figure; null when the text names the measure without a number ("超额完成").</param>
/// <param name="Unit">cny_yi (亿元), usd_yi (亿美元) or count.</param>
/// <param name="Qualifier">exact, approx (约), at_least (超, 突破, 余) or at_most (近); null without a value.</param>
/// <param name="GrowthPercent">Growth the text states beside it (增长50.9% → 50.9).</param>
/// <param name="Title">What the document reports, in a line.</param>
/// <param name="Source">The document it comes from.</param>
/// <param name="Locator">Where in the document.</param>
/// <param name="Notes">What the figure does and does not say.</param>
public sealed record ReportedFigure(
    long Id, GroupKey Place, ReportedMeasure Measure, FigureStance Stance, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal? Value, FigureUnit Unit, AmountQualifier? Qualifier, decimal? GrowthPercent, string Title, string? Source, string? Locator, string? Notes);

/// <summary>Filters for reported figures.</summary>
public sealed record ReportedFigureQuery
{
    /// <summary>Only figures of places within this place (code, slug or name).</summary>
    public string? District { get; init; }

    /// <summary>Only figures whose period touches this year.</summary>
    public int? Year { get; init; }

    /// <summary>Only figures whose period ends on or after this date (yyyy, yyyy-MM or yyyy-MM-dd): with <c>to</c>, a dashboard's period of several years.</summary>
    public PartialDate? From { get; init; }

    /// <summary>Only figures whose period starts on or before this date (a partial date counts to its last day).</summary>
    public PartialDate? To { get; init; }

    /// <summary>Only this measure.</summary>
    public ReportedMeasure? Measure { get; init; }

    /// <summary>actual or plan.</summary>
    public FigureStance? Stance { get; init; }
}

public sealed class ReportedFigureQueryValidator : AbstractValidator<ReportedFigureQuery>
{
    public ReportedFigureQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(q => q.District).MustBeKnownPlace(catalog);
        RuleFor(q => q.Year).MustBeARecordYear();
        RuleFor(q => q.To).MustNotEndBefore(q => q.From);
        RuleFor(q => q.Measure).IsInEnum().WithMessage($"measure must be one of {EnumNames.List(typeof(ReportedMeasure))}.");
        RuleFor(q => q.Stance).IsInEnum().WithMessage($"stance must be one of {EnumNames.List(typeof(FigureStance))}.");
    }
}
