using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Intake.Reading;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Intake;

/// <summary>Where a draft or batch stands in review.</summary>
public enum IntakeState
{
    /// <summary>Waiting for a person.</summary>
    Pending,
    /// <summary>Recorded: a project (a draft) or an event (a batch).</summary>
    Accepted,
    /// <summary>Rejected, with a reason.</summary>
    Rejected,
}

/// <summary>A submitted document with what was found in it.</summary>
/// <param name="Id">The intake document's id.</param>
/// <param name="DocumentCode">Its code in the source registry (GET /api/sources), which accepted projects name as their source.</param>
/// <param name="Title">Its title.</param>
/// <param name="Source">Where it came from: a URL or a reference.</param>
/// <param name="PublishedOn">When it was published, as known.</param>
/// <param name="Text">The text exactly as read: quotes' offsets point into it.</param>
/// <param name="SubmittedBy">Who submitted it.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Drafts">One per itemised project.</param>
/// <param name="Batches">Each reported total.</param>
public sealed record IntakeDocument(long Id, string DocumentCode, string Title, string? Source, PartialDate? PublishedOn, string Text,
    string SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<IntakeDraft> Drafts, IReadOnlyList<IntakeBatch> Batches);

/// <summary>A project the text itemises, to review.</summary>
/// <param name="Id">The draft's id (POST /api/intake/drafts/{id}/accept or …/reject).</param>
/// <param name="DocumentId">The intake document it was found in.</param>
/// <param name="State">pending, accepted or rejected.</param>
/// <param name="Project">The facts in the shape POST /api/projects takes; null where the text does not say.</param>
/// <param name="Quote">The words the facts come from (offsets into the document's text).</param>
/// <param name="Mentions">Each sentence that names the project or adds to it.</param>
/// <param name="Confidence">0 to 1: lower for each fact the text leaves uncertain.</param>
/// <param name="Uncertainties">What the reviewer must decide or check.</param>
/// <param name="ProjectId">The project recorded from it, once accepted.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="DecidedBy">Who accepted or rejected it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record IntakeDraft(long Id, long DocumentId, IntakeState State, ProjectRequest Project, Quote Quote, IReadOnlyList<Quote> Mentions,
    decimal Confidence, IReadOnlyList<string> Uncertainties, long? ProjectId, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>A reported total ("21个重大项目…总投资217.24亿元"), to review.</summary>
/// <param name="Id">The batch's id (POST /api/intake/batches/{id}/accept or …/reject).</param>
/// <param name="DocumentId">The intake document it was found in.</param>
/// <param name="State">pending, accepted or rejected.</param>
/// <param name="Kind">signing, groundbreaking or completion.</param>
/// <param name="Date">When, as precise as the text.</param>
/// <param name="District">Place code, from the text or its context; null when unknown.</param>
/// <param name="ReportedProjectCount">How many projects the text reports.</param>
/// <param name="ReportedAmount">The total investment reported, in 亿.</param>
/// <param name="ReportedQualifier">How exact the total is.</param>
/// <param name="Currency">The total's currency.</param>
/// <param name="MinProjectAmount">"亿元以上项目": the bound each project of the batch passes, in 亿.</param>
/// <param name="Breakdown">By category, when the text gives one.</param>
/// <param name="DraftIds">The drafts the text puts in it.</param>
/// <param name="Quote">The words the figures come from.</param>
/// <param name="Uncertainties">What the reviewer must decide or check.</param>
/// <param name="EventId">The event recorded from it, once accepted (GET /api/events/{id}).</param>
/// <param name="Reason">Why it was rejected.</param>
public sealed record IntakeBatch(long Id, long DocumentId, IntakeState State, BatchKind Kind, PartialDate? Date, string? District, int? ReportedProjectCount,
    decimal? ReportedAmount, AmountQualifier? ReportedQualifier, Currency? Currency, decimal? MinProjectAmount, IReadOnlyList<ExtractedBreakdown> Breakdown,
    IReadOnlyList<long> DraftIds, Quote Quote, IReadOnlyList<string> Uncertainties, long? EventId, string? Reason);

/// <summary>A page of drafts, oldest first.</summary>
/// <param name="Items">The drafts.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last.</param>
public sealed record IntakeDraftPage(IReadOnlyList<IntakeDraft> Items, long? NextAfter);

/// <summary>An accepted batch: the event recorded and the drafts that became its projects.</summary>
/// <param name="Batch">The batch, now accepted.</param>
/// <param name="EventId">The event (GET /api/events/{id}).</param>
/// <param name="Drafts">Its drafts, now accepted, each with its project.</param>
public sealed record AcceptedBatch(IntakeBatch Batch, long EventId, IReadOnlyList<IntakeDraft> Drafts);
