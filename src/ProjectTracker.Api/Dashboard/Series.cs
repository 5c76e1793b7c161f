using System.Globalization;

namespace ProjectTracker.Api.Dashboard;

/// <summary>Periods of a time series, and how periods are written and named.</summary>
public static class Series
{
    public sealed record Period(string Code, DateOnly Start, DateOnly End);

    /// <summary>Every period from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IEnumerable<Period> Periods(SeriesInterval interval, PartialDate from, PartialDate to)
    {
        var months = interval switch { SeriesInterval.Year => 12, SeriesInterval.Quarter => 3, _ => 1 };
        var start = new DateOnly(from.Start.Year, interval == SeriesInterval.Year ? 1 : (from.Start.Month - 1) / months * months + 1, 1);
        for (var current = start; current <= to.End; current = current.AddMonths(months))
        {
            var code = interval switch
            {
                SeriesInterval.Year => current.Year.ToString(CultureInfo.InvariantCulture),
                SeriesInterval.Quarter => $"{current.Year}-Q{(current.Month + 2) / 3}",
                _ => current.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            };
            yield return new Period(code, current, current.AddMonths(months).AddDays(-1));
        }
    }

    /// <summary>Labels of a period code: 2023, 2023-Q1, 2023-02, or 2017-?? / 2017-Q? when only the year is known.</summary>
    public static GroupKey Name(string? code)
    {
        if (code is null) return new GroupKey(null, "日期不详", "Date unknown");
        var year = code[..4];
        if (code.Length == 4) return new GroupKey(code, $"{year}年", year);
        if (code.EndsWith("-??", StringComparison.Ordinal) || code.EndsWith("-Q?", StringComparison.Ordinal))
            return new GroupKey(code, $"{year}年(月份不详)", $"{year} (month unknown)");
        if (code[5] == 'Q') return new GroupKey(code, $"{year}年第{code[6..]}季度", $"{year} Q{code[6..]}");
        var month = int.Parse(code[5..], CultureInfo.InvariantCulture);
        return new GroupKey(code, $"{year}年{month}月", new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture));
    }
}
