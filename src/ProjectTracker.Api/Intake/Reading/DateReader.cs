using System.Globalization;
using System.Text.RegularExpressions;
using ProjectTracker.Api.Common.Values;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>A date as the text states it.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Date">As precise as stated.</param>
/// <param name="YearFromPublication">The text gave only 月日 (or 去年/今年), and the year is the publication's.</param>
public sealed record DateMention(int Start, int End, PartialDate Date, bool YearFromPublication);

/// <summary>
/// Finds dates: "2023年1月31日" (a day), "2023年2月" (a month), "2017年" (a year), "1月31日" (a day in the year the
/// document was published, flagged), "去年"/"今年" (a year counted from publication, flagged). A day is never invented:
/// "2月" is a month, "2023年" a year.
/// </summary>
public static partial class DateReader
{
    public static IReadOnlyList<DateMention> Read(string text, DateOnly? publishedOn, int from = 0, int to = -1)
    {
        if (to < 0) to = text.Length;
        var mentions = new List<DateMention>();
        foreach (Match match in Written().Matches(text[..to], from))
        {
            if (Read(match, publishedOn) is { } mention) mentions.Add(mention);
        }
        if (publishedOn is { } published)
        {
            foreach (Match match in Relative().Matches(text[..to], from))
            {
                var year = published.Year + match.Value switch { "去年" => -1, "前年" => -2, "明年" => 1, _ => 0 };
                mentions.Add(new DateMention(match.Index, match.Index + match.Length, PartialDate.Year(year), YearFromPublication: true));
            }
        }
        return mentions.OrderBy(mention => mention.Start).ToList();
    }

    private static DateMention? Read(Match match, DateOnly? publishedOn)
    {
        var hasYear = match.Groups["year"].Success;
        var hasMonth = match.Groups["month"].Success;
        if (!hasYear && !hasMonth) return null;
        if (!hasYear && publishedOn is null) return null; // 1月31日 without a publication date: no year to give it
        var year = hasYear ? Number(match.Groups["year"]) : publishedOn!.Value.Year;
        var month = hasMonth ? Number(match.Groups["month"]) : 0;
        var day = match.Groups["day"].Success ? Number(match.Groups["day"]) : 0;
        if (year is < 1900 or > 2100 || month is < 0 or > 12 || (hasMonth && month == 0)) return null;
        if (day > 0 && day > DateTime.DaysInMonth(year, month)) return null;
        var date = day > 0 ? PartialDate.Day(year, month, day) : month > 0 ? PartialDate.Month(year, month) : PartialDate.Year(year);
        // Without a year, a date after publication belongs to the year before (an article of 2023-01-05 on "12月28日").
        if (!hasYear && publishedOn is { } published && date.Start > published)
        {
            date = day > 0 ? PartialDate.Day(year - 1, month, day) : PartialDate.Month(year - 1, month);
        }
        return new DateMention(match.Index, match.Index + match.Length, date, YearFromPublication: !hasYear);
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    // A month must not be a count ("12个月") and a year is four digits followed by 年 ("2025年"), not "1500余人".
    [GeneratedRegex(@"(?<![0-9.])(?:(?<year>[12][0-9]{3})年)?(?:(?<month>[0-9]{1,2})月(?:(?<day>[0-9]{1,2})[日号])?)?")]
    private static partial Regex Written();

    [GeneratedRegex("去年|前年|今年|明年")]
    private static partial Regex Relative();
}
