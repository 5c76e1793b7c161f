using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Http;
using ProjectTracker.Api.Common.Writes;

namespace ProjectTracker.Api.Targets;

/// <summary>Yearly targets (see GET /api/dashboard/targets for their progress).</summary>
[ApiController]
[Route("api/targets")]
public sealed class TargetsController(TargetRepository targets) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>One target, with its version as ETag.</summary>
    /// <response code="200">The target.</response>
    /// <response code="404">No such target.</response>
    [HttpGet("{id:long}", Name = "getTarget")]
    [ProducesResponseType<Target>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken)
    {
        if (await targets.GetAsync(id, cancellationToken) is not { } target) return NotFoundProblem(id);
        Response.Headers.ETag = ETags.For(target.Version);
        return Ok(target);
    }

    /// <summary>Records a target, e.g. 2024年计划引进新能源产业链项目不低于15个.</summary>
    /// <response code="201">Recorded.</response>
    /// <response code="400">A field is invalid.</response>
    /// <response code="403">The key may not write targets of this district.</response>
    [HttpPost(Name = "createTarget")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<Target>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> Create([FromBody] TargetRequest request, Actor actor, CancellationToken cancellationToken) =>
        this.Respond(await targets.CreateAsync(request, actor, cancellationToken), target =>
        {
            Response.Headers.ETag = ETags.For(target.Version);
            return CreatedAtAction(nameof(Get), new { id = target.Id }, target);
        });

    /// <summary>Replaces a target. Requires If-Match with the version read.</summary>
    /// <response code="200">Saved.</response>
    /// <response code="400">A field is invalid.</response>
    /// <response code="403">The key may not write targets of this district (the stored one or the new one).</response>
    /// <response code="404">No such target.</response>
    /// <response code="412">The target changed since it was read.</response>
    /// <response code="428">If-Match is missing.</response>
    [HttpPut("{id:long}", Name = "updateTarget")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<Target>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemJson)]
    public async Task<IActionResult> Update(long id, [FromBody] TargetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (version, problem) = ETags.ExpectedVersion(this, required: true);
        if (problem is not null) return problem;

        return this.Respond(await targets.UpdateAsync(id, version, request, actor, cancellationToken), target =>
        {
            Response.Headers.ETag = ETags.For(target.Version);
            return Ok(target);
        });
    }

    private ObjectResult NotFoundProblem(long id) => Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no target {id}.");
}
