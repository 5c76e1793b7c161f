using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Events;

/// <summary>Signing ceremonies (集中签约) and groundbreakings (集中开工), each with its projects.</summary>
[ApiController]
[Route("api/events")]
public sealed class EventsController(EventRepository events) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Records an event and its projects in one transaction: all of them, or nothing.</summary>
    /// <remarks>
    /// New projects are created as signed / started / completed on the event's date (unless they give their own status and
    /// dates), in the event's district unless they name another. Existing projects (<c>{"id": 42}</c>) move to the event's
    /// status, or are only linked when already there. A problem with any project names it (<c>projects[3].amount</c>) and
    /// nothing is written. The event also appears among the reported batches of the dashboard.
    /// </remarks>
    /// <response code="201">Recorded: the event, with what happened to each project.</response>
    /// <response code="400">A field is invalid; errors name it, e.g. projects[3].amount.</response>
    /// <response code="403">The key may not write in the event's district, or in a project's.</response>
    /// <response code="409">A project cannot move to the event's status, or a new one duplicates an existing name (existingId).</response>
    [HttpPost]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<InvestmentEvent>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Record([FromBody] EventRequest request, Actor actor, CancellationToken cancellationToken) =>
        await events.RecordAsync(request, actor, cancellationToken) switch
        {
            EventWriteResult.Saved(var recorded) => Created($"/api/events/{recorded.Id}", recorded),
            EventWriteResult.Forbidden(var detail) => Problem(statusCode: StatusCodes.Status403Forbidden, detail: detail),
            EventWriteResult.ProjectFailed failed => ProjectProblem(failed),
            _ => throw new InvalidOperationException("unexpected event result"),
        };

    /// <summary>The events, newest recorded first: signings, groundbreakings and completions with a date, seeded or recorded.</summary>
    /// <response code="200">A page of events.</response>
    /// <response code="400">A filter is invalid.</response>
    [HttpGet]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<EventPage> List([FromQuery] EventListQuery query, CancellationToken cancellationToken) =>
        await events.ListAsync(query, cancellationToken);

    /// <summary>One event with its projects.</summary>
    /// <response code="200">The event.</response>
    /// <response code="404">No such event.</response>
    [HttpGet("{id:long}")]
    [ProducesResponseType<InvestmentEvent>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await events.GetAsync(id, cancellationToken) is { } found ? Ok(found) : Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no event {id}.");

    /// <summary>Why one project stopped the event, pointing at it (<c>projects[3]</c>).</summary>
    private IActionResult ProjectProblem(EventWriteResult.ProjectFailed failed)
    {
        var at = $"projects[{failed.Index}]";
        var which = failed.ProjectId is { } id ? $"{at} (project {id})" : at;
        switch (failed.Result)
        {
            case ProjectWriteResult.Invalid(var field, var message):
                return ValidationProblems.Result(HttpContext, new Dictionary<string, string[]> { [$"{at}.{field}"] = [message] });
            case ProjectWriteResult.NotFound:
                return ValidationProblems.Result(HttpContext, new Dictionary<string, string[]> { [$"{at}.id"] = [$"There is no project {failed.ProjectId}."] });
            case ProjectWriteResult.Forbidden(var detail):
                return Problem(statusCode: StatusCodes.Status403Forbidden, detail: $"{which}: {detail}");
            case ProjectWriteResult.Duplicate(var existingId):
                var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status409Conflict,
                    detail: $"{at}: project {existingId} already has this name in this place. Set allowDuplicate on it to record another, or give its id instead.");
                problem.Extensions["existingId"] = existingId;
                problem.Extensions["existing"] = $"/api/projects/{existingId}";
                problem.Extensions["pointer"] = at;
                return new ObjectResult(problem) { StatusCode = StatusCodes.Status409Conflict, ContentTypes = { ProblemJson } };
            case ProjectWriteResult.Refused(var reason):
                return Problem(statusCode: StatusCodes.Status409Conflict, detail: $"{which}: {reason}.");
            default:
                return Problem(statusCode: StatusCodes.Status409Conflict, detail: $"{which} could not be recorded.");
        }
    }
}
