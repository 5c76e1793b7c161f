using System.Globalization;
using System.Text.Json;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Intake.Reading;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Intake;

/// <summary>
/// Scores the extractor against the five source documents as annotated by hand in Annotations/ (facts with their exact
/// quotes), and prints the figures. Announcement-style text (news of signings and starts) is held to the targets;
/// work reports (the paragraphs an annotation's workReports open) are scored apart and only printed. The documents are not
/// copied into the repository: see <see cref="RepositoryFiles.SourceDocuments"/>.
/// </summary>
public sealed class ExtractorScoreTests(ITestOutputHelper output)
{
    private static readonly string Documents = RepositoryFiles.SourceDocuments;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void EveryAnnotatedQuoteIsInItsDocument()
    {
        foreach (var (annotation, text) in Annotated())
        {
            foreach (var quote in annotation.Projects.Select(project => project.Quote).Concat(annotation.Batches.Select(batch => batch.Quote)).Concat(annotation.WorkReports))
                Assert.True(text.Contains(quote, StringComparison.Ordinal), $"{annotation.Document}: “{quote}” is not in the text");
        }
    }

    /// <summary>What limits the extractor on work reports, printed with their figures.</summary>
    private static readonly string[] WorkReportLimits =
    [
        "What limits it on work reports: most works are listed without 项目/工程 and without a stage word of their own",
        "(铁桥广场、江腾广场、沟咀产业园相继开业; 汉江湾桥建设), so recall is low; programmes and campaigns are named 工程 like projects",
        "(产业提链工程, 雨污分流改造工程); the place one sentence names (a county, a development zone) is carried, as in an article,",
        "to the next sentences' works of the whole city. The report's parts are read from its numbered headings: a review's year",
        "(一、2017年工作回顾) dates its stages, and a plan's stage words (二、2018年工作安排…开工建设) are intents.",
    ];

    [Fact]
    public void AnnouncementsAreReadWithinTheTargetsAndNothingIsInvented()
    {
        var announcements = new Score("announcement-style text (5 documents, work reports excluded)");
        var workReports = new Score("work reports (scored apart: no target)");
        var extractor = new IntakeExtractor(RepositoryReference.Snapshot);
        foreach (var (annotation, text) in Annotated())
        {
            var extraction = extractor.Extract(text, DateOnly.Parse(annotation.PublishedOn, CultureInfo.InvariantCulture));
            var reports = annotation.WorkReports.Select(prefix => Paragraph(text, text.IndexOf(prefix, StringComparison.Ordinal))).ToList();
            bool InReport(int at) => reports.Any(report => at >= report.Start && at < report.End);
            bool Quoted(string quote) => InReport(text.IndexOf(quote, StringComparison.Ordinal));
            var document = annotation.Document[..3];
            announcements.Add(document, annotation.Projects.Where(project => !Quoted(project.Quote)).ToList(), annotation.Batches.Where(batch => !Quoted(batch.Quote)).ToList(),
                extraction.Drafts.Where(draft => !InReport(draft.Quote.Start)).ToList(), extraction.Batches.Where(batch => !InReport(batch.Quote.Start)).ToList());
            workReports.Add(document, annotation.Projects.Where(project => Quoted(project.Quote)).ToList(), annotation.Batches.Where(batch => Quoted(batch.Quote)).ToList(),
                extraction.Drafts.Where(draft => InReport(draft.Quote.Start)).ToList(), extraction.Batches.Where(batch => InReport(batch.Quote.Start)).ToList());
        }
        var lines = announcements.Lines().Concat(workReports.Lines()).Concat(WorkReportLimits.Select(line => $"  {line}")).ToList();
        foreach (var line in lines) output.WriteLine(line);
        Console.WriteLine(string.Join(Environment.NewLine, lines));

        Assert.Equal(0, announcements.InventedAmounts);
        Assert.Equal(0, announcements.InventedDays);
        // The targets; the issue sets none for batches, so their floor is what the extractor measures less one batch.
        Assert.True(announcements.Precision >= 0.95, $"precision {announcements.Precision:P1}");
        Assert.True(announcements.AmountsExact >= 0.95, $"amounts exact {announcements.AmountsExact:P1}");
        Assert.True(announcements.Recall >= 0.90, $"recall {announcements.Recall:P1}");
        Assert.True(announcements.BatchRecall >= 0.75, $"batch recall {announcements.BatchRecall:P1}");
    }

