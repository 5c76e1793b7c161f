using System.Text.Json.Serialization;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Dashboard;

/// <summary>What a dashboard counts, and which date places a project in a period.</summary>
public enum DashboardMeasure
{
    /// <summary>Every live project by its current status, dated by that status's date (signedOn, startedOn or completedOn).</summary>
    Current,
    /// <summary>Signings: projects signed (and not cancelled), dated by signedOn.</summary>
    Signed,
    /// <summary>Starts: projects started, dated by startedOn.</summary>
    Started,
    /// <summary>Completions: projects completed, dated by completedOn.</summary>
    Completed,
}

/// <summary>A dimension totals can be grouped by.</summary>
public enum Dimension
{
    /// <summary>The province (省级) a project's place lies in.</summary>
    Province,
    /// <summary>The prefecture-level city (地级) a project's place lies in; for a municipality (北京, 重庆) the municipality, for a county the province runs directly (仙桃) the county.</summary>
    City,
    /// <summary>The place recorded on the project: a district, county or development zone.</summary>
    District,
    Park,
    Sector,
    [JsonStringEnumMemberName("sectorCategory")]
    SectorCategory,
    Status,
    Year,
    Quarter,
    Month,
}

/// <summary>One value of a grouping dimension, with its names for display.</summary>
/// <param name="Code">Machine value: a place code, sector code, status, or period (2023, 2023-Q1, 2023-02; 2017-?? when only the year is known). Null when unknown.</param>
/// <param name="NameZh">Chinese label, e.g. 江夏区, 2023年第1季度.</param>
/// <param name="NameEn">English label; null for a place the official list names only in Chinese.</param>
/// <param name="Parent">For a place: the place it lies in (江夏区 → 武汉市, 武汉市 → 湖北省); null otherwise and for a province.</param>
public sealed record GroupKey(string? Code, string NameZh, string? NameEn, GroupKey? Parent = null);

/// <summary>Counts and sums of a group of projects. Amounts are in 亿, kept apart by currency.</summary>
/// <param name="ProjectCount">Projects in the group.</param>
/// <param name="AmountCny">Sum of effective amounts in CNY, in 亿元.</param>
/// <param name="AmountUsd">Sum of effective amounts in USD, in 亿美元.</param>
/// <param name="WithoutAmount">Projects with no amount at all (not in the sums).</param>
/// <param name="ApproxCount">Projects whose amount in the sums is approximate (约).</param>
/// <param name="AtLeastCount">Projects whose amount is a lower bound (超): the true sum is higher.</param>
/// <param name="AtMostCount">Projects whose amount is an upper bound (近).</param>
public sealed record Figures(long ProjectCount, decimal AmountCny, decimal AmountUsd, long WithoutAmount, long ApproxCount, long AtLeastCount, long AtMostCount);

/// <summary>A row of totals: the group's keys and its figures.</summary>
public sealed record TotalsRow(IReadOnlyDictionary<string, GroupKey> Keys, Figures Figures);

/// <summary>Totals by one or two dimensions, with a grand total computed independently by the database.</summary>
/// <param name="GroupBy">The dimensions, in order.</param>
/// <param name="Measure">What was counted.</param>
/// <param name="DateBasis">Which date places a project in a period: signedOn, startedOn, completedOn, or statusDate (the date of each project's current status).</param>
/// <param name="Rows">One row per group, ordered by the keys.</param>
/// <param name="Total">All the rows together.</param>
public sealed partial record TotalsResult(IReadOnlyList<Dimension> GroupBy, DashboardMeasure Measure, string DateBasis, IReadOnlyList<TotalsRow> Rows, Figures Total);

/// <summary>One period of a time series.</summary>
/// <param name="Period">2023, 2023-Q1 or 2023-02.</param>
/// <param name="Start">First day of the period.</param>
/// <param name="End">Last day of the period.</param>
/// <param name="Figures">What the period holds (zeros when nothing).</param>
public sealed record SeriesPoint(string Period, DateOnly Start, DateOnly End, Figures Figures);

/// <summary>A gap-free series: every period from <c>from</c> to <c>to</c>, zero where nothing happened.</summary>
/// <param name="Measure">signed, started or completed.</param>
/// <param name="Interval">month, quarter or year.</param>
/// <param name="DateBasis">The date that places a project in a period.</param>
/// <param name="Points">The periods, oldest first.</param>
/// <param name="NotPlaced">Projects in the range whose date is known only to the year, so cannot be placed in a month or quarter.</param>
public sealed partial record SeriesResult(DashboardMeasure Measure, SeriesInterval Interval, string DateBasis, IReadOnlyList<SeriesPoint> Points, Figures NotPlaced);

/// <summary>How long each period of a series is.</summary>
public enum SeriesInterval
{
    Month,
    Quarter,
    Year,
}

/// <summary>A target beside the figure the projects reach.</summary>
/// <param name="Id">Target id.</param>
/// <param name="Title">What the target says.</param>
/// <param name="District">The place it is for.</param>
/// <param name="Park">The park, when it is a park's target.</param>
/// <param name="Sector">The sector it counts, if one.</param>
/// <param name="Year">Its year.</param>
/// <param name="Measure">What it counts.</param>
/// <param name="MinProjectAmount">Only projects of at least this many 亿 count.</param>
/// <param name="Target">The target value (projects, or 亿元).</param>
/// <param name="Qualifier">at_least, exact, at_most or approx.</param>
/// <param name="Actual">What the recorded projects reach (amounts: CNY only, 亿元).</param>
/// <param name="Progress">Actual ÷ target.</param>
/// <param name="Met">Whether the target is met, reading its qualifier.</param>
/// <param name="Source">The document it comes from, if any.</param>
/// <param name="Version">Row version (ETag for PUT /api/targets/{id}).</param>
public sealed record TargetProgress(
    long Id, string Title, GroupKey District, GroupKey? Park, GroupKey? Sector, int Year, Targets.TargetMeasure Measure,
    decimal? MinProjectAmount, decimal Target, AmountQualifier Qualifier, decimal Actual, decimal Progress, bool Met, string? Source, int Version);

