using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Http;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.Api.Common.Writes;

namespace ProjectTracker.Api.Projects;

/// <summary>Investment projects: record, correct, find.</summary>
[ApiController]
[Route("api/projects")]
public sealed class ProjectsController(ProjectRepository projects, AuditRepository audit, ProjectExporter exporter) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Finds projects: filters, an order, and keyset pages.</summary>
    /// <remarks>
    /// Example: <c>GET /api/projects?district=jiangxia&amp;status=started&amp;sort=-startedOn&amp;limit=20</c>.
    /// Pass <c>nextCursor</c> back as <c>cursor</c> for the next page (same filters and sort); rows inserted
    /// meanwhile never make a page skip or repeat one that was there.
    /// </remarks>
    /// <response code="200">A page of projects.</response>
    /// <response code="400">A filter, sort, limit or cursor is invalid; errors name the parameter.</response>
    [HttpGet(Name = "listProjects")]
    [ProducesResponseType<ProjectPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<ProjectPage> List([FromQuery] ProjectListQuery query, CancellationToken cancellationToken) =>
        await projects.ListAsync(query, cancellationToken);

    /// <summary>Exports the projects that match the list's filters as a spreadsheet (CSV or Excel), streamed.</summary>
    /// <remarks>
    /// Example: <c>GET /api/projects/export?format=xlsx&amp;district=jiangxia&amp;status=started</c>. The columns are those
    /// POST /api/imports reads, so an exported file imports back to the same projects; amounts are exact, in 亿. With
    /// <c>headers=zh</c> (default) headers, places, sectors and statuses are in Chinese; with <c>headers=en</c> they are the API's
    /// field names and codes. CSV is UTF-8 with a byte-order mark so that Excel shows Chinese correctly.
    /// </remarks>
    /// <response code="200">The file.</response>
    /// <response code="400">A filter is invalid.</response>
    [HttpGet("export", Name = "exportProjects")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<EmptyResult> Export([FromQuery] ExportQuery query, CancellationToken cancellationToken)
    {
        await exporter.WriteAsync(Response, query, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>One project, with its version as ETag.</summary>
    /// <response code="200">The project.</response>
    /// <response code="304">If-None-Match names the current version.</response>
    /// <response code="404">No such project (or it was deleted).</response>
    [HttpGet("{id:long}", Name = "getProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken)
    {
        if (await projects.GetAsync(id, cancellationToken) is not { } project) return NotFoundProblem(id);
        var etag = ETags.For(project.Version);
        Response.Headers.ETag = etag;
        return ETags.NoneMatchHits(Request, etag) ? StatusCode(StatusCodes.Status304NotModified) : Ok(project);
    }

    /// <summary>Records a project.</summary>
    /// <remarks>
    /// A project with the same name (ignoring case, width, spaces and punctuation) in the same place is refused
    /// with 409 and a link to it, unless <c>allowDuplicate=true</c>.
    /// </remarks>
    /// <param name="request">The project.</param>
    /// <param name="allowDuplicate">Record it even if a project of the same name exists in the place.</param>
    /// <param name="actor">The API key writing (bound from authentication).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="201">Recorded; Location and ETag point at it.</response>
    /// <response code="400">A field is invalid; errors name it.</response>
    /// <response code="403">The key may not write projects in this district.</response>
    /// <response code="409">A project of the same name exists in the place (existingId, existing).</response>
    [HttpPost(Name = "createProject")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<Project>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Create([FromBody] ProjectRequest request, [FromQuery] bool allowDuplicate, Actor actor, CancellationToken cancellationToken) =>
        Respond(await projects.CreateAsync(request, allowDuplicate, actor, cancellationToken), created: true);

    /// <summary>Replaces a project's fields. Requires If-Match with the version read.</summary>
    /// <remarks>The status must stay as it is; change it with <c>POST /api/projects/{id}/status</c>.</remarks>
    /// <response code="200">Saved; the new ETag is returned.</response>
    /// <response code="400">A field is invalid.</response>
    /// <response code="404">No such project.</response>
    /// <response code="403">The key may not write projects in this district (the stored one or the new one).</response>
    /// <response code="409">The request changes the status.</response>
    /// <response code="412">The project changed since it was read (If-Match is stale).</response>
    /// <response code="428">If-Match is missing.</response>
    [HttpPut("{id:long}", Name = "updateProject")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    public async Task<IActionResult> Update(long id, [FromBody] ProjectRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (version, problem) = ETags.ExpectedVersion(this, required: true);
        return problem ?? Respond(await projects.UpdateAsync(id, version, request, actor, cancellationToken));
    }

    /// <summary>Changes a project's status and records it in its history.</summary>
    /// <remarks>
    /// intent → signed → started → completed one step at a time, and any status → cancelled. Moving back, skipping a step
    /// or reopening a cancelled project needs <c>correction: true</c> and a note; it is recorded as a correction.
    /// If-Match is honoured when sent.
    /// </remarks>
    /// <response code="200">Changed.</response>
    /// <response code="400">A field is invalid, or the date does not fit the stored dates.</response>
    /// <response code="403">The key may not write projects in this district.</response>
    /// <response code="404">No such project.</response>
    /// <response code="409">The change is not allowed from the current status.</response>
    /// <response code="412">If-Match is stale.</response>
    [HttpPost("{id:long}/status", Name = "changeProjectStatus")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    public async Task<IActionResult> ChangeStatus(long id, [FromBody] StatusChangeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (version, problem) = ETags.ExpectedVersion(this, required: false);
        return problem ?? Respond(await projects.ChangeStatusAsync(id, version, request, actor, cancellationToken));
    }

    /// <summary>Deletes a project (softly: it stays in the history). Admins only. If-Match is honoured when sent.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="403">Not an admin key, or the key may not write projects in this district.</response>
    /// <response code="404">No such project.</response>
    /// <response code="412">If-Match is stale.</response>
    [HttpDelete("{id:long}", Name = "deleteProject")]
    [Authorize(Policies.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    public async Task<IActionResult> Delete(long id, Actor actor, CancellationToken cancellationToken)
    {
        var (version, problem) = ETags.ExpectedVersion(this, required: false);
        return problem ?? Respond(await projects.DeleteAsync(id, version, actor, cancellationToken));
    }

    /// <summary>A project's history: creation, status changes (corrections marked), deletion.</summary>
    /// <response code="200">Oldest first.</response>
    /// <response code="404">No such project.</response>
    [HttpGet("{id:long}/history", Name = "getProjectHistory")]
    [ProducesResponseType<IReadOnlyList<ProjectHistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> History(long id, CancellationToken cancellationToken) =>
        await projects.HistoryAsync(id, cancellationToken) is { } history ? Ok(history) : NotFoundProblem(id);

    /// <summary>The documents a project's facts come from, where in them, and which facts.</summary>
    /// <response code="200">The sources.</response>
    /// <response code="404">No such project.</response>
    [HttpGet("{id:long}/sources", Name = "getProjectSources")]
    [ProducesResponseType<IReadOnlyList<ProjectSource>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Sources(long id, CancellationToken cancellationToken) =>
        await projects.SourcesAsync(id, cancellationToken) is { } sources ? Ok(sources) : NotFoundProblem(id);

    /// <summary>A project's audit trail: every write to it, who made it, and the project before and after.</summary>
    /// <response code="200">Oldest first.</response>
    /// <response code="404">No such project.</response>
    [HttpGet("{id:long}/audit", Name = "getProjectAudit")]
    [ProducesResponseType<IReadOnlyList<AuditEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Audit(long id, CancellationToken cancellationToken) =>
        await audit.ForProjectAsync(id, cancellationToken) is { } entries ? Ok(entries) : NotFoundProblem(id);

    private IActionResult Respond(WriteOutcome<Project> outcome, bool created = false) =>
        this.Respond(outcome, project =>
        {
            Response.Headers.ETag = ETags.For(project.Version);
            return created ? CreatedAtAction(nameof(Get), new { id = project.Id }, project) : Ok(project);
        });

    private ObjectResult NotFoundProblem(long? id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, detail: id is null ? "No such project." : $"There is no project {id}.");
}
