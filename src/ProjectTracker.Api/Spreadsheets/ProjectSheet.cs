using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>One column of the project spreadsheet: its JSON field, its Chinese header and the other headers it is known by.</summary>
public sealed record ProjectColumn(string Field, string Zh, bool Required = false, params string[] Aliases);

/// <summary>Which headers an export writes: Chinese (项目名称, names such as 江夏区) or English (nameZh, codes such as 420115).</summary>
public enum SheetHeaders
{
    Zh,
    En,
}

/// <summary>
/// The spreadsheet layout of projects, one row per project, shared by import and export so that an exported file
/// imports back to the same projects. Headers are matched in Chinese or as the JSON field names; places, parks and
/// sectors by code, slug or Chinese name; statuses and qualifiers by their API names or Chinese words (签约, 约 …);
/// amounts as numbers in 亿 or as written (约1亿元, 3000万元); dates as yyyy-MM-dd, yyyy-MM, yyyy or 2023年1月31日.
/// </summary>
public static class ProjectSheet
{
    public static readonly ProjectColumn Id = new("id", "编号");
    public static readonly ProjectColumn Version = new("version", "版本");
    public static readonly ProjectColumn NameZh = new("nameZh", "项目名称", Required: true, "名称", "项目");
    public static readonly ProjectColumn NameEn = new("nameEn", "英文名称");
    public static readonly ProjectColumn Kind = new("kind", "类型", false, "项目类型");
    public static readonly ProjectColumn Investors = new("investors", "投资方", false, "投资主体", "投资企业", "签约企业");
    public static readonly ProjectColumn District = new("district", "区", Required: true, "区县", "所在区", "行政区", "地区");
    public static readonly ProjectColumn Park = new("park", "园区", false, "所在园区");
    public static readonly ProjectColumn Sector = new("sector", "行业", Required: true, "产业", "行业分类", "所属行业");
    public static readonly ProjectColumn Status = new("status", "状态", Required: true, "项目状态");
    public static readonly ProjectColumn Amount = new("amount", "投资额(亿元)", false, "投资额", "总投资", "总投资(亿元)", "计划总投资(亿元)", "金额");
    public static readonly ProjectColumn AmountQualifier = new("amountQualifier", "金额性质");
    public static readonly ProjectColumn Currency = new("currency", "币种");
    public static readonly ProjectColumn Phases = new("phases", "分期");
    public static readonly ProjectColumn SignedOn = new("signedOn", "签约日期", false, "签约时间");
    public static readonly ProjectColumn StartedOn = new("startedOn", "开工日期", false, "开工时间");
    public static readonly ProjectColumn CompletedOn = new("completedOn", "竣工日期", false, "竣工时间", "投产日期");
    public static readonly ProjectColumn ProjectCode = new("projectCode", "项目代码");
    public static readonly ProjectColumn LandAreaSqm = new("landAreaSqm", "用地面积(平方米)", false, "用地面积");
    public static readonly ProjectColumn Notes = new("notes", "备注");

    /// <summary>How many of the first <see cref="Columns"/> name the project a row updates (编号, 版本).</summary>
    public const int IdentityColumns = 2;

    /// <summary>
    /// The columns in the order an export writes them. The id and version come first: an import updates the project a row
    /// names by its 编号, if it is still at the row's 版本, and creates a project from a row without one.
    /// </summary>
    public static readonly IReadOnlyList<ProjectColumn> Columns =
    [
        Id, Version, NameZh, NameEn, Kind, Investors, District, Park, Sector, Status, Amount, AmountQualifier, Currency, Phases,
        SignedOn, StartedOn, CompletedOn, ProjectCode, LandAreaSqm, Notes,
    ];

    private static readonly FrozenDictionary<string, ProjectColumn> ByHeader = Columns
        .SelectMany(column => new[] { column.Field, column.Zh }.Concat(column.Aliases).Select(header => (Key: HeaderKey(header), column)))
        .ToFrozenDictionary(entry => entry.Key, entry => entry.column, StringComparer.Ordinal);

    private static readonly Labels<ProjectStatus> StatusLabels = new(
        (ProjectStatus.Intent, "意向", ["洽谈", "在谈"]), (ProjectStatus.Signed, "签约", ["已签约"]),
        (ProjectStatus.Started, "开工", ["已开工", "在建"]), (ProjectStatus.Completed, "竣工", ["已竣工", "投产", "已投产", "建成"]),
        (ProjectStatus.Cancelled, "取消", ["已取消", "终止"]));

    private static readonly Labels<ProjectKind> KindLabels = new(
        (ProjectKind.Investment, "投资", ["招商项目", "产业项目"]), (ProjectKind.Cooperation, "合作", ["战略合作"]),
        (ProjectKind.Platform, "平台", []), (ProjectKind.PublicWorks, "公共工程", ["政府投资", "基础设施"]));

