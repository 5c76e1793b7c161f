using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>The exact words a fact comes from: offsets into the document's text (UTF-16 code units, as JavaScript counts) and the words.</summary>
public sealed record Quote(int Start, int End, string Text)
{
    public static Quote Of(string text, int start, int end) => new(start, end, text[start..end]);
}

/// <summary>A project the text itemises, in the shape of a project request, with where it is said and what is uncertain.</summary>
/// <param name="Key">Its place in the extraction's list (0, 1, …); batches name their drafts by it.</param>
/// <param name="Project">The facts, as POST /api/projects takes them; null where the text does not say.</param>
/// <param name="Quote">The sentence(s) the facts come from, first to last.</param>
/// <param name="Mentions">Each sentence that names the project or adds to it.</param>
/// <param name="Confidence">From 0 to 1: lower for every fact the text leaves uncertain.</param>
/// <param name="Uncertainties">What the reviewer must decide or check, in words.</param>
public sealed record ExtractedProject(int Key, ProjectRequest Project, Quote Quote, IReadOnlyList<Quote> Mentions, decimal Confidence, IReadOnlyList<string> Uncertainties);

/// <summary>One category line of a batch's breakdown ("先进制造业项目有10个,总投资132.35亿元").</summary>
public sealed record ExtractedBreakdown(string Category, string? Sector, int? ProjectCount, decimal? Amount, AmountQualifier? Qualifier);

/// <summary>A reported total: "江夏区21个重大项目参加…集中开工活动,总投资217.24亿元".</summary>
public sealed record ExtractedBatch(
    int Key,
    BatchKind Kind,
    PartialDate? Date,
    string? District,
    int? ReportedProjectCount,
    decimal? ReportedAmount,
    AmountQualifier? ReportedQualifier,
    Currency? Currency,
    decimal? MinProjectAmount,
    IReadOnlyList<ExtractedBreakdown> Breakdown,
    IReadOnlyList<int> DraftKeys,
    Quote Quote,
    IReadOnlyList<string> Uncertainties);

/// <summary>What the extractor found in a document.</summary>
public sealed record Extraction(IReadOnlyList<ExtractedProject> Drafts, IReadOnlyList<ExtractedBatch> Batches);