/// <summary>A reported batch figure beside what the projects linked to it add up to.</summary>
/// <param name="Id">Batch id.</param>
/// <param name="Code">Stable code, e.g. jiangxia-2023q1-groundbreaking.</param>
/// <param name="Kind">signing, groundbreaking or completion.</param>
/// <param name="Title">What the document reports.</param>
/// <param name="District">The place it is for.</param>
/// <param name="PeriodStart">First day of the period it covers, when stated.</param>
/// <param name="PeriodEnd">Last day of the period it covers, when stated.</param>
/// <param name="Reported">What the document reports.</param>
/// <param name="Itemised">What the linked projects add up to.</param>
/// <param name="CountDifference">Reported projects not itemised (reported count − linked projects).</param>
/// <param name="AmountDifference">Reported amount not itemised, in the batch's currency; null unless the reported amount and every linked amount are exact (a bound less a bound is no figure).</param>
/// <param name="MinProjectAmount">A threshold each project of the batch meets ("10亿元以上项目"): a bound on each project, never an amount to sum.</param>
/// <param name="Breakdown">Reported category lines beside the linked projects of that category.</param>
/// <param name="Source">The document it comes from, if any.</param>
/// <param name="Notes">What the figure does and does not say.</param>
public sealed record BatchComparison(
    long Id, string Code, Batches.BatchKind Kind, string Title, GroupKey District, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    ReportedFigures Reported, Figures Itemised, long? CountDifference, decimal? AmountDifference, decimal? MinProjectAmount,
    IReadOnlyList<BreakdownComparison> Breakdown, string? Source, string? Notes);

/// <summary>What a document reports for a batch.</summary>
public sealed record ReportedFigures(int? ProjectCount, decimal? Amount, AmountQualifier? Qualifier, Currency Currency);

/// <summary>A reported category line (先进制造业 10个 132.35亿元) beside the linked projects of that sector.</summary>
public sealed record BreakdownComparison(GroupKey Sector, int? ReportedCount, decimal? ReportedAmount, long ItemisedCount, decimal ItemisedAmount);

/// <summary>The KPIs of one group for a signing cohort year.</summary>
/// <param name="Key">The group (absent when not grouped).</param>
/// <param name="Signed">Projects signed in the year.</param>
/// <param name="StartedOfSigned">Of those, how many have started (or completed).</param>
/// <param name="CompletedOfSigned">Of those, how many have completed.</param>
/// <param name="StartRate">开工率: StartedOfSigned ÷ Signed.</param>
/// <param name="CompletionRate">投产率: CompletedOfSigned ÷ Signed.</param>
/// <param name="AverageDaysToStart">Mean days from signing to start, over projects with both dates known to the day.</param>
/// <param name="MedianDaysToStart">Median of the same.</param>
/// <param name="DaysToStartSample">How many projects those two are computed over.</param>
/// <param name="Thresholds">Count and CNY sum of cohort projects at or above each amount threshold.</param>
/// <param name="SignedYearOnYear">同比 of signings: this year against last.</param>
/// <param name="StartedYearOnYear">同比 of starts (dated by startedOn): this year against last.</param>
public sealed record KpiRow(
    GroupKey? Key, long Signed, long StartedOfSigned, long CompletedOfSigned, decimal? StartRate, decimal? CompletionRate,
    decimal? AverageDaysToStart, decimal? MedianDaysToStart, long DaysToStartSample, IReadOnlyList<ThresholdFigures> Thresholds,
    YearOnYear SignedYearOnYear, YearOnYear StartedYearOnYear);

public sealed record ThresholdFigures(decimal MinAmount, long ProjectCount, decimal AmountCny);

/// <summary>A figure this year and last year, and the change (null when last year was zero).</summary>
public sealed record YearOnYear(long CountThisYear, long CountLastYear, decimal? CountChange, decimal AmountCnyThisYear, decimal AmountCnyLastYear, decimal? AmountChange);

/// <summary>KPIs for a cohort year.</summary>
public sealed record KpiResult(int Year, Dimension? GroupBy, IReadOnlyList<KpiRow> Rows);

/// <summary>A project waiting too long for its next stage.</summary>
/// <param name="Project">The project.</param>
/// <param name="WaitingSince">The last day of the stage date's period (a month-precise date counts from its last day, so nothing is flagged early).</param>
/// <param name="MonthsWaiting">Whole months since then.</param>
public sealed record StalledProject(Project Project, DateOnly WaitingSince, int MonthsWaiting);

/// <summary>The early-warning lists, oldest first.</summary>
/// <param name="SignedNotStarted">Signed projects not started N months after signing.</param>
/// <param name="StartedNotCompleted">Started projects not completed M months after starting.</param>
/// <param name="SignedWithoutDate">Signed projects whose signing date is not known: never judged overdue.</param>
/// <param name="StartedWithoutDate">Started projects whose start date is not known: never judged overdue.</param>
public sealed record StalledResult(IReadOnlyList<StalledProject> SignedNotStarted, IReadOnlyList<StalledProject> StartedNotCompleted, long SignedWithoutDate, long StartedWithoutDate);
