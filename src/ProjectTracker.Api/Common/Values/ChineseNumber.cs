namespace ProjectTracker.Api.Common.Values;

/// <summary>
/// Whole numbers as Chinese writes them before a unit: 三十 (30), 百 (100, as in 超百亿元), 一百二十 (120), 两千 (2000),
/// 三千五 is not read (a colloquial shortening that names no unit for its last digit).
/// </summary>
public static class ChineseNumber
{
    private const string Digits = "零〇一二两三四五六七八九";

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text)) return false;
        decimal total = 0;
        int? digit = null;
        foreach (var c in text)
        {
            var index = Digits.IndexOf(c);
            if (index >= 0)
            {
                if (digit is not null && digit != 0) return false; // two digits in a row: 三五
                digit = index switch { 0 or 1 => 0, 2 => 1, 3 or 4 => 2, _ => index - 2 };
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return false;
            total += (digit ?? 1) * unit; // 十 alone is 10, 百 alone 100
            digit = null;
        }
        if (digit is { } last) total += last;
        value = total;
        return total > 0;
    }
}
