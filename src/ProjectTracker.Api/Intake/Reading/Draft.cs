using ProjectTracker.Api.Common.Values;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>
/// A project being read: the facts gathered from every sentence that names it (a project named twice is one draft), and
/// what stays uncertain. The first stated value of a fact stands; a later different one is reported, not taken.
/// </summary>
internal sealed class Draft(int key, string name, string folded)
{
    private readonly List<(int Start, int End)> mentions = [];
    private readonly List<string> uncertainties = [];
    private AmountMention? amount;
    private IReadOnlyList<(string Name, AmountMention Amount)> phases = [];
    private ProjectStatus? status;
    private PartialDate? date;
    private Place? place;
    private bool placeFromContext;
    private Park? park;
    private ProjectKind kind = ProjectKind.Investment;
    private string? sector;
    private readonly List<string> investors = [];

    public int Key => key;
    public string Folded => folded;

    public void Mention((int Start, int End) sentence)
    {
        if (!mentions.Contains(sentence)) mentions.Add(sentence);
    }

    public void Uncertain(string what)
    {
        if (!uncertainties.Contains(what)) uncertainties.Add(what);
    }

    public void SetAmount(AmountMention found, string text)
    {
        if (amount is null)
        {
            amount = found;
            if (found.UpTo is { } upTo) Uncertain($"文中给出范围“{found.Text(text)}”:记为不低于{found.Amount}亿,上限{upTo}亿。");
        }
        else if (amount.Amount != found.Amount || amount.Qualifier != found.Qualifier)
        {
            Uncertain($"文中两处金额不同:“{amount.Text(text)}”与“{found.Text(text)}”,记前者。");
        }
    }

    /// <summary>Phases add up across sentences ("一期…约1亿元;二期…约9亿元"); a phase stated twice keeps its first amount.</summary>
    public void SetPhases(IReadOnlyList<(string Name, AmountMention Amount)> found) =>
        phases = [.. phases, .. found.Where(phase => phases.All(known => known.Name != phase.Name))];

    /// <summary>Whether the draft states anything a record needs: a stage or an amount. A project only visited or mentioned does not.</summary>
    public bool StatesAnything => status is not null || amount is not null || phases.Count > 0;

    public void SetStatus(StatusCue? cue, DateMention? when, string text, DateOnly? publishedOn, bool fromContext)
    {
        // A stage the draft's own sentences stated is not moved by the event a later sentence is about.
        if (cue is null || status is not null && (fromContext || status >= cue.Status || cue.Status == ProjectStatus.Intent)) return;
        var stage = cue.Status;
        // A stage the text states without a date is that stage with its date unknown (empty), never a signing.
        if (StatusReader.NeedsDate(stage) && when is null)
            Uncertain($"文中说“{cue.Word}”,未注明日期:{(stage == ProjectStatus.Started ? "开工" : "竣工")}日期留空(不详),知道时请补上。");
        if (stage == ProjectStatus.Intent) when = null;
        status = stage;
        date = when?.Date;
        if (when is { YearFromPublication: true }) Uncertain($"日期的年份取自发布日期({publishedOn:yyyy-MM-dd}),文中只写了“{text[when.Start..when.End]}”。");
        if (stage == ProjectStatus.Intent && cue.Word is "拟签约" or "意向") Uncertain($"文中为“{cue.Word}”:意向,尚未签约。");
    }

    public void SetPlace(Place? found, bool fromContext, ReferenceSnapshot reference)
    {
        // A place stated for the project stands, unless a later sentence narrows it (江夏 → 江夏经济开发区).
        if (found is null || place is not null && !placeFromContext && (found.Code == place.Code || !reference.IsWithin(found.Code, place.Code))) return;
        place = found;
        placeFromContext = fromContext;
    }

    public void SetPark(Park found) => park ??= found;

    public void SetInvestors(IEnumerable<string> companies)
    {
        foreach (var company in companies)
        {
            var trimmed = company.TrimStart('与', '和', '及', '由');
            if (!investors.Contains(trimmed) && !trimmed.Contains("政府", StringComparison.Ordinal)) investors.Add(trimmed);
        }
    }