    private static readonly Labels<AmountQualifier> QualifierLabels = new(
        (Common.Values.AmountQualifier.Exact, "精确", []), (Common.Values.AmountQualifier.Approx, "约", ["大约"]),
        (Common.Values.AmountQualifier.AtLeast, "超", ["逾", "不低于", "以上"]), (Common.Values.AmountQualifier.AtMost, "近", ["不超过"]));

    private static readonly Labels<Currency> CurrencyLabels = new(
        (Common.Values.Currency.Cny, "人民币", ["元", "RMB"]), (Common.Values.Currency.Usd, "美元", ["US$"]));

    /// <summary>The column a header names, or null.</summary>
    public static ProjectColumn? Find(string? header) => header is null ? null : ByHeader.GetValueOrDefault(HeaderKey(header));

    public static string Header(ProjectColumn column, SheetHeaders headers) => headers == SheetHeaders.Zh ? column.Zh : column.Field;

    /// <summary>Headers compare without spaces, case or the difference between （） and ().</summary>
    private static string HeaderKey(string header) =>
        header.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim().ToLowerInvariant();

    /// <summary>A row as a project request, with a message for each cell that cannot be read (the validator judges the rest).</summary>
    public static ProjectRequest ToRequest(IReadOnlyDictionary<ProjectColumn, string?> cells, ReferenceSnapshot reference, List<(ProjectColumn Column, string Message)> problems)
    {
        string? Text(ProjectColumn column) => cells.TryGetValue(column, out var value) ? Common.Text.Clean(TrimFormulaEscape(value)) : null;

        T? Label<T>(ProjectColumn column, Labels<T> labels) where T : struct, Enum
        {
            if (Text(column) is not { } text) return null;
            if (labels.Find(text) is { } value) return value;
            problems.Add((column, $"'{Shorten(text)}' is not one of {labels.Describe()}."));
            return null;
        }

        PartialDate? Date(ProjectColumn column)
        {
            if (Text(column) is not { } text) return null;
            if (DateText.TryParse(text, out var date)) return date;
            problems.Add((column, $"'{Shorten(text)}' is not a date: write 2023-01-31, 2023-01, 2023 or 2023年1月31日."));
            return null;
        }

        decimal? Number(ProjectColumn column)
        {
            if (Text(column) is not { } text) return null;
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)) return number;
            problems.Add((column, $"'{Shorten(text)}' is not a number."));
            return null;
        }

        var currency = Label(Currency, CurrencyLabels);
        var qualifier = Label(AmountQualifier, QualifierLabels);
        decimal? amount = null;
        if (Text(Amount) is { } amountText)
        {
            if (AmountText.TryParse(amountText, out var parsed))
            {
                amount = parsed.Amount;
                qualifier ??= parsed.Qualifier;
                if (parsed.Currency is { } stated && currency is { } given && stated != given)
                    problems.Add((Amount, $"'{amountText}' is in {EnumNames.Of(stated)} but the currency column says {EnumNames.Of(given)}."));
                currency ??= parsed.Currency;
            }
            else
            {
                problems.Add((Amount, $"'{Shorten(amountText)}' is not an amount: write 24.5 (亿), 约1亿元, 超10亿元 or 3000万元."));
            }
        }

        return new ProjectRequest
        {
            NameZh = Text(NameZh),
            NameEn = Text(NameEn),
            Kind = Label(Kind, KindLabels) ?? ProjectKind.Investment,
            Investors = Text(Investors)?.Split(['；', ';', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            District = Text(District) is { } place ? reference.FindPlace(place)?.Code ?? place : null,
            Park = Text(Park) is { } park ? reference.FindParkByAnyName(park)?.Code ?? park : null,
            Sector = Text(Sector) is { } sector ? reference.FindSectorByAnyName(sector)?.Code ?? sector : null,
            Status = Label(Status, StatusLabels),
            Amount = amount,
            AmountQualifier = amount is null ? qualifier : qualifier ?? Common.Values.AmountQualifier.Exact,
            Currency = currency,
            Phases = Text(Phases) is { } phases ? ReadPhases(phases, problems) : null,
            SignedOn = Date(SignedOn),
            StartedOn = Date(StartedOn),
            CompletedOn = Date(CompletedOn),
            ProjectCode = Text(ProjectCode),
            LandAreaSqm = Number(LandAreaSqm),
            Notes = Text(Notes),
        };
    }

    /// <summary>
    /// The project a row updates (its 编号, and the 版本 it was exported at, which must still be current), or null for a row
    /// that creates one; a message for each cell that cannot be read.
    /// </summary>
    public static (long Id, int Version)? ToIdentity(IReadOnlyDictionary<ProjectColumn, string?> cells, List<(ProjectColumn Column, string Message)> problems)
    {
        string? Text(ProjectColumn column) => cells.TryGetValue(column, out var value) ? Common.Text.Clean(value) : null;
        if (Text(Id) is not { } idText) return null;
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            problems.Add((Id, $"'{Shorten(idText)}' is not a project's 编号: leave it empty to create a project, or keep the number an export wrote."));
            return null;
        }
        if (Text(Version) is not { } versionText)
        {
            problems.Add((Version, $"a row with 编号 {id} updates that project, so it needs the 版本 it was exported at: export the projects again and edit that file."));
            return null;
        }
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            problems.Add((Version, $"'{Shorten(versionText)}' is not a 版本: keep the number the export wrote."));
            return null;
        }
        return (id, version);
    }

    /// <summary>A project's cells in <see cref="Columns"/> order: numbers as decimals, everything else as text.</summary>
    public static object?[] ToCells(Project project, SheetHeaders headers, ReferenceSnapshot reference)
    {
        var zh = headers == SheetHeaders.Zh;
        return
        [
            project.Id,
            project.Version,
            project.NameZh,
            project.NameEn,
            zh ? KindLabels.Name(project.Kind) : EnumNames.Of(project.Kind),
            project.Investors.Count == 0 ? null : string.Join("；", project.Investors),
            zh ? PlaceNameZh(project.District, reference) : project.District.Code,
            project.Park is null ? null : zh ? project.Park.NameZh : project.Park.Code,
            zh ? project.Sector.NameZh : project.Sector.Code,
            zh ? StatusLabels.Name(project.Status) : EnumNames.Of(project.Status),
            project.Amount,
            project.AmountQualifier is { } qualifier ? zh ? QualifierLabels.Name(qualifier) : EnumNames.Of(qualifier) : null,
            zh ? CurrencyLabels.Name(project.Currency) : EnumNames.Of(project.Currency),
            project.Phases.Count == 0 ? null : string.Join("；", project.Phases.Select(phase =>
                phase.Amount is { } amount ? $"{phase.Name}={AmountText.Format(amount, phase.Qualifier)}" : phase.Name)),
            project.SignedOn?.ToString(),
            project.StartedOn?.ToString(),
            project.CompletedOn?.ToString(),
            project.ProjectCode,
            project.LandAreaSqm,
            project.Notes,
        ];
    }

    /// <summary>A place as a Chinese sheet names it: a name other places share after its parent's (武汉市青山区), so it reads back.</summary>
    private static string PlaceNameZh(NamedRef place, ReferenceSnapshot reference) =>
        reference.FindPlace(place.Code) is { } known ? reference.UnambiguousNameZh(known) : place.NameZh;

    /// <summary>"一期=约1；二期=约9" (amounts in 亿, qualifier words as in amounts); a phase without an amount is just its name.</summary>
    private static PhaseRequest[] ReadPhases(string text, List<(ProjectColumn Column, string Message)> problems)
    {
        var phases = new List<PhaseRequest>();
        foreach (var part in text.Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                phases.Add(new PhaseRequest { Name = part });
                continue;
            }
            if (!AmountText.TryParse(part[(equals + 1)..], out var parsed))
            {
                problems.Add((Phases, $"'{Shorten(part)}' is not a phase: write 一期=约1；二期=约9 (amounts in 亿)."));
                continue;
            }
            phases.Add(new PhaseRequest { Name = part[..equals].Trim(), Amount = parsed.Amount, Qualifier = parsed.Qualifier ?? Common.Values.AmountQualifier.Exact });
        }
        return [.. phases];
    }

    /// <summary>Exported CSV escapes text that looks like a formula with a leading apostrophe; reading it back removes it.</summary>
    private static string? TrimFormulaEscape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>An enum's API names and Chinese words, for reading and writing cells.</summary>
    private sealed class Labels<T> where T : struct, Enum
    {
        private readonly FrozenDictionary<string, T> byText;
        private readonly FrozenDictionary<T, string> names;

        public Labels(params (T Value, string Name, string[] Aliases)[] labels)
        {
            names = labels.ToFrozenDictionary(label => label.Value, label => label.Name);
            byText = labels.SelectMany(label => new[] { EnumNames.Of(label.Value), label.Name }.Concat(label.Aliases).Select(text => (Key: text.ToLowerInvariant(), label.Value)))
                .ToFrozenDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        }

        public T? Find(string text) => byText.TryGetValue(text.Trim().ToLowerInvariant(), out var value) ? value : null;

        public string Name(T value) => names[value];

        public string Describe() => string.Join(", ", names.Select(pair => $"{EnumNames.Of(pair.Key)} ({pair.Value})"));
    }
}
