using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Writes;
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
    [HttpPost(Name = "recordEvent")]
    [Authorize(Policies.Edit)]
    [ProducesResponseType<InvestmentEvent>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    public async Task<IActionResult> Record([FromBody] EventRequest request, Actor actor, CancellationToken cancellationToken) =>
        this.Respond(await events.RecordAsync(request, actor, cancellationToken), recorded => CreatedAtAction(nameof(Get), new { id = recorded.Id }, recorded));

    /// <summary>The events, newest recorded first: signings, groundbreakings and completions with a date, seeded or recorded.</summary>
    /// <response code="200">A page of events.</response>
    /// <response code="400">A filter is invalid.</response>
    [HttpGet(Name = "listEvents")]
    [ProducesResponseType<EventPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<EventPage> List([FromQuery] EventListQuery query, CancellationToken cancellationToken) =>
        await events.ListAsync(query, cancellationToken);

    /// <summary>One event with its projects.</summary>
    /// <response code="200">The event.</response>
    /// <response code="404">No such event.</response>
    [HttpGet("{id:long}", Name = "getEvent")]
    [ProducesResponseType<InvestmentEvent>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await events.GetAsync(id, cancellationToken) is { } found ? Ok(found) : Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no event {id}.");
}
