using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common.Writes;

namespace ProjectTracker.Api.Intake;

/// <summary>
/// Intake: from an announcement's text to draft projects and reported batches, every fact with the words it comes from;
/// then review — accept (as a project or an event, through the same checks as any write) or reject.
/// </summary>
[ApiController]
[Route("api/intake")]
public sealed class IntakeController(IntakeRepository intake) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Reads a document: registers it as a source and answers with the projects and batches found in it.</summary>
    /// <remarks>
    /// Each draft is in the shape POST /api/projects takes, with <c>quote</c> (offsets into <c>text</c>, in UTF-16 code units as
    /// JavaScript counts, and the words), <c>confidence</c> and <c>uncertainties</c>. Nothing is invented: a fact the text
    /// does not state is null and an uncertainty says so; 月日 without a year takes the year of <c>publishedOn</c>, flagged.
    /// </remarks>
    /// <response code="201">Read and stored; Location points at the document.</response>
    /// <response code="400">A field is invalid; errors name it.</response>
    [HttpPost("documents", Name = "submitIntakeDocument")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<IntakeDocument>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> Submit([FromBody] IntakeDocumentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var document = await intake.SubmitAsync(request, actor, cancellationToken);
        return CreatedAtAction(nameof(GetDocument), new { id = document.Id }, document);
    }

    /// <summary>Reads an uploaded document (.txt, .html or .docx) as POST /api/intake/documents reads a text.</summary>
    /// <remarks>
    /// multipart/form-data: <c>file</c>, and optionally <c>title</c> (default: an HTML page's title, else the file's name),
    /// <c>source</c> and <c>publishedOn</c>. The text is stored one paragraph a line; quotes' offsets point into it.
    /// </remarks>
    /// <response code="201">Read and stored; Location points at the document.</response>
    /// <response code="400">No file, not a .txt/.html/.docx, unreadable, or a field is invalid; errors name it.</response>
    [HttpPost("files", Name = "submitIntakeFile")]
    [Authorize(Policies.Edit)]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(DocumentFiles.MaxBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.MaxBytes)]
    [ProducesResponseType<IntakeDocument>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> SubmitFile([FromForm] IntakeFileForm form, Actor actor, CancellationToken cancellationToken)
    {
        var read = await intake.ReadFileAsync(form, cancellationToken);
        return read.Outcome is WriteOutcome<IntakeDocumentRequest>.Saved(var request)
            ? await Submit(request, actor, cancellationToken)
            : ValidationProblems.Result(HttpContext, read.Errors!);
    }

    /// <summary>A submitted document with its drafts and batches as they stand now.</summary>
    /// <response code="200">The document.</response>
    /// <response code="404">No such document.</response>
    [HttpGet("documents/{id:long}", Name = "getIntakeDocument")]
    [ProducesResponseType<IntakeDocument>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetDocument(long id, CancellationToken cancellationToken) =>
        await intake.GetDocumentAsync(id, cancellationToken) is { } document ? Ok(document) : NotFound("document", id);

    /// <summary>Drafts to review: by document, place (and the places within it) and state, oldest first.</summary>
    /// <response code="200">A page of drafts.</response>
    /// <response code="400">A filter is invalid; errors name it.</response>
    [HttpGet("drafts", Name = "listIntakeDrafts")]
    [ProducesResponseType<IntakeDraftPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IntakeDraftPage> ListDrafts([FromQuery] IntakeDraftQuery query, CancellationToken cancellationToken) =>
        await intake.ListDraftsAsync(query, cancellationToken);

    /// <summary>One draft.</summary>
    /// <response code="200">The draft.</response>
    /// <response code="404">No such draft.</response>
    [HttpGet("drafts/{id:long}", Name = "getIntakeDraft")]
    [ProducesResponseType<IntakeDraft>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> GetDraft(long id, CancellationToken cancellationToken) =>
        await intake.GetDraftAsync(id, cancellationToken) is { } draft ? Ok(draft) : NotFound("draft", id);

    /// <summary>Records a draft as a project — as read, or with the reviewer's corrections.</summary>
    /// <remarks>
    /// The same validator, district scope, duplicate check (409 offering the existing project; <c>allowDuplicate</c> records it
    /// anyway), history and audit trail as POST /api/projects. The project keeps the document and the quote as its source
    /// (GET /api/projects/{id}/sources). Field errors are keyed <c>project.*</c>.
    /// </remarks>
    /// <response code="200">Accepted: the draft with its projectId.</response>
    /// <response code="400">The project is invalid; errors name the field (project.sector …).</response>
    /// <response code="403">The key may not write projects in this district.</response>
    /// <response code="404">No such draft.</response>
    /// <response code="409">Already decided, or a project of the same name exists in the place (existingId, existing).</response>
    [HttpPost("drafts/{id:long}/accept", Name = "acceptIntakeDraft")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<IntakeDraft>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> AcceptDraft(long id, [FromBody] AcceptDraftRequest request, Actor actor, CancellationToken cancellationToken) =>
        Respond(await intake.AcceptDraftAsync(id, request, actor, cancellationToken));

    /// <summary>Rejects a draft, with the reason.</summary>
    /// <response code="200">Rejected: the draft with its reason.</response>
    /// <response code="400">The reason is missing or too long.</response>
    /// <response code="403">The draft lies outside the key's districts (or the text placed it nowhere and the key is limited to districts).</response>
    /// <response code="404">No such draft.</response>
    /// <response code="409">Already decided.</response>
    [HttpPost("drafts/{id:long}/reject", Name = "rejectIntakeDraft")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<IntakeDraft>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> RejectDraft(long id, [FromBody] RejectRequest request, Actor actor, CancellationToken cancellationToken) =>
        this.Respond(await intake.RejectDraftAsync(id, request, actor, cancellationToken), Ok);

    /// <summary>Records a batch as an event with its projects, in one transaction (POST /api/events's path).</summary>
    /// <remarks>
    /// Its pending drafts become the event's new projects, each keeping the document and quote as its source; drafts accepted
    /// earlier are linked (or moved to the event's stage). Any bad draft → nothing written, and the error names it:
    /// <c>drafts[17].sector</c>. Title, date and place default to the document's title and the batch's date and place.
    /// </remarks>
    /// <response code="200">Accepted: the batch, its event id and its drafts with their project ids.</response>
    /// <response code="400">A field of the event or of a draft is invalid; errors name it.</response>
    /// <response code="403">The key may not write events or projects in this district.</response>
    /// <response code="404">No such batch.</response>
    /// <response code="409">Already decided, or a draft's project already exists in its place.</response>
    [HttpPost("batches/{id:long}/accept", Name = "acceptIntakeBatch")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<AcceptedBatch>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> AcceptBatch(long id, [FromBody] AcceptBatchRequest request, Actor actor, CancellationToken cancellationToken) =>
        Respond(await intake.AcceptBatchAsync(id, request, actor, cancellationToken));

    /// <summary>Rejects a batch, with the reason.</summary>
    /// <response code="200">Rejected.</response>
    /// <response code="400">The reason is missing or too long.</response>
    /// <response code="403">The batch lies outside the key's districts.</response>
    /// <response code="404">No such batch.</response>
    /// <response code="409">Already decided.</response>
    [HttpPost("batches/{id:long}/reject", Name = "rejectIntakeBatch")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<IntakeBatch>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> RejectBatch(long id, [FromBody] RejectRequest request, Actor actor, CancellationToken cancellationToken) =>
        this.Respond(await intake.RejectBatchAsync(id, request, actor, cancellationToken), Ok);

    private IActionResult Respond<T>(Decision<T> decision) =>
        decision.Errors is { } errors ? ValidationProblems.Result(HttpContext, errors) : this.Respond(decision.Outcome!, value => Ok(value));

    private ObjectResult NotFound(string what, long id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no intake {what} {id}.");
}