    private static (int Start, int End) Paragraph(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at)) + 1;
        var end = text.IndexOf('\n', at);
        return (start, end < 0 ? text.Length : end);
    }

    private static IEnumerable<(Annotation Annotation, string Text)> Annotated()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Intake", "Annotations");
        if (!Directory.Exists(Documents))
        {
            if (Environment.GetEnvironmentVariable("CI") is not null) Assert.Fail($"the source documents are not at {Documents}");
            Assert.Skip($"the source documents are not at {Documents}");
        }
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var annotation = JsonSerializer.Deserialize<Annotation>(File.ReadAllText(file), Json)!;
            yield return (annotation, File.ReadAllText(Path.Combine(Documents, annotation.Document)));
        }
    }

    private sealed record Annotation(string Document, string PublishedOn, string[] WorkReports, AnnotatedProject[] Projects, AnnotatedBatch[] Batches);

    private sealed record AnnotatedPhase(string Name, decimal? Amount, string? Qualifier);

    private sealed record AnnotatedProject(string Quote, string NameZh, string Status, string? Date, decimal? Amount, string? AmountQualifier, string? Currency,
        AnnotatedPhase[]? Phases, string? District);

    private sealed record AnnotatedBatch(string Quote, string Kind, string? Date, string? District, int? Count, decimal? Amount, string? Qualifier);

    private sealed class Score(string what)
    {
        private int found, annotated, matched, amountsExact, datesExact, districts, statuses;
        private int batchesFound, batchesAnnotated, batchesMatched, batchFiguresExact;
        public int InventedAmounts { get; private set; }
        public int InventedDays { get; private set; }
        private readonly List<string> misses = [], extras = [], wrong = [];

        public double Precision => Ratio(matched, found);
        public double Recall => Ratio(matched, annotated);
        public double AmountsExact => Ratio(amountsExact, matched);
        public double BatchRecall => Ratio(batchesMatched, batchesAnnotated);

        public void Add(string document, IReadOnlyList<AnnotatedProject> projects, IReadOnlyList<AnnotatedBatch> annotatedBatches,
            IReadOnlyList<ExtractedProject> drafts, IReadOnlyList<ExtractedBatch> batches)
        {
            found += drafts.Count;
            annotated += projects.Count;
            var unmatched = drafts.ToList();
            foreach (var expected in projects)
            {
                var draft = unmatched.FirstOrDefault(candidate => SameName(candidate.Project.NameZh!, expected.NameZh));
                if (draft is null)
                {
                    misses.Add($"{document} {expected.NameZh}");
                    continue;
                }
                unmatched.Remove(draft);
                matched++;
                var project = draft.Project;
                if (SameAmount(project, expected)) amountsExact++;
                else
                {
                    wrong.Add($"amount {expected.NameZh}: {project.Amount} {project.AmountQualifier} vs {expected.Amount} {expected.AmountQualifier}");
                    if (project.Amount is not null || project.Phases is { Count: > 0 }) InventedAmounts++;
                }
                var date = StageDate(project)?.ToString();
                if (date == expected.Date) datesExact++;
                else
                {
                    wrong.Add($"date {expected.NameZh}: {date} vs {expected.Date}");
                    if (date is { Length: 10 }) InventedDays++;
                }
                if (project.District == expected.District) districts++;
                else wrong.Add($"district {expected.NameZh}: {project.District} vs {expected.District}");
                if (EnumNames.Of(project.Status ?? ProjectStatus.Cancelled) == expected.Status) statuses++;
                else wrong.Add($"status {expected.NameZh}: {project.Status} vs {expected.Status}");
            }
            foreach (var extra in unmatched)
            {
                extras.Add($"{document} {extra.Project.NameZh}");
                if (extra.Project.Amount is not null || extra.Project.Phases is { Count: > 0 }) InventedAmounts++;
                if (StageDate(extra.Project) is { Precision: DatePrecision.Day }) InventedDays++;
            }

            batchesFound += batches.Count;
            batchesAnnotated += annotatedBatches.Count;
            var unmatchedBatches = batches.ToList();
            foreach (var expected in annotatedBatches)
            {
                var batch = unmatchedBatches.FirstOrDefault(candidate => candidate.Quote.Text.Contains(expected.Quote, StringComparison.Ordinal) || expected.Quote.Contains(candidate.Quote.Text, StringComparison.Ordinal));
                if (batch is null)
                {
                    misses.Add($"{document} batch “{expected.Quote}”");
                    continue;
                }
                batchesMatched++;
                unmatchedBatches.Remove(batch);
                var same = EnumNames.Of(batch.Kind) == expected.Kind && batch.ReportedProjectCount == expected.Count && batch.ReportedAmount == expected.Amount
                           && (batch.ReportedQualifier is null ? null : EnumNames.Of(batch.ReportedQualifier.Value)) == expected.Qualifier
                           && batch.Date?.ToString() == expected.Date && batch.District == expected.District;
                if (same) batchFiguresExact++;
                else wrong.Add($"batch “{expected.Quote[..Math.Min(20, expected.Quote.Length)]}…”: {batch.Kind} {batch.ReportedProjectCount} {batch.ReportedAmount} {batch.ReportedQualifier} {batch.Date} {batch.District}");
            }
            foreach (var extra in unmatchedBatches) extras.Add($"{document} batch “{extra.Quote.Text[..Math.Min(40, extra.Quote.Text.Length)]}”");
        }

        public IEnumerable<string> Lines()
        {
            yield return $"Intake extractor on {what}:";
            yield return $"  projects: {matched} of {annotated} annotated found, {found} drafts — recall {Recall:P1}, precision {Precision:P1}";
            yield return $"  of the projects found: amounts exact {AmountsExact:P1} ({amountsExact}/{matched}), dates exact (value and precision) {Ratio(datesExact, matched):P1} ({datesExact}/{matched}), districts {Ratio(districts, matched):P1} ({districts}/{matched}), statuses {Ratio(statuses, matched):P1} ({statuses}/{matched})";
            yield return $"  batches: {batchesMatched} of {batchesAnnotated} found, {batchesFound} reported — recall {BatchRecall:P1}, precision {Ratio(batchesMatched, batchesFound):P1}; all figures exact {batchFiguresExact}/{batchesMatched}";
            yield return $"  invented amounts: {InventedAmounts}, invented days: {InventedDays}";
            foreach (var miss in misses) yield return $"  missed: {miss}";
            foreach (var extra in extras) yield return $"  not annotated: {extra}";
            foreach (var item in wrong) yield return $"  differs: {item}";
        }

        private static bool SameName(string found, string expected)
        {
            var (a, b) = (Text.Fold(found), Text.Fold(expected));
            return a == b || (Math.Min(a.Length, b.Length) >= 4 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)));
        }

        private static bool SameAmount(ProjectRequest project, AnnotatedProject expected)
        {
            var qualifier = project.AmountQualifier is { } q ? EnumNames.Of(q) : null;
            if (project.Amount != expected.Amount || qualifier != expected.AmountQualifier) return false;
            var phases = project.Phases?.Select(phase => (Name: phase.Name ?? "", phase.Amount, phase.Qualifier is { } pq ? EnumNames.Of(pq) : null)).ToList() ?? [];
            var expectedPhases = expected.Phases?.Select(phase => (phase.Name, phase.Amount, phase.Qualifier)).ToList() ?? [];
            return phases.SequenceEqual(expectedPhases);
        }

        private static PartialDate? StageDate(ProjectRequest project) => project.Status switch
        {
            ProjectStatus.Signed => project.SignedOn,
            ProjectStatus.Started => project.StartedOn,
            ProjectStatus.Completed => project.CompletedOn,
            _ => null,
        };

        private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
    }
}
