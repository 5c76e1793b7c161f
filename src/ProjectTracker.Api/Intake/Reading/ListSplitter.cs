using System.Text.RegularExpressions;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>A name in the text: where it stands and what it says.</summary>
public sealed record NameMention(int Start, int End, string Name);

/// <summary>
/// Splits a list of projects into its names: "分别为:A、B三期、C" and "A、B、C及D等项目". It splits on 、 and ;, never
/// inside brackets or quotes ("智能医疗基地建设项目(一期、二期)" is one name), and on 及/和 only as the list's last
/// conjunction (A、B及C) — a name that contains 及 or 和 without a 、-list around it ("医疗及医学康复中心项目",
/// "T3出行华中区域总部及新能源智慧出行生态产业园项目") is one project, as the text shows it.
/// </summary>
public static partial class ListSplitter
{
    private const string Opening = "(（“‘《「【";
    private const string Closing = ")）”’》」】";

    /// <summary>The names in text[start..end].</summary>
    public static IReadOnlyList<NameMention> Split(string text, int start, int end)
    {
        var items = new List<(int Start, int End)>();
        var depth = 0;
        var itemStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (Opening.Contains(c)) depth++;
            else if (Closing.Contains(c)) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '、' or ';' or '；' or '，' or ',')
            {
                items.Add((itemStart, i));
                itemStart = i + 1;
            }
        }
        items.Add((itemStart, end));

        if (items.Count >= 2 && LastConjunction(text, items[^1]) is { } split)
        {
            var last = items[^1];
            items[^1] = (last.Start, split);
            items.Add((split + 1, last.End));
        }
        return items.Select(item => Trimmed(text, item.Start, item.End)).OfType<NameMention>().ToList();
    }

    /// <summary>Where the last item of a 、-list divides at 及 or 和 into two names (each at least two characters), if it does.</summary>
    private static int? LastConjunction(string text, (int Start, int End) item)
    {
        for (var i = item.End - 3; i >= item.Start + 2; i--)
        {
            if (text[i] is '及' or '和' && !IsInsideBrackets(text, item.Start, i)) return i;
        }
        return null;
    }

    private static bool IsInsideBrackets(string text, int start, int at)
    {
        var depth = 0;
        for (var i = start; i < at; i++)
        {
            if (Opening.Contains(text[i])) depth++;
            else if (Closing.Contains(text[i])) depth--;
        }
        return depth > 0;
    }

    private static NameMention? Trimmed(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ':' or '：' or '“' or '"')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '”' or '"' or '。' or '；' or ';' or '！' or '!' or '，' or ',')) end--;
        return end - start >= 2 ? new NameMention(start, end, text[start..end]) : null;
    }
}
