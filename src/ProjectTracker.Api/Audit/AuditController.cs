using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;

namespace ProjectTracker.Api.Audit;

/// <summary>The audit trail of every write (admins only). A project's own trail: GET /api/projects/{id}/audit.</summary>
[ApiController]
[Route("api/audit")]
[Authorize(Policies.Admin)]
public sealed class AuditController(AuditRepository audit) : ControllerBase
{
    /// <summary>Writes in the order they committed, filtered by time, actor, action or kind of record.</summary>
    /// <remarks>Example: <c>GET /api/audit?from=2024-05-01T00:00:00Z&amp;actor=江夏区投促局</c>. Page on with <c>after</c> = nextCursor.</remarks>
    /// <response code="200">A page, oldest first.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet(Name = "listAuditEntries")]
    [ProducesResponseType<AuditPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<AuditPage> List([FromQuery] AuditQuery query, CancellationToken cancellationToken) =>
        await audit.ListAsync(query, cancellationToken);
}
