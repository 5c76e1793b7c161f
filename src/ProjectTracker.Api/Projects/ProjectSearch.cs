using System.Globalization;
using System.Text;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// Substring search over project names and investors that an index can serve even for the
/// two-character Chinese queries users type (医疗, 总部): each project stores the bigrams of its
/// words (and the single characters of CJK words); a query looks up its own bigrams with a GIN
/// index (<c>search_tokens @&gt; …</c>) and confirms the substring on <c>search_text</c>.
/// Trigram indexes cannot do this: a two-character query has no trigram.
/// </summary>
public static class ProjectSearch
{
    public static (string[] Tokens, string Text) ForProject(string nameZh, string? nameEn, IEnumerable<string> investors)
    {
        var text = Normalize(string.Join('\n', new[] { nameZh, nameEn ?? "" }.Concat(investors)));
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (IsCjk(word[i])) tokens.Add(word[i]);
                if (i + 1 < word.Length) tokens.Add(word[i] + word[i + 1]);
            }
        }
        return ([.. tokens.Order(StringComparer.Ordinal)], text);
    }

    /// <summary>The tokens a query needs and the LIKE pattern that confirms it; null when the query has nothing to look up.</summary>
    public static (string[] Tokens, string Pattern)? ForQuery(string query)
    {
        var text = Normalize(query);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (word.Length == 1)
            {
                if (!IsCjk(word[0])) continue;
                tokens.Add(word[0]);
            }
            for (var i = 0; i + 1 < word.Length; i++) tokens.Add(word[i] + word[i + 1]);
        }
        if (tokens.Count == 0) return null;
        return ([.. tokens], "%" + EscapeLike(text) + "%");
    }

    /// <summary>A query is searchable when it has two letters or digits in a row, or one Chinese character.</summary>
    public static bool IsSearchable(string query) => ForQuery(query) is not null;

    private static string Normalize(string value) => value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Runs of letters and digits, as arrays of text elements (so a character outside the BMP stays whole).</summary>
    private static IEnumerable<string[]> Words(string text)
    {
        var word = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (Rune.TryGetRuneAt(element, 0, out var rune) && Rune.IsLetterOrDigit(rune))
            {
                word.Add(element);
            }
            else if (word.Count > 0)
            {
                yield return [.. word];
                word.Clear();
            }
        }
        if (word.Count > 0) yield return [.. word];
    }

    private static bool IsCjk(string element) =>
        Rune.TryGetRuneAt(element, 0, out var rune) && rune.Value is (>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
