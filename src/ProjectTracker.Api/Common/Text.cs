using System.Globalization;
using System.Text;

namespace ProjectTracker.Api.Common;

/// <summary>Text as the API stores it.</summary>
public static class Text
{
    /// <summary>Trimmed and in Unicode normal form C (so 项目 typed two ways is stored one way); blank becomes null.</summary>
    public static string? Clean(string? value)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        if (trimmed.Length == 0) return null;
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    public static IReadOnlyList<string>? Clean(IReadOnlyList<string?>? values) =>
        values?.Select(Clean).OfType<string>().ToArray();

    /// <summary>Control characters and broken surrogate pairs have no place in stored text.</summary>
    public static bool HasControlCharacters(string? value)
    {
        if (value is null) return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>Names are one line.</summary>
    public static bool IsSingleLine(string? value) => value is null || value.IndexOfAny(['\n', '\r', '\t']) < 0;

    /// <summary>
    /// Compatibility-folded (full-width to half-width), lower-case, letters and digits only:
    /// "智能医疗基地建设项目（一期）" and "智能医疗基地建设项目(一期) " compare equal.
    /// </summary>
    public static string Fold(string value)
    {
        var folded = value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
