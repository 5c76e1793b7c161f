using System.Text.RegularExpressions;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>
/// Finds the projects a sentence names: a name ending in 项目 or 工程, with its phase if the text adds one
/// ("智能医疗基地建设项目(一期)"), and lists ("分别为:A、B、C", "A、B及C等项目", <see cref="ListSplitter"/>).
/// A name starts after the words that introduce it (是, 为, 推进, 投资建设, 1.); what remains must be a name, not a
/// kind of project ("重大项目", "延链项目", "21个重大项目", "该项目").
/// </summary>
public static partial class ProjectNameReader
{
    /// <summary>Words after which a name starts ("…最大的是智能医疗基地建设项目", "推进浩川水利总部项目落地").</summary>
    private static readonly string[] Introducers =
    [
        "分别是", "分别为", "其中", "包括", "落地", "投资建设", "开工建设", "启动建设", "推进", "推动", "加快", "引进", "引入", "落户", "签约", "签订", "签署", "开工",
        "竣工", "建成", "完成", "实施", "打造", "建设的", "围绕", "双方", "力争", "支持", "力促", "统筹", "启动", "做好", "实现", "协调", "确保", "加大", "抓好", "全力", "随着", "组织", "吸引", "策划", "参观了", "设立", "成功引入", "正式", "由", "是", "为", "的", "将", "与", "在", "有", "如", "对", "了", "等", "及其", "首个", "一批",
    ];

    /// <summary>Names that say what kind of project, not which one.</summary>
    private static readonly string[] Generic =
    [
        "重点", "重大", "招商", "引资", "重大产业", "重点产业", "新兴产业", "签约", "开工", "在建", "示范", "合作", "路演", "人才", "基建", "功能", "宜居", "配套", "延链", "强链", "补链",
        "新兴", "领域", "优质", "亿元", "以上", "相关", "其他", "上述", "这些", "各类", "城市", "民生", "工业", "制造业", "服务业", "基础设施", "标志性", "引领性",
        "高质量的", "储备", "特色", "科技", "文化", "投资", "拆除", "振兴", "融合", "经济", "消费", "旅游", "惠民", "各项", "政府", "试点", "培育", "前期", "续建", "新建", "竣工", "投产", "入库", "专项债", "PPP",
    ];

    private static readonly string[] NotAStart = ["该", "此", "这", "本", "各", "多个", "一批", "全部", "所有", "部分", "个", "项"];

    /// <summary>
    /// The projects named in text[start..end] (a sentence), in order. With <paramref name="facilities"/> — when the sentence
    /// says something happened (签约, 开工, 投产, 成立) — a name ending in 中心, 平台, 工厂, 基地 or 园 counts too
    /// ("亿纬锂能第十三工厂投产", "汉阳中欧科技金融交流合作中心正式成立"): without such words it is more often a place or an institution.
    /// A facility counts without them where the words around it make it a project: the object of 落地 or 设立 ("就落地华为云…创新中心
    /// 交换意见"), or an item of a numbered list ("2.全国大健康产品交易平台…"). <paramref name="namesAPlace"/> tells a place's name, which
    /// is enough to say which facility it is ("武汉超算中心").
    /// </summary>
    public static IReadOnlyList<NameMention> Read(string text, int start, int end, bool facilities = false, Func<string, bool>? namesAPlace = null)
    {
        var names = new List<NameMention>();
        foreach (var list in Lists(text, start, end)) names.AddRange(list);
        // The regexes see the text up to the sentence's end as their whole input (a span, not a copy of the prefix).
        var matches = new List<(int Index, int End, bool IsFacility)>();
        foreach (var match in Named().EnumerateMatches(text.AsSpan(0, end), start)) matches.Add((match.Index, match.Index + match.Length, false));
        foreach (var match in Facility().EnumerateMatches(text.AsSpan(0, end), start)) matches.Add((match.Index, match.Index + match.Length, true));
        foreach (var (matchIndex, matchEnd, isFacility) in matches)
        {
            var nameStart = NameStart(text, matchIndex, matchEnd);
            if (isFacility && !facilities && !IsIntroducedAsAProject(text, start, nameStart)) continue;
            // "引进一批数字经济产业项目", "A、B等健康产业项目": after a quantity the words say what kind, not which.
            if (Quantity().IsMatch(text.AsSpan(start, nameStart - start))) continue;
            var name = text[nameStart..matchEnd];
            if (!IsAName(name, namesAPlace) || names.Any(known => known.Start <= nameStart && nameStart < known.End)) continue;
            names.Add(new NameMention(nameStart, matchEnd, name));
        }
        foreach (Match match in SetsUp().Matches(text[..end], start))
        {
            var who = match.Groups["who"];
            if (!NamesSomeone(who.Value, namesAPlace) || names.Any(known => known.Start < match.Index + match.Length && match.Index < known.End)) continue;
            names.Add(new NameMention(who.Index, match.Index + match.Length, who.Value + match.Groups["what"].Value));
        }
        return names.OrderBy(name => name.Start).ToList();
    }