    private static readonly (string Word, ProjectKind Kind)[] Kinds =
    [
        ("战略合作", ProjectKind.Cooperation), ("合作", ProjectKind.Cooperation), ("平台", ProjectKind.Platform), ("基金", ProjectKind.Platform),
        ("江滩", ProjectKind.PublicWorks), ("碧道", ProjectKind.PublicWorks), ("湿地", ProjectKind.PublicWorks), ("公园", ProjectKind.PublicWorks),
        ("道路", ProjectKind.PublicWorks), ("大桥", ProjectKind.PublicWorks), ("综合治理", ProjectKind.PublicWorks), ("整治", ProjectKind.PublicWorks),
        ("水库", ProjectKind.PublicWorks), ("管网", ProjectKind.PublicWorks), ("地铁", ProjectKind.PublicWorks), ("学校", ProjectKind.PublicWorks),
    ];

    /// <summary>Industries a name states outright; anything else is left to the reviewer.</summary>
    private static readonly (string Word, string Sector)[] Sectors =
    [
        ("总部", "headquarters"), ("医疗器械", "biomedicine"), ("医药", "biomedicine"), ("金融", "finance"), ("软件", "digital_economy"),
        ("数字经济", "digital_economy"), ("物流", "logistics"), ("新能源汽车", "nev_icv"), ("零部件", "auto_parts"), ("江滩", "ecology"),
        ("碧道", "ecology"), ("湿地", "ecology"), ("商业", "commerce"), ("文旅", "culture_tourism"), ("会展", "exhibitions"),
    ];

    public void SetKindAndSector(string projectName, ReferenceSnapshot reference)
    {
        kind = Kinds.FirstOrDefault(entry => projectName.Contains(entry.Word, StringComparison.Ordinal)).Kind;
        sector = Sectors.FirstOrDefault(entry => projectName.Contains(entry.Word, StringComparison.Ordinal)).Sector;
        if (sector is not null && reference.FindSector(sector) is null) sector = null;
    }

    public ExtractedProject ToExtracted(string text)
    {
        var all = new List<string>(uncertainties);
        if (amount is null && phases.Count == 0) all.Add("投资额文中未注明。");
        if (place is null) all.Add("所在地文中未注明。");
        else if (placeFromContext) all.Add($"所在地取自上下文({place.NameZh}),项目所在句未写明。");
        if (sector is null) all.Add("行业文中未说明:请选择。");
        if (status is null) all.Add("项目所处阶段文中未说明:请选择。");

        var request = new ProjectRequest
        {
            NameZh = name,
            Kind = kind,
            Investors = investors.Count == 0 ? null : investors,
            District = place?.Code,
            Park = park is not null && place is not null && (park.PlaceCode == place.Code) ? park.Code : park?.Code,
            Sector = sector,
            Status = status,
            Amount = amount?.Amount,
            AmountQualifier = amount?.Qualifier,
            Currency = amount?.Currency ?? (phases.Count > 0 ? phases[0].Amount.Currency : null),
            Phases = phases.Count == 0 ? null : phases.Select(phase => new PhaseRequest { Name = phase.Name, Amount = phase.Amount.Amount, Qualifier = phase.Amount.Qualifier }).ToArray(),
            SignedOn = status == ProjectStatus.Signed ? date : null,
            StartedOn = status == ProjectStatus.Started ? date : null,
            CompletedOn = status == ProjectStatus.Completed ? date : null,
        };
        var start = mentions.Min(mention => mention.Start);
        var end = mentions.Max(mention => mention.End);
        var confidence = Math.Max(0.3m, 0.95m - 0.1m * uncertainties.Count - (amount is null && phases.Count == 0 ? 0.05m : 0m) - (status is null ? 0.2m : 0m));
        return new ExtractedProject(key, request, Quote.Of(text, start, end),
            mentions.Select(mention => Quote.Of(text, mention.Start, mention.End)).ToList(), confidence, all);
    }
}
