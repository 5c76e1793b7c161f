using System.Text;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// Substring search over project names (Chinese and English) that an index can serve even for the
/// two-character Chinese queries users type (医疗, 总部): each project stores the pairs of adjacent
/// letters or digits of its names; a query looks up its own pairs with a GIN index
/// (<c>search_tokens @&gt; …</c>) and confirms the substring on <c>search_text</c>.
/// Trigram indexes cannot do this: a two-character query has no trigram.
/// </summary>
public static class ProjectSearch
{
    public static (string[] Tokens, string Text) ForProject(string nameZh, string? nameEn)
    {
        var text = Normalize(nameEn is null ? nameZh : nameZh + "\n" + nameEn);
        return ([.. Pairs(text)], text);
    }

    /// <summary>The tokens a query needs and the LIKE pattern that confirms it; null when the query has no two letters or digits in a row.</summary>
    public static (string[] Tokens, string Pattern)? ForQuery(string query)
    {
        var text = Normalize(query);
        var tokens = Pairs(text);
        return tokens.Count == 0 ? null : ([.. tokens], "%" + EscapeLike(text) + "%");
    }

    /// <summary>A query is searchable when it has two letters or digits in a row (two Chinese characters, or "t3").</summary>
    public static bool IsSearchable(string query) => ForQuery(query) is not null;

    private static string Normalize(string value) => value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Every pair of adjacent letters or digits (each a rune, so characters outside the BMP stay whole).</summary>
    private static HashSet<string> Pairs(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var span = text.AsSpan();
        int previousStart = -1, previousLength = 0;
        for (var index = 0; index < span.Length;)
        {
            int length;
            bool letterOrDigit;
            if (!char.IsSurrogate(span[index]))
            {
                // The common case, Chinese and Latin alike: one UTF-16 unit, looked up in the fast char tables.
                length = 1;
                letterOrDigit = char.IsLetterOrDigit(span[index]);
            }
            else
            {
                Rune.DecodeFromUtf16(span[index..], out var rune, out length);
                letterOrDigit = Rune.IsLetterOrDigit(rune);
            }
            if (letterOrDigit)
            {
                if (previousStart >= 0) pairs.Add(text.Substring(previousStart, previousLength + length));
                (previousStart, previousLength) = (index, length);
            }
            else
            {
                previousStart = -1;
            }
            index += length;
        }
        return pairs;
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
