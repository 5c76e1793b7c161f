using System.Text.RegularExpressions;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Values;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>
/// From a document's text to draft projects and reported batches, every fact with the words it comes from. It reads
/// sentence by sentence and carries what earlier sentences established — the event (a groundbreaking on 1月31日), its
/// place, the project just named — to the sentences that refer back to them ("此次集中开工…", "该项目位于…", "项目分两期建设").
/// It never fills in what the text does not say: a missing fact stays null and the draft says what is uncertain.
/// </summary>
public sealed partial class IntakeExtractor(ReferenceSnapshot reference)
{
    private readonly PlaceResolver places = new(reference);

    public Extraction Extract(string text, DateOnly? publishedOn)
    {
        var reading = new Reading(text, publishedOn, places, reference);
        foreach (var paragraph in Paragraphs(text))
        {
            if (IsHeading(text, paragraph)) reading.StartArticle();
            foreach (var sentence in Sentences(text, paragraph)) reading.Read(sentence);
        }
        return reading.Result();
    }

    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            if (end > start) yield return (start, end);
            start = end + 1;
        }
    }

    private static bool IsHeading(string text, (int Start, int End) paragraph) =>
        paragraph.End - paragraph.Start < 40 && text.AsSpan(paragraph.Start, paragraph.End - paragraph.Start).IndexOfAny(SentenceEnds) < 0;

    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？!?；");

    private static IEnumerable<(int Start, int End)> Sentences(string text, (int Start, int End) paragraph)
    {
        var start = paragraph.Start;
        for (var i = paragraph.Start; i < paragraph.End; i++)
        {
            if (text[i] is '。' or '！' or '？' or '!' or '?' or '；' or ';' || i == paragraph.End - 1)
            {
                yield return (start, i + 1);
                start = i + 1;
            }
        }
    }

    /// <summary>A part of a government work report: the review of a year (Year, or none for several years) or the plans.</summary>
    private sealed record ReportPart(bool IsPlan, DateMention? Year);

    /// <summary>What earlier sentences established: the event under way, its date and place, the batch it reports.</summary>
    private sealed record Context(StatusCue? Cue, DateMention? Date, Place? Place, int? Batch)
    {
        public static readonly Context None = new(null, null, null, null);
    }

    /// <summary>The state of one document's reading.</summary>
    private sealed class Reading(string text, DateOnly? publishedOn, PlaceResolver places, ReferenceSnapshot reference)
    {
        private readonly Place? city = places.CityOf(text, 0, text.Length);
        private readonly List<Draft> drafts = [];
        private readonly List<ExtractedBatch> batches = [];
        private IReadOnlyList<PlaceMention>? allPlaces;
        private Draft? lastNamed;
        private Context Context { get; set; } = Context.None;
        private ReportPart? reportPart;

        /// <summary>A heading starts a new article (a digest holds several): nothing carries over.</summary>
        public void StartArticle()
        {
            Context = Context.None;
            lastNamed = null;
            reportPart = null;
        }

        /// <summary>Every place named, each paragraph read with its own city's short names (a digest's articles are about different cities).</summary>
        private IReadOnlyList<PlaceMention> AllPlaces => allPlaces ??= Paragraphs(text)
            .SelectMany(paragraph => places.Find(text, paragraph.Start, paragraph.End, places.CityOf(text, paragraph.Start, paragraph.End) ?? city)).ToList();

        /// <summary>The place most of the document's districts and zones are: the author's, in a district's report.</summary>
        private Place? DocumentPlace => documentPlace ??= AllPlaces.Select(PlaceOf).OfType<Place>().Where(place => PlaceResolver.Depth(place) >= 2)
            .GroupBy(place => place.Code).OrderByDescending(group => group.Count()).FirstOrDefault()?.First() ?? city;
        private Place? documentPlace;

        private Place? PlaceOf(PlaceMention mention) => mention.Place ?? (mention.Park is { } park ? places.PlaceOf(park) : null);

        public void Read((int Start, int End) sentence)
        {
            var (start, end) = sentence;
            reportPart = ReportPartAt(start, end) ?? reportPart;
            // A date after publication is a plan ("到2025年"), never the day something happened.
            var dates = DateReader.Read(text, publishedOn, start, end).Where(date => publishedOn is not { } published || date.Date.Start <= published).ToList();
            // A park is a place projects are in, not a project (5.5产业园, 龙阳湖健康谷).
            var candidates = ProjectNameReader.Read(text, start, end, facilities: true, places.IsPlaceName);
            var happened = StatusReader.Read(text, start, end, candidates) is { Status: not ProjectStatus.Intent };
            var names = (happened ? candidates : ProjectNameReader.Read(text, start, end, namesAPlace: places.IsPlaceName))
                .Where(name => !IsTarget(name, start) && reference.FindParkByAnyName(name.Name) is null).ToList();
            var cue = StatusReader.Read(text, start, end, names);
            var sentencePlace = Narrowest(start, end, exclude: names);
            if (cue is not null && dates.Count > 0)
            {
                Context = new Context(cue, DateBefore(dates, cue.At), sentencePlace ?? Context.Place, null);
            }
            // A sentence naming the city does not undo the district the article is about (武汉市第五医院 in a 汉阳区 article).
            else if (sentencePlace is not null && (Context.Place is null || !reference.IsWithin(Context.Place.Code, sentencePlace.Code)))
            {
                Context = Context with { Place = sentencePlace };
            }

            var isBatch = false;
            // A count in a report's plans ("新引进亿元以上产业项目30个") is a target, no batch.
            if (reportPart is not { IsPlan: true } && BatchReader.Read(text, start, end) is { } batch && !Restates(batch))
            {
                AddBatch(batch, start, end, dates, sentencePlace);
                // "A、B等12个项目集中开工" names some of the batch's projects: they are read below, the batch's total not theirs.
                isBatch = true;
            }
            if (!isBatch && Context.Batch is { } current && BatchReader.Breakdown(text, start, end, SectorNamed) is { Count: > 0 } lines)
            {
                batches[current] = batches[current] with { Breakdown = [.. batches[current].Breakdown, .. lines] };
                return;
            }

            if (names.Count == 0)
            {
                if (lastNamed is not null && RefersBack(start, end)) AttachDetails(lastNamed, start, end);
                return;
            }
            for (var i = 0; i < names.Count; i++)
            {
                var next = i + 1 < names.Count ? names[i + 1].Start : end;
                var isList = names.Count > 1 && names.Skip(1).Any(other => other.Start - names[i].End <= 2) || names.Count > 1 && i > 0 && names[i].Start - names[i - 1].End <= 2;
                Add(names[i], next, sharesTheTotal: isList || isBatch, start, end, dates, cue, names);
            }
        }

        private bool RefersToEvent(int start, int end)
        {
            var words = text[start..end];
            return words.Contains("此次", StringComparison.Ordinal) || words.Contains("本次", StringComparison.Ordinal) || words.Contains("这次", StringComparison.Ordinal)
                   || words.Contains("其中", StringComparison.Ordinal) || words.Contains("上述", StringComparison.Ordinal);
        }

        /// <summary>A name in a target's clause ("力争引进新能源产业链项目不低于15个") is hoped for, not itemised.</summary>
        private bool IsTarget(NameMention name, int sentenceStart)
        {
            var clause = text[Math.Max(sentenceStart, AmountRoles.ClauseStart(text, name.Start))..name.Start];
            return TargetWords.Any(word => clause.Contains(word, StringComparison.Ordinal));
        }

        // Projects visited or studied elsewhere ("参观了…等项目") are not the document's projects either.
        private static readonly string[] TargetWords = ["力争", "参观", "考察了", "争取", "计划引进", "目标"];

        /// <summary>A sentence that goes on about the project just named: "该项目位于…", "项目分两期建设,一期…".</summary>
        private bool RefersBack(int start, int end)
        {
            var words = text[start..end].TrimStart();
            return words.StartsWith("该项目", StringComparison.Ordinal) || words.StartsWith("项目", StringComparison.Ordinal)
                   || Phase().Match(words) is { Success: true, Index: 0 }
                   || words.StartsWith("根据", StringComparison.Ordinal) && Phase().IsMatch(words)
                   || words.StartsWith("其中", StringComparison.Ordinal) && Phase().IsMatch(words);
        }

        /// <summary>Facts from a sentence about the project just named: its amount, phases, place and park.</summary>
        private void AttachDetails(Draft draft, int start, int end)
        {
            draft.Mention(Trim(start, end));
            var phases = Phases(start, end);
            if (phases.Count > 0) draft.SetPhases(phases);
            else if (AmountReader.Read(text, start, end).FirstOrDefault(mention => mention.Role == AmountRole.Investment) is { } amount) draft.SetAmount(amount, text);
            var whole = new NameMention(start, start, "");
            if (Narrowest(start, end, exclude: []) is { } place && PlaceResolver.Depth(place) >= 2) draft.SetPlace(place, fromContext: false, reference);
            if (ParkFor(whole, start, end) is { } park) draft.SetPark(park);
        }

        /// <summary>"在拟签约的12个项目中…": the batch the article already reported, said again.</summary>
        private bool Restates(BatchSentence batch) =>
            Context.Batch is { } current && batches[current].Kind == batch.Kind && batches[current].ReportedProjectCount == batch.ProjectCount;

        private void AddBatch(BatchSentence batch, int start, int end, IReadOnlyList<DateMention> dates, Place? sentencePlace)
        {
            var uncertainties = new List<string>();
            var date = dates.Count > 0 ? dates[0] : null;
            if (date is null && Context.Date is { } contextDate) date = contextDate;
            date ??= reportPart?.Year;
            if (date is { YearFromPublication: true }) uncertainties.Add($"日期的年份取自发布日期({publishedOn:yyyy-MM-dd}),文中只写了“{text[date.Start..date.End]}”。");
            if (batch.Planned) uncertainties.Add("文中为拟签约:尚未签约。");
            if (batch.ProjectCount is null) uncertainties.Add("文中未给出项目个数。");
            if (batch.Amount is null) uncertainties.Add("文中未给出总投资。");
            var place = sentencePlace ?? Context.Place ?? DocumentPlace;
            if (sentencePlace is null) uncertainties.Add(place is null ? "所在地文中未注明。" : $"所在地取自上下文({place.NameZh}),本句未写明。");
            var key = batches.Count;
            var (quoteStart, quoteEnd) = Trim(start, end);
            batches.Add(new ExtractedBatch(key, batch.Kind, date?.Date, place?.Code, batch.ProjectCount, batch.Amount?.Amount,
                batch.Amount?.Qualifier, batch.Amount?.Currency, batch.MinProjectAmount, [], [], Quote.Of(text, quoteStart, quoteEnd), uncertainties));
            var cue = StatusReader.Read(text, start, end);
            Context = new Context(cue, date, place, key);
        }

        private string? SectorNamed(string category) =>
            reference.FindSectorByAnyName(category)?.Code ?? (category.Contains("其他", StringComparison.Ordinal) ? "other" : null);

        private void Add(NameMention name, int next, bool sharesTheTotal, int start, int end, IReadOnlyList<DateMention> dates, StatusCue? cue, IReadOnlyList<NameMention> names)
        {
            var folded = Text.Fold(name.Name);
            var draft = drafts.FirstOrDefault(known => known.Folded == folded);
            var isNew = draft is null;
            draft ??= new Draft(drafts.Count, name.Name, folded);
            if (isNew) drafts.Add(draft);
            draft.Mention(Trim(start, end));
            lastNamed = draft;

            // Facts after the name, up to the next name, are the name's: "X,总投资24.5亿元". After a list, or the projects a
            // batch's sentence names, they are the list's or the batch's.
            var amounts = AmountReader.Read(text, name.End, next);
            var investment = amounts.FirstOrDefault(mention => mention.Role == AmountRole.Investment);
            var listTotal = sharesTheTotal && next == end && investment is not null;
            var phases = Phases(name.End, end);
            if (investment is not null && !listTotal && phases.Count == 0) draft.SetAmount(investment, text);
            if (listTotal) draft.Uncertain($"列表后的金额“{investment!.Text(text)}”是列表的合计还是某一项的,文中不清楚:未记入。");
            foreach (var other in amounts.Where(mention => mention.Role is not (AmountRole.Investment or AmountRole.Unstated)))
                draft.Uncertain($"“{other.Text(text)}”是{RoleWords(other.Role)},不是投资额:未记入。");
            if (phases.Count > 0) draft.SetPhases(phases);

            // The stage: this sentence's words, else the event the text is reporting ("此次集中开工").
            // The words of the name's own clause first: one sentence can say "A等项目正有序施工,B等项目加快前期工作".
            var (clauseStart, clauseEnd) = Clause(name, start, end);
            var stage = StatusReader.Read(text, clauseStart, clauseEnd, names) ?? cue;
            var date = stage is null ? null : DateBefore(dates, stage.At);
            // The event the text reports carries over to a sentence that refers back to it ("此次集中开工…") or lists its projects.
            var fromContext = false;
            if (stage is null && Context.Cue is { } contextCue && (Context.Batch is not null || RefersToEvent(start, end)))
            {
                fromContext = true;
                stage = contextCue;
                date = Context.Date;
            }
            else if (stage is not null && date is null && Context.Cue?.Status == stage.Status)
            {
                date = Context.Date;
            }
            (stage, date) = AsTheReportPartSays(draft, stage, date);
            draft.SetStatus(stage, date, text, publishedOn, fromContext);

            var place = PlaceFor(name, start, end, names);
            draft.SetPlace(place.Place, place.FromContext, reference);
            if (ParkFor(name, start, end) is { } park) draft.SetPark(park);
            if (isNew) draft.SetKindAndSector(name.Name, reference);
            if (names.Count == 1) draft.SetInvestors(Companies().Matches(text[start..end]).Select(match => match.Value));
            if (Context.Batch is { } batch && stage is not null && BatchStatus(batches[batch].Kind) == stage.Status && !batches[batch].DraftKeys.Contains(draft.Key))
                batches[batch] = batches[batch] with { DraftKeys = [.. batches[batch].DraftKeys, draft.Key] };
        }

        /// <summary>
        /// The part of a government work report a sentence opens with its numbered heading: the review of a year
        /// ("一、2017年工作回顾"), of several ("过去五年工作回顾", and "五年来" within a year's review), or the plans ("二、2018年工作安排").
        /// </summary>
        private ReportPart? ReportPartAt(int start, int end)
        {
            var heading = HeadingIn(start, end);
            if (heading is not null)
            {
                if (heading.Groups["plan"].Success) return new ReportPart(IsPlan: true, Year: null);
                var year = heading.Groups["year"];
                var written = year.Success ? DateReader.Read(text, publishedOn, year.Index, year.Index + year.Length + 1) : [];
                return new ReportPart(IsPlan: false, Year: written.Count > 0 ? written[0] : null);
            }
            return reportPart is { Year: not null } && text.AsSpan(start, end - start).Contains("五年来", StringComparison.Ordinal) ? reportPart with { Year = null } : null;
        }

        /// <summary>
        /// The last report heading within text[start..end], from the document's headings found once. A heading that runs over
        /// the sentence's start or end is read in the sentence's own words, as it always was, so the results stay the same.
        /// </summary>
        private Match? HeadingIn(int start, int end)
        {
            headings ??= ReportHeading().Matches(text).ToArray();
            Match? last = null;
            foreach (var heading in headings)
            {
                var headingEnd = heading.Index + heading.Length;
                if (heading.Index < start && headingEnd > start || heading.Index < end && headingEnd > end)
                    return ReportHeading().Matches(text[..end], start).LastOrDefault();
                if (heading.Index >= start && headingEnd <= end) last = heading;
            }
            return last;
        }
        private Match[]? headings;

        /// <summary>
        /// In a report's plans a stage word is what is to be done (开工建设, 建成投产), an intent; in the review of a year, a stage
        /// its sentence gives no date happened in that year.
        /// </summary>
        private (StatusCue? Stage, DateMention? Date) AsTheReportPartSays(Draft draft, StatusCue? stage, DateMention? date)
        {
            if (stage is not { Status: not ProjectStatus.Intent } || reportPart is null) return (stage, date);
            if (reportPart.IsPlan)
            {
                draft.Uncertain($"“{stage.Word}”在报告的工作安排里:是要做的事,记为意向。");
                return (stage with { Status = ProjectStatus.Intent }, null);
            }
            if (date is not null || reportPart.Year is not { } year) return (stage, date);
            draft.Uncertain($"年份取自报告回顾的年度({text[year.Start..year.End]}),本句未写明。");
            return (stage, year);
        }

        private static ProjectStatus BatchStatus(Batches.BatchKind kind) => kind switch
        {
            Batches.BatchKind.Groundbreaking => ProjectStatus.Started,
            Batches.BatchKind.Completion => ProjectStatus.Completed,
            _ => ProjectStatus.Signed,
        };

        /// <summary>The phases stated after a name: "一期计划投资约1亿元,…二期…预计新增投资约9亿元".</summary>
        public IReadOnlyList<(string Name, AmountMention Amount)> Phases(int from, int to)
        {
            var found = new List<(string, AmountMention)>();
            var matches = Phase().Matches(text[..to], from).ToList();
            for (var i = 0; i < matches.Count; i++)
            {
                var until = i + 1 < matches.Count ? matches[i + 1].Index : to;
                var amount = AmountReader.Read(text, matches[i].Index, until).FirstOrDefault(mention => mention.Role == AmountRole.Investment);
                if (amount is not null) found.Add((matches[i].Value, amount));
            }
            return found;
        }

        /// <summary>
        /// A project's place: one named in its own name (汉阳碧道 → 汉阳区) or its clause when narrower than a city; else the
        /// place of the event or paragraph it is reported in; else the document's.
        /// </summary>
        private (Place? Place, bool FromContext) PlaceFor(NameMention name, int start, int end, IReadOnlyList<NameMention> names)
        {
            var inName = Narrowest(name.Start, name.End, exclude: []);
            if (inName is not null && PlaceResolver.Depth(inName) >= 2) return (inName, false);
            var (clauseStart, clauseEnd) = Clause(name, start, end);
            var inClause = Narrowest(clauseStart, clauseEnd, exclude: names);
            if (inClause is not null && PlaceResolver.Depth(inClause) >= 2) return (inClause, false);
            var context = Context.Place ?? DocumentPlace;
            // A city in the name (中国人保武汉金融中心) only when the context knows nothing narrower within it.
            if (inName is not null && (context is null || !reference.IsWithin(context.Code, inName.Code))) return (inName, false);
            return (context, true);
        }

        public Park? ParkFor(NameMention name, int start, int end)
        {
            var (clauseStart, clauseEnd) = Clause(name, start, end);
            var words = text[clauseStart..clauseEnd];
            if (!words.Contains("位于", StringComparison.Ordinal) && !words.Contains("落户", StringComparison.Ordinal) && !words.Contains("落子", StringComparison.Ordinal)
                && AllPlaces.All(mention => mention.Park is null || mention.Start < name.Start || mention.End > name.End)) return null;
            return AllPlaces.Where(mention => mention.Start >= clauseStart && mention.End <= clauseEnd).Select(mention => mention.Park).OfType<Park>().FirstOrDefault();
        }

        /// <summary>
        /// The narrowest place text[start..end] names; none when it names several equally narrow ones ("支持崇阳、通山、通城开发区…"
        /// is about all three, and the works after it are not in the first).
        /// </summary>
        private Place? Narrowest(int start, int end, IReadOnlyList<NameMention> exclude)
        {
            var named = AllPlaces.Where(mention => mention.Start >= start && mention.End <= end && !exclude.Any(name => mention.Start >= name.Start && mention.End <= name.End))
                .Select(PlaceOf).OfType<Place>().DistinctBy(place => place.Code).ToList();
            if (named.Count == 0) return null;
            var depth = named.Max(PlaceResolver.Depth);
            var narrowest = named.Where(place => PlaceResolver.Depth(place) == depth).ToList();
            return narrowest.Count == 1 ? narrowest[0] : null;
        }

        /// <summary>The clause a name stands in: from the comma before it to the comma after it.</summary>
        private (int Start, int End) Clause(NameMention name, int start, int end)
        {
            var clauseStart = name.Start;
            while (clauseStart > start && !IsClauseMark(text[clauseStart - 1])) clauseStart--;
            var clauseEnd = name.End;
            while (clauseEnd < end && !IsClauseMark(text[clauseEnd])) clauseEnd++;
            return (clauseStart, clauseEnd);
        }

        private static bool IsClauseMark(char c) => c is '，' or ',' or '。' or '；' or ';' or '：' or ':' or '！' or '？';

        private static DateMention? DateBefore(IReadOnlyList<DateMention> dates, int at) =>
            dates.LastOrDefault(date => date.Start < at) ?? (dates.Count == 1 ? dates[0] : null);

        private (int Start, int End) Trim(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            return (start, end);
        }

        public Extraction Result() =>
            Renumbered(drafts.Where(draft => draft.StatesAnything).Select(draft => draft.ToExtracted(text)).ToList(), batches);

        /// <summary>Drafts that state nothing are left out; keys are renumbered 0, 1, … and the batches' lists follow.</summary>
        private static Extraction Renumbered(List<ExtractedProject> kept, List<ExtractedBatch> batches)
        {
            var keys = kept.Select((draft, index) => (draft.Key, index)).ToDictionary(pair => pair.Key, pair => pair.index);
            return new Extraction(
                kept.Select(draft => draft with { Key = keys[draft.Key] }).ToList(),
                batches.Select(batch => batch with { DraftKeys = batch.DraftKeys.Where(keys.ContainsKey).Select(key => keys[key]).ToList() }).ToList());
        }
    }

    private static string RoleWords(AmountRole role) => role switch
    {
        AmountRole.RegisteredCapital => "注册资本",
        AmountRole.PerProjectThreshold => "每个项目的投资门槛",
        AmountRole.Target => "目标",
        AmountRole.ActualFunds => "到位资金或实际利用外资",
        AmountRole.Finance => "授信、融资或基金",
        AmountRole.Output => "产值、营收或规模",
        _ => "未说明性质的金额",
    };

    [GeneratedRegex(@"[一二三四五六七八九十]、\s*(?:(?<year>[12][0-9]{3})年[^、。，,]{0,12}?工作回顾|过去五年工作回顾|[^、。，,]{0,16}?(?<plan>工作安排|目标任务|主要任务))")]
    private static partial Regex ReportHeading();

    [GeneratedRegex("[一二三四五六七八九十]期")]
    private static partial Regex Phase();

    [GeneratedRegex(@"[\u4e00-\u9fff()（）A-Za-z]{2,30}?(股份有限公司|有限责任公司|有限公司)")]
    private static partial Regex Companies();
}