    private static bool IsIntroducedAsAProject(string text, int sentenceStart, int nameStart) =>
        ProjectVerb().IsMatch(text.AsSpan(sentenceStart, nameStart - sentenceStart)) || ListNumber().IsMatch(text.AsSpan(sentenceStart, nameStart - sentenceStart));

    /// <summary>"分别为:A、B、C" to the sentence's end; "A、B及C等(N个)项目" from the clause's start.</summary>
    private static IEnumerable<IReadOnlyList<NameMention>> Lists(string text, int start, int end)
    {
        var sentence = text[start..end];
        foreach (Match match in Respectively().Matches(sentence))
        {
            var listStart = start + match.Index + match.Length;
            yield return ListSplitter.Split(text, listStart, end).Where(item => IsAName(item.Name)).ToList();
        }
        foreach (Match match in AndSoOn().Matches(sentence))
        {
            var listEnd = start + match.Index;
            var clauseStart = ListClauseStart(text, start, listEnd);
            var itemsStart = NameStart(text, clauseStart, listEnd, cutAtLastIntroducer: true);
            var items = ListSplitter.Split(text, itemsStart, listEnd).Where(item => IsAName(item.Name)).ToList();
            if (items.Count > 0) yield return items;
        }
    }

    /// <summary>A 、-list may hold commas only if the text itself uses them between names; the clause starts after the last sentence-level mark.</summary>
    private static int ListClauseStart(string text, int sentenceStart, int listEnd)
    {
        var at = listEnd;
        while (at > sentenceStart && text[at - 1] is not ('，' or ',' or '：' or ':' or '。' or '；' or ';' or '!' or '！')) at--;
        return at;
    }

