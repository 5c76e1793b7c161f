using System.Globalization;
using System.Text.RegularExpressions;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common.Values;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>A reported total as one sentence states it.</summary>
public sealed record BatchSentence(BatchKind Kind, bool Planned, int? ProjectCount, AmountMention? Amount, decimal? MinProjectAmount);

/// <summary>
/// Reads reported totals: "江夏区21个重大项目参加…集中开工活动,总投资217.24亿元", "拟签约项目12个,投资总金额超200亿元",
/// "签约亿元以上招商项目110个、签约额超2100亿元" — a count of projects, the event that counts them (开工, 签约, 竣工)
/// and, when stated, their investment and the bound each passes (亿元以上). A count that is a target (力争, 计划引进) is no
/// batch. And the breakdown lines that follow: "先进制造业项目有10个,总投资132.35亿元".
/// </summary>
public static partial class BatchReader
{
    private static readonly string[] PlanWords = ["力争", "目标", "计划", "争取"];
    private static readonly string[] TargetWords = [.. PlanWords, "预计", "将"];
    private static readonly char[] ClauseEnds = ['，', ',', '。', '；', ';'];

    public static BatchSentence? Read(string text, int start, int end)
    {
        var count = Count().Match(text[..end], start);
        if (!count.Success) return null;
        var clauseStart = AmountRoles.ClauseStart(text, count.Index);
        var clause = text[clauseStart..count.Index];
        if (TargetWords.Any(word => clause.Contains(word, StringComparison.Ordinal))) return null;
        // A plan anywhere before the count ("计划以此为支点,三年内引进50个…项目") is no total.
        if (PlanWords.Any(word => text.AsSpan(start, count.Index - start).Contains(word, StringComparison.Ordinal))) return null;
        // The event must be the count's own: "加快推进15个重点示范项目建设,形成'完工一批…'" reports none.
        var clauseEnd = text.IndexOfAny(ClauseEnds, count.Index + count.Length);
        if (StatusReader.Read(text, clauseStart, clauseEnd < 0 || clauseEnd > end ? end : clauseEnd) is not { } cue) return null;
        var planned = cue.Status == ProjectStatus.Intent;
        if (planned && cue.Word is not ("拟签约" or "意向")) return null;
        var kind = cue.Status switch
        {
            ProjectStatus.Started => BatchKind.Groundbreaking,
            ProjectStatus.Completed => BatchKind.Completion,
            _ => BatchKind.Signing,
        };
        var amounts = AmountReader.Read(text, start, end);
        var amount = amounts.FirstOrDefault(mention => mention.Role == AmountRole.Investment);
        decimal? bound = amounts.FirstOrDefault(mention => mention.Role == AmountRole.PerProjectThreshold)?.Amount
                         ?? (text[start..end].Contains("亿元以上", StringComparison.Ordinal) ? 1m : null);
        var number = count.Groups["n"].Success ? count.Groups["n"].Value : count.Groups["m"].Value;
        int? projectCount = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : ChineseNumber.TryParse(number, out var chinese) ? (int)chinese : null;
        return new BatchSentence(kind, planned, projectCount, amount, bound);
    }

    /// <summary>The category lines of a breakdown in text[start..end].</summary>
    public static IReadOnlyList<ExtractedBreakdown> Breakdown(string text, int start, int end, Func<string, string?> sectorNamed)
    {
        var lines = new List<ExtractedBreakdown>();
        foreach (Match match in Category().Matches(text[..end], start))
        {
            var category = match.Groups["category"].Value;
            var amount = AmountReader.Read(text, match.Index, match.Index + match.Length).FirstOrDefault(mention => mention.Role == AmountRole.Investment);
            lines.Add(new ExtractedBreakdown(category, sectorNamed(category), int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture),
                amount?.Amount, amount?.Qualifier));
        }
        return lines;
    }

    [GeneratedRegex(@"(?<n>[0-9]+|[一二三四五六七八九十百]+)个[^，,。；;、]{0,14}?(项目|工程)|项目(?<m>[0-9]+)个")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?<category>[\u4e00-\u9fff]{2,8}?)项目有?(?<n>[0-9]+)个[，,]?(总投资|投资)[^，,。；;]{0,20}?亿(美)?元")]
    private static partial Regex Category();
}
