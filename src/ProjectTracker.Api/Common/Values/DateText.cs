using System.Globalization;
using System.Text.RegularExpressions;

namespace ProjectTracker.Api.Common.Values;

/// <summary>Dates as spreadsheets hold them: 2023-01-31, 2023-01, 2023, 2023/1/31, 2023.1.31, 2023年1月31日, 2023年2月, 2023年.</summary>
public static partial class DateText
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (PartialDate.TryParse(trimmed, out date)) return true;

        var match = Written().Match(trimmed);
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["month"].Success ? int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture) : 0;
        var day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 0 or > 12 || (month == 0 && day != 0) || year is < 1 or > 9999) return false;
        if (day > 0 && day > DateTime.DaysInMonth(year, month)) return false;
        date = day > 0 ? PartialDate.Day(year, month, day) : month > 0 ? PartialDate.Month(year, month) : PartialDate.Year(year);
        return true;
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:(?:年|[/.\-])(?<month>[0-9]{1,2})(?:(?:月|[/.\-])(?<day>[0-9]{1,2})日?)?月?)?年?$")]
    private static partial Regex Written();
}
