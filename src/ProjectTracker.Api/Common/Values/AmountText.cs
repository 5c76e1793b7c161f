using System.Globalization;
using System.Text.RegularExpressions;

namespace ProjectTracker.Api.Common.Values;

/// <summary>
/// Amounts as staff and documents write them: "24.5", "24.5亿元", "约1亿元", "超2100亿元", "不低于10亿",
/// "近5亿元", "3000万元", "5.6亿美元", and as running text writes them: "三十亿元", "超百亿元", "10余亿元", "5亿元左右".
/// The result is in 亿 of its currency, exact (decimal arithmetic).
/// </summary>
public static partial class AmountText
{
    public readonly record struct Parsed(decimal Amount, AmountQualifier? Qualifier, Currency? Currency);

    private static readonly (string Word, AmountQualifier Qualifier)[] Prefixes =
    [
        ("不低于", AmountQualifier.AtLeast), ("不少于", AmountQualifier.AtLeast), ("不超过", AmountQualifier.AtMost),
        ("约", AmountQualifier.Approx), ("大约", AmountQualifier.Approx), ("超过", AmountQualifier.AtLeast), ("超", AmountQualifier.AtLeast),
        ("逾", AmountQualifier.AtLeast), ("近", AmountQualifier.AtMost), ("接近", AmountQualifier.AtMost),
    ];

    /// <summary>
    /// Reads an amount. The qualifier is null when the text states none (a plain number); the currency is null unless
    /// the unit names one (元 → CNY, 美元 → USD). Units: 亿 (default), 万 (1/10,000 亿), 元 (1/100,000,000 亿).
    /// </summary>
    public static bool TryParse(string? text, out Parsed parsed)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var rest = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);

        AmountQualifier? qualifier = null;
        foreach (var (word, meaning) in Prefixes.OrderByDescending(prefix => prefix.Word.Length))
        {
            if (!rest.StartsWith(word, StringComparison.Ordinal)) continue;
            qualifier = meaning;
            rest = rest[word.Length..].TrimStart();
            break;
        }
        foreach (var (suffix, meaning) in new[] { ("以上", AmountQualifier.AtLeast), ("多", AmountQualifier.AtLeast), ("左右", AmountQualifier.Approx) })
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                qualifier ??= meaning;
                rest = rest[..^suffix.Length].TrimEnd();
            }
        }

        var match = NumberAndUnit().Match(rest);
        if (!match.Success) return false;
        var digits = match.Groups["number"].Value;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) &&
            !ChineseNumber.TryParse(digits, out number)) return false;
        // "10余亿元", "20多亿元": more than the number.
        if (match.Groups["more"].Success) qualifier ??= AmountQualifier.AtLeast;

        var unit = match.Groups["unit"].Value;
        Currency? currency = unit.Contains("美元", StringComparison.Ordinal) ? Currency.Usd
            : unit.EndsWith('元') ? Currency.Cny : null;
        var scale = unit.StartsWith('万') ? 0.0001m : unit is "元" or "美元" ? 0.00000001m : 1m;
        parsed = new Parsed(number * scale, qualifier, currency);
        return true;
    }

    /// <summary>The text of an amount in 亿 as <see cref="TryParse"/> reads it back: "约1", "超2100", "24.5".</summary>
    public static string Format(decimal amount, AmountQualifier? qualifier) => qualifier switch
    {
        AmountQualifier.Approx => "约",
        AmountQualifier.AtLeast => "超",
        AmountQualifier.AtMost => "近",
        _ => "",
    } + amount.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<number>[0-9]+(\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(?<more>余|多)?\s*(?<unit>亿元|亿美元|亿|万元|万美元|万|元|美元)?$")]
    private static partial Regex NumberAndUnit();
}
