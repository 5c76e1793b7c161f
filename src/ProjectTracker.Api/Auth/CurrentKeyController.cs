using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Auth;

/// <summary>The key of the request itself, for any role (the admins' key management is <see cref="KeysController"/>).</summary>
[ApiController]
[Route("api/keys/current")]
[Authorize(Policies.Key)]
public sealed class CurrentKeyController : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The key this request presents: its name, role and districts (any role may ask, so a client can show them and hide what the key may not do).</summary>
    /// <response code="200">The key.</response>
    /// <response code="401">No key, or a bad or revoked one.</response>
    [HttpGet(Name = "getCurrentApiKey")]
    [ProducesResponseType<CurrentApiKey>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemJson)]
    public async Task<CurrentApiKey> Current(Actor actor, [FromServices] ReferenceCatalog referenceData, CancellationToken cancellationToken) =>
        actor.Describe(await referenceData.CurrentAsync(cancellationToken));
}
