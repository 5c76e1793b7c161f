using System.Text.RegularExpressions;
using ProjectTracker.Api.Common.Values;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>An amount as running text states it, where it stands, and what the words before it make of it.</summary>
/// <param name="Start">Offset of its first character in the text read.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Qualifier">How exact: a range reads as at least its lower end.</param>
/// <param name="Currency">CNY unless the unit says 美元.</param>
/// <param name="Amount">In 亿 of its currency; for a range, the lower end.</param>
/// <param name="UpTo">For a range (10-20亿元), the upper end.</param>
/// <param name="Role">What the amount is: an investment, registered capital, a target, a bound on each project …</param>
public sealed record AmountMention(int Start, int End, decimal Amount, AmountQualifier Qualifier, Currency Currency, decimal? UpTo, AmountRole Role)
{
    public string Text(string source) => source[Start..End];
}

/// <summary>
/// Finds the amounts in a sentence — "总投资217.24亿元", "约1亿元", "超百亿元", "10-20亿元", "5.6亿美元" — reading each with
/// <see cref="AmountText"/> and telling, from the words around it, what kind of figure it is (<see cref="AmountRoles"/>).
/// </summary>
public static partial class AmountReader
{
    public static IReadOnlyList<AmountMention> Read(string text, int from = 0, int to = -1)
    {
        if (to < 0) to = text.Length;
        var mentions = new List<AmountMention>();
        foreach (Match match in Amount().Matches(text[..to], from))
        {
            var low = match.Groups["prefix"].Value + match.Groups["low"].Value + match.Groups["more"].Value + match.Groups["unit"].Value + match.Groups["suffix"].Value;
            if (!AmountText.TryParse(low, out var parsed)) continue;
            decimal? upTo = null;
            if (match.Groups["high"].Success)
            {
                if (!AmountText.TryParse(match.Groups["high"].Value + match.Groups["unit"].Value, out var high) || high.Amount <= parsed.Amount) continue;
                upTo = high.Amount;
            }
            var qualifier = upTo is not null ? AmountQualifier.AtLeast : parsed.Qualifier ?? AmountQualifier.Exact;
            var role = AmountRoles.Of(text, match.Index, match.Index + match.Length);
            mentions.Add(new AmountMention(match.Index, match.Index + match.Length, parsed.Amount, qualifier, parsed.Currency ?? Currency.Cny, upTo, role));
        }
        return mentions;
    }

    // Bare 万 is left out: "53.3万平方米" is an area. A unit must name 元 or be 亿.
    [GeneratedRegex(@"(?<prefix>不低于|不少于|不超过|大约|约|超过|超|逾|接近|近)?(?<low>[0-9]+(?:\.[0-9]+)?|[〇一二两三四五六七八九十百千]+)(?:(?:-|—|－|~|～|至|到)(?<high>[0-9]+(?:\.[0-9]+)?|[〇一二两三四五六七八九十百千]+))?(?<more>余|多)?(?<unit>亿美元|万美元|亿元|万元|美元|元|亿)(?<suffix>以上|左右)?")]
    private static partial Regex Amount();
}
