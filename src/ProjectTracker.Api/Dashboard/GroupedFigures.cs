using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>
/// Figures grouped by up to two dimensions: from the coarsest rollup that answers the filter exactly (<see cref="RollupSource"/>),
/// otherwise from the projects through the same definition of what a project contributes (<c>stage_contributions</c>);
/// both give the same numbers, which a test checks. Totals, series, KPIs' 同比 and targets read figures here.
/// </summary>
public sealed class GroupedFigures(Database database)
{
    /// <summary>With <paramref name="withTotal"/>, the grand total as a row of its own (IsTotal = 1).</summary>
    internal async Task<IReadOnlyList<FiguresRow>> QueryAsync(ProjectFilter filter, DashboardMeasure measure, IReadOnlyList<Dimension> dimensions,
        ReferenceSnapshot reference, bool withTotal, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        string from, where, figures, having, alias, year, month;
        if (RollupSource.For(filter, measure, dimensions) is { } rollup)
        {
            (alias, year, month) = ("r", "r.period_year", rollup.HasMonths ? "r.period_month" : "NULL::smallint");
            from = $"{rollup.Table} r {JoinsFor(dimensions, "r", reference, parameters)}";
            having = "HAVING sum(r.project_count) > 0";
            where = rollup.Conditions(filter, reference, parameters);
            figures = FiguresSql.OverRollup;
        }
        else
        {
            // The stage's date range is a range of its walk index, which holds every column read here: no row is read.
            (alias, year, month) = ("p", "c.period_year", "c.period_month");
            from = $"""
                projects p CROSS JOIN LATERAL stage_contributions(p.status, p.signed_on, p.signed_on_precision, p.started_on, p.started_on_precision,
                    p.completed_on, p.completed_on_precision, p.deleted_at) c {JoinsFor(dimensions, "p", reference, parameters)}
                """;
            having = "";
            parameters.Add("stage", EnumNames.Of(measure));
            where = "c.stage = @stage::rollup_stage AND " + ProjectFilterSql.Conditions(ProjectFilterSql.WithEveryStatusNamed(filter), reference, parameters);
            figures = FiguresSql.OverProjects;
        }
        var keys = dimensions.Select(d => KeyExpression(d, alias, year, month)).ToList();
        var groupBy = string.Join(", ", keys.Select(key => key.GroupBy));
        var sql = keys.Count == 0
            ? $"SELECT 0 AS is_total, {figures}\nFROM {from}\nWHERE {where}\n{having}"
            : $"""
                SELECT {string.Join(", ", keys.Select((key, i) => $"{key.Code} AS k{i}"))},
                       {(withTotal ? $"sign(GROUPING({keys[0].GroupBy}))" : "0")} AS is_total, {figures}
                FROM {from}
                WHERE {where}
                GROUP BY {(withTotal ? $"GROUPING SETS (({groupBy}), ())" : groupBy)}
                {having}
                ORDER BY {string.Join(", ", keys.Select((_, i) => $"k{i} NULLS LAST"))}
                """;
        await using var connection = await database.QueryAsync(cancellationToken);
        return (await connection.QueryAsync<FiguresRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The joins that <see cref="KeyExpression"/> needs: the sector's category (<c>s</c>), and each place's province
    /// (<c>province_of</c>) and city (<c>city_of</c>), passed as a small table from the reference data, which knows the hierarchy.
    /// </summary>
    internal static string JoinsFor(IReadOnlyCollection<Dimension> dimensions, string alias, ReferenceSnapshot reference, DynamicParameters parameters)
    {
        var joins = new List<string>();
        if (dimensions.Contains(Dimension.SectorCategory)) joins.Add($"JOIN sectors s ON s.code = {alias}.sector_code");
        if (dimensions.Contains(Dimension.Province) || dimensions.Contains(Dimension.City))
            parameters.Add("regionPlaces", reference.Regions.Places);
        if (dimensions.Contains(Dimension.Province))
        {
            parameters.Add("regionProvinces", reference.Regions.Provinces);
            joins.Add($"LEFT JOIN unnest(@regionPlaces::text[], @regionProvinces::text[]) AS province_of(place_code, code) ON province_of.place_code = {alias}.place_code");
        }
        if (dimensions.Contains(Dimension.City))
        {
            parameters.Add("regionCities", reference.Regions.Cities);
            joins.Add($"LEFT JOIN unnest(@regionPlaces::text[], @regionCities::text[]) AS city_of(place_code, code) ON city_of.place_code = {alias}.place_code");
        }
        return string.Join("\n", joins);
    }

    /// <summary>
    /// Fixed SQL for a dimension (user input never reaches it): what rows are grouped by, and the code shown for a
    /// group, made from those grouped values. Periods and statuses are grouped as the numbers and enum values the
    /// rollups hold and turned into text once per group, not once per rollup row (six years of months aggregate
    /// tens of thousands of rows; formatting each one was most of the query's time).
    /// </summary>
    internal static (string Code, string GroupBy) KeyExpression(Dimension dimension, string alias, string year, string month)
    {
        var quarter = $"(({month} + 2) / 3)";
        return dimension switch
        {
            Dimension.Province => Same("province_of.code"),
            Dimension.City => Same("city_of.code"),
            Dimension.District => Same($"{alias}.place_code"),
            Dimension.Park => Same($"{alias}.park_code"),
            Dimension.Sector => Same($"{alias}.sector_code"),
            Dimension.SectorCategory => Same("coalesce(s.category_code, s.code)"),
            Dimension.Status => ($"{alias}.status::text", $"{alias}.status"),
            Dimension.Year => ($"{year}::text", year),
            Dimension.Quarter => ($"CASE WHEN {year} IS NULL THEN NULL WHEN {quarter} IS NULL THEN {year} || '-Q?' ELSE {year} || '-Q' || {quarter} END",
                $"{year}, {quarter}"),
            Dimension.Month => ($"CASE WHEN {year} IS NULL THEN NULL WHEN {month} IS NULL THEN {year} || '-??' ELSE {year} || '-' || lpad({month}::text, 2, '0') END",
                $"{year}, {month}"),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };

        static (string, string) Same(string expression) => (expression, expression);
    }

    /// <summary>A group's code with its names for display.</summary>
    internal static GroupKey Name(Dimension dimension, string? code, ReferenceSnapshot reference) => dimension switch
    {
        Dimension.Province or Dimension.City or Dimension.District =>
            code is not null && reference.FindPlace(code) is { } place ? PlaceKey(place, reference.ParentOf(place)) : Unknown(code),
        Dimension.Park => code is null ? new GroupKey(null, "未指定园区", "No park") : reference.FindPark(code) is { } park ? new GroupKey(park.Code, park.NameZh, park.NameEn) : Unknown(code),
        Dimension.Sector or Dimension.SectorCategory => reference.FindSector(code) is { } sector ? new GroupKey(sector.Code, sector.NameZh, sector.NameEn) : Unknown(code),
        Dimension.Status => StatusName(code),
        _ => Series.Name(code),
    };

    private static GroupKey PlaceKey(Place place, Place? parent) =>
        new(place.Code, place.NameZh, place.NameEn, parent is null ? null : new GroupKey(parent.Code, parent.NameZh, parent.NameEn));

    private static GroupKey Unknown(string? code) => new(code, "未知", "Unknown");

    private static GroupKey StatusName(string? code) => code switch
    {
        "intent" => new(code, "意向", "Intent"),
        "signed" => new(code, "签约", "Signed"),
        "started" => new(code, "开工", "Started"),
        "completed" => new(code, "竣工投产", "Completed"),
        "cancelled" => new(code, "已取消", "Cancelled"),
        _ => Unknown(code),
    };

    /// <summary>Which date places a project in a period, as answers name it.</summary>
    internal static string DateBasis(DashboardMeasure measure) => measure switch
    {
        DashboardMeasure.Signed => "signedOn",
        DashboardMeasure.Started => "startedOn",
        DashboardMeasure.Completed => "completedOn",
        _ => "statusDate",
    };
}

/// <summary>A row of grouped figures: up to two keys, whether it is the grand total, the figures.</summary>
internal sealed class FiguresRow
{
    public string? K0 { get; init; }
    public string? K1 { get; init; }
    public int IsTotal { get; init; }
    public long ProjectCount { get; init; }
    public decimal AmountCny { get; init; }
    public decimal AmountUsd { get; init; }
    public long WithoutAmount { get; init; }
    public long ApproxCount { get; init; }
    public long AtLeastCount { get; init; }
    public long AtMostCount { get; init; }

    public string? KeyAt(int index) => index == 0 ? K0 : K1;

    /// <summary>The year column of a (group, year) or (year) grouping.</summary>
    public string? YearKey() => K1 ?? K0;

    public Figures Figures() => new(ProjectCount, AmountCny, AmountUsd, WithoutAmount, ApproxCount, AtLeastCount, AtMostCount);
}