    /// <summary>Where a name ending at <paramref name="end"/> starts: after the last introducing word, the last mark or a leading number ("1.").</summary>
    private static int NameStart(string text, int runStart, int end, bool cutAtLastIntroducer = false)
    {
        var start = runStart;
        while (start > 0 && (IsNameCharacter(text[start - 1]) || IsDecimalPoint(text, start - 1)) && end - start < 60) start--;
        // The name is the words after the last introducer; within a list only its first item carries one.
        var firstItemEnd = cutAtLastIntroducer ? IndexOfAny(text, start, end, '、') : end;
        var best = start;
        var run = Brands().Replace(text[start..firstItemEnd], brand => new string('　', brand.Length));
        foreach (var word in Introducers)
        {
            // "A与B合作项目" is the cooperation of both parties, not B's.
            if (word == "与" && IsCooperation(Suffix().Replace(text[start..end], ""))) continue;
            var at = start + run.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= start && at + word.Length > best && at + word.Length < end - 2) best = at + word.Length;
        }
        start = best;
        // Leading dates and numbers belong to the sentence, not the name: "2021年已完成…", "1.国药控股…".
        var lead = LeadingDate().Match(text, start, end - start);
        if (lead.Success && lead.Index == start) start += lead.Length;
        return start;
    }

    private static int IndexOfAny(string text, int start, int end, char c)
    {
        var at = text.IndexOf(c, start, end - start);
        return at < 0 ? end : at;
    }

    /// <summary>"5.5产业园": a point between digits is part of a name, not the end of a list number ("1.国药…").</summary>
    private static bool IsDecimalPoint(string text, int at) =>
        text[at] == '.' && at > 0 && char.IsAsciiDigit(text[at - 1]) && at + 1 < text.Length && char.IsAsciiDigit(text[at + 1]);

    private static bool IsNameCharacter(char c) =>
        c is >= '\u4e00' and <= '\u9fff' || char.IsAsciiLetterOrDigit(c) || c is '(' or ')' or '（' or '）' or '·' or '-';

    /// <summary>Whether a candidate names one project rather than a kind of them.</summary>
    public static bool IsAName(string name, Func<string, bool>? namesAPlace = null)
    {
        var core = Suffix().Replace(name, "");
        if (core.Length < (core.Length == name.Length ? 2 : 4)) return false;
        if (NotAStart.Any(word => core.StartsWith(word, StringComparison.Ordinal))) return false;
        if (Generic.Any(word => core.EndsWith(word, StringComparison.Ordinal) || core == word) && !IsCooperation(core)) return false;
        if (Counted().IsMatch(core)) return false;
        if (core.Contains("以上", StringComparison.Ordinal)) return false; // a threshold (亿元以上产业项目) says how big, not which
        // A facility's name says whose or which it is before the facility word: "研发中心", "光电子产业园" name none, "武汉超算中心" does.
        var facility = Facility().Matches(name).LastOrDefault();
        var isFacility = facility is not null && facility.Index + facility.Length == name.Length;
        if (isFacility && facility!.Index < 4 && namesAPlace?.Invoke(name[..facility.Index]) != true) return false;
        if (core.Contains('的', StringComparison.Ordinal)) return false;
        if (isFacility && (name.Contains('和', StringComparison.Ordinal) || name.Contains('与', StringComparison.Ordinal))) return false; // two things, not one
        // "带动能力强的项目", "资金转化为项目", "全力加快项目": 项目 as a common noun after a particle or verb.
        if (core.Length > 0 && "的在和着为了与及把对快好实抓做让向到给".Contains(core[^1])) return false;
        return true;
    }

    /// <summary>
    /// "系统生物学研究院与企业合作(项目)": a cooperation that names both its parties is one project; "政府与社会资本合作" (PPP) is a
    /// way of financing, not a party.
    /// </summary>
    /// <param name="core">The name without its 项目/工程 suffix.</param>
    private static bool IsCooperation(string core)
    {
        var and = core.IndexOf('与', StringComparison.Ordinal);
        return core.EndsWith("合作", StringComparison.Ordinal) && !core.EndsWith("社会资本合作", StringComparison.Ordinal) && and >= 2 && core.Length - and - 3 >= 2;
    }

    /// <summary>Words that stand for whoever is meant, not a name: "公司将在…设立研发中心".</summary>
    private static readonly string[] Someone = ["公司", "企业", "集团", "项目", "双方", "我们", "我区", "我市", "全区", "全市", "政府"];

    private static bool NamesSomeone(string who, Func<string, bool>? namesAPlace) =>
        !Someone.Contains(who) && !NotAStart.Any(word => who.StartsWith(word, StringComparison.Ordinal)) && namesAPlace?.Invoke(who) != true;

    /// <summary>
    /// "某某机器人已确定在汉阳设立研发中心": a facility that says only what it is is named by whom it is set up for, the subject
    /// that opens the clause (某某机器人研发中心).
    /// </summary>
    [GeneratedRegex(@"(?<=^|[，,。；;：:\s])(?!已|将|决定)(?<who>[\u4e00-\u9fffA-Za-z0-9]{2,20}?)(已确定|已经|已|将|决定)?在[\u4e00-\u9fff]{2,10}?(设立|建设|布局)(?<what>(华中|区域|华中区域)?总部|研发中心|研发基地|生产基地|结算中心|数据中心)(?![区内外里中])")]
    private static partial Regex SetsUp();

    /// <summary>Brands whose characters would otherwise introduce a name: the 为 of 华为, the 的 of 美的.</summary>
    [GeneratedRegex("华为|美的")]
    private static partial Regex Brands();

    [GeneratedRegex(@"(一批|等|多个|各类)$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"(落地|落户|设立|新建|投资建设|开工建设|启动建设)$")]
    private static partial Regex ProjectVerb();

    [GeneratedRegex(@"^\s*([0-9]{1,2}[.、．]|[(（][0-9一二三四五六七八九十]{1,2}[)）])$")]
    private static partial Regex ListNumber();

    // Not the 工程 of "水利水电工程有限公司" nor the 项目 of "项目部".
    [GeneratedRegex(@"(项目|工程)((\(|（)[一二三四五六七八九十]+期(\)|）))?(?!有限|公司|集团|局|院|师|部|处|技术|管理|学|大学|领域)")]
    private static partial Regex Named();

    // Not the 中心 of "中心城区" or the 园 of "园区": the name ends where the facility word does.
    [GeneratedRegex(@"(创新中心|研发中心|合作中心|金融中心|计算中心|超算中心|数据中心|交易平台|服务平台|工厂|生产基地|产业基地|产业园|软件园|科技园|工业园)(?![区内外里中])")]
    private static partial Regex Facility();

    [GeneratedRegex(@"分别[为是][:：]?")]
    private static partial Regex Respectively();

    [GeneratedRegex(@"等([0-9一二三四五六七八九十百]+[个项])?(重点|重大|示范)?(项目|工程)")]
    private static partial Regex AndSoOn();

    [GeneratedRegex(@"(项目|工程)((\(|（)[一二三四五六七八九十]+期(\)|）))?$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"[0-9一二三四五六七八九十百千]+[个项家所条座]|[0-9]+(亿|万)")]
    private static partial Regex Counted();

    [GeneratedRegex(@"([0-9]+[.、．]|[12][0-9]{3}年([0-9]{1,2}月)?([0-9]{1,2}日)?(已|已经)?|目前|今年|去年|同时|此外|另外)+")]
    private static partial Regex LeadingDate();
}
