namespace ProjectTracker.Api.Intake.Reading;

/// <summary>What an amount in a text is. Only <see cref="Investment"/> becomes a project's or a batch's amount.</summary>
public enum AmountRole
{
    /// <summary>总投资, 投资, 投资额, 签约额: what is invested.</summary>
    Investment,
    /// <summary>An amount with no word saying what it is: never used as an investment.</summary>
    Unstated,
    /// <summary>注册资本: a company's capital, not an investment.</summary>
    RegisteredCapital,
    /// <summary>"投资10亿元以上项目": a bound on each project of a group, not any project's amount.</summary>
    PerProjectThreshold,
    /// <summary>力争, 目标, 计划引进: what is hoped for.</summary>
    Target,
    /// <summary>到位资金, 实际利用外资, FDI: money that has arrived, not what was signed.</summary>
    ActualFunds,
    /// <summary>授信, 贷款, 基金: finance, not investment.</summary>
    Finance,
    /// <summary>产值, 营收, 规模, 税收: output and turnover.</summary>
    Output,
}

/// <summary>
/// The words before and after an amount decide what it is. Read within its clause (up to the previous comma), so that
/// "注册资本50亿元,其华中区域总部计划投资超百亿元" gives capital first and investment second.
/// </summary>
public static class AmountRoles
{
    private static readonly (string Word, AmountRole Role)[] Before =
    [
        ("注册资本", AmountRole.RegisteredCapital), ("注册资金", AmountRole.RegisteredCapital),
        ("到位资金", AmountRole.ActualFunds), ("资金到位", AmountRole.ActualFunds), ("实际利用外资", AmountRole.ActualFunds),
        ("利用外资", AmountRole.ActualFunds), ("FDI", AmountRole.ActualFunds), ("到资", AmountRole.ActualFunds),
        ("授信", AmountRole.Finance), ("贷款", AmountRole.Finance), ("融资", AmountRole.Finance), ("资助", AmountRole.Finance), ("补贴", AmountRole.Finance), ("奖励", AmountRole.Finance),
        ("产值", AmountRole.Output), ("营收", AmountRole.Output), ("收入", AmountRole.Output), ("销售额", AmountRole.Output),
        ("税收", AmountRole.Output), ("日均", AmountRole.Output), ("增加值", AmountRole.Output), ("规模", AmountRole.Output), ("总额", AmountRole.Output),
        ("力争", AmountRole.Target), ("目标", AmountRole.Target), ("争取", AmountRole.Target), ("计划引进", AmountRole.Target),
        ("不小于", AmountRole.Target), ("预计实现", AmountRole.Target),
        ("总投资", AmountRole.Investment), ("投资额", AmountRole.Investment), ("投资总额", AmountRole.Investment), ("投资总金额", AmountRole.Investment),
        ("签约额", AmountRole.Investment), ("签约金额", AmountRole.Investment), ("签约投资", AmountRole.Investment), ("投资", AmountRole.Investment),
    ];

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create("，,。;；、");

    private static readonly string[] ClauseEnds = ["，", ",", "。", ";", "；", "!", "！", "?", "？", "\n"];

    public static AmountRole Of(string text, int start, int end)
    {
        var after = text.AsSpan(end, Math.Min(8, text.Length - end));
        // "投资10亿元以上项目", "亿元以上招商项目": a bound every project of the group passes.
        if (IsThreshold(text, end)) return AmountRole.PerProjectThreshold;
        if (after.StartsWith("基金") || after.StartsWith("的产业") && after.Contains("基金", StringComparison.Ordinal)) return AmountRole.Finance;
        if (after.StartsWith("授信") || after.StartsWith("金融授信")) return AmountRole.Finance;

        var clauseStart = ClauseStart(text, start);
        var clause = text[clauseStart..start];
        // The nearest word wins: "注册资本50亿元" is capital even after 投资 earlier in the clause.
        var best = (Position: -1, Role: AmountRole.Unstated);
        foreach (var (word, role) in Before)
        {
            var at = clause.LastIndexOf(word, StringComparison.Ordinal);
            if (at < 0) continue;
            var endOfWord = at + word.Length;
            if (endOfWord > best.Position || endOfWord == best.Position && word.Length > 2) best = (endOfWord, role);
        }
        // A target word anywhere before, in the same clause, makes any figure in it hoped for, not done.
        if (best.Role == AmountRole.Investment && (clause.Contains("力争", StringComparison.Ordinal) || clause.Contains("目标", StringComparison.Ordinal)
                                                   || clause.Contains("计划引进", StringComparison.Ordinal) || clause.Contains("争取", StringComparison.Ordinal)))
            return AmountRole.Target;
        return best.Role;
    }

    private static bool IsThreshold(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(12, text.Length - end));
        var above = rest.StartsWith("以上") || text.AsSpan(0, end).EndsWith("以上");
        if (!above) return false;
        var stop = rest.IndexOfAny(ClauseMarks);
        var words = stop < 0 ? rest : rest[..stop];
        return words.Contains("项目", StringComparison.Ordinal) || words.Contains("企业", StringComparison.Ordinal);
    }

    internal static int ClauseStart(string text, int position)
    {
        var start = 0;
        foreach (var end in ClauseEnds)
        {
            var at = text.LastIndexOf(end, Math.Max(0, position - 1), StringComparison.Ordinal);
            if (at >= 0 && at + end.Length > start) start = at + end.Length;
        }
        return Math.Min(start, position);
    }
}
