using System.Text.Json.Serialization;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Csv;

namespace ProjectTracker.Api.Dashboard;

/// <summary>The CSV layouts of the dashboard answers: one column per key (code, 中文, English), then the figures.</summary>
internal static class DashboardCsv
{
    public static readonly string[] FigureColumns =
        ["project_count", "amount_cny_yi", "amount_usd_yi", "without_amount", "approx_count", "at_least_count", "at_most_count"];

    public static IEnumerable<object?> Cells(Figures f) =>
        [f.ProjectCount, f.AmountCny, f.AmountUsd, f.WithoutAmount, f.ApproxCount, f.AtLeastCount, f.AtMostCount];
}

public sealed partial record TotalsResult : ICsvTable
{
    [JsonIgnore]
    public string CsvName => "totals-" + string.Join("-", GroupBy.Select(d => EnumNames.Of(d)));

    public IReadOnlyList<string> CsvHeader() =>
        [.. GroupBy.SelectMany(d => new[] { $"{EnumNames.Of(d)}_code", $"{EnumNames.Of(d)}_zh", $"{EnumNames.Of(d)}_en" }), .. DashboardCsv.FigureColumns];

    public IEnumerable<IReadOnlyList<object?>> CsvRows()
    {
        foreach (var row in Rows)
        {
            yield return [.. GroupBy.SelectMany(d => row.Keys[EnumNames.Of(d)] is var key ? new object?[] { key.Code, key.NameZh, key.NameEn } : []), .. DashboardCsv.Cells(row.Figures)];
        }
        yield return [.. GroupBy.SelectMany((_, i) => i == 0 ? new object?[] { "total", "合计", "Total" } : [null, null, null]), .. DashboardCsv.Cells(Total)];
    }
}

public sealed partial record SeriesResult : ICsvTable
{
    [JsonIgnore]
    public string CsvName => $"timeseries-{EnumNames.Of(Measure)}-{EnumNames.Of(Interval)}";

    public IReadOnlyList<string> CsvHeader() => ["period", "start", "end", .. DashboardCsv.FigureColumns];

    public IEnumerable<IReadOnlyList<object?>> CsvRows() =>
        Points.Select(point => (IReadOnlyList<object?>)[point.Period, point.Start, point.End, .. DashboardCsv.Cells(point.Figures)]);
}

/// <summary>Targets with their progress.</summary>
public sealed record TargetsResult(IReadOnlyList<TargetProgress> Targets) : ICsvTable
{
    [JsonIgnore]
    public string CsvName => "targets";

    public IReadOnlyList<string> CsvHeader() =>
        ["id", "year", "district_code", "district_zh", "district_en", "park_code", "sector_code", "measure", "min_project_amount_yi",
         "target", "qualifier", "actual", "progress", "met", "title", "source"];

    public IEnumerable<IReadOnlyList<object?>> CsvRows() => Targets.Select(t => (IReadOnlyList<object?>)
        [t.Id, t.Year, t.District.Code, t.District.NameZh, t.District.NameEn, t.Park?.Code, t.Sector?.Code, t.Measure, t.MinProjectAmount,
         t.Target, t.Qualifier, t.Actual, t.Progress, t.Met, t.Title, t.Source]);
}
