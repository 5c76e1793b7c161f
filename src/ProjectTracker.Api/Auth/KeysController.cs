using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Common.Writes;

namespace ProjectTracker.Api.Auth;

/// <summary>API keys (admins only). Also from the command line: <c>-- create-key</c>, <c>list-keys</c>, <c>revoke-key</c>.</summary>
[ApiController]
[Route("api/keys")]
[Authorize(Policies.Admin)]
public sealed class KeysController(ApiKeyRepository keys) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The keys, without their secrets.</summary>
    /// <param name="includeRevoked">Also list revoked keys.</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="200">Oldest first.</response>
    [HttpGet(Name = "listApiKeys")]
    [ProducesResponseType<IReadOnlyList<ApiKey>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ApiKey>> List([FromQuery] bool includeRevoked, CancellationToken cancellationToken) =>
        await keys.ListAsync(includeRevoked, cancellationToken);

    /// <summary>One key, without its secret (revoked ones too).</summary>
    /// <response code="200">The key.</response>
    /// <response code="404">No such key.</response>
    [HttpGet("{id:long}", Name = "getApiKey")]
    [ProducesResponseType<ApiKey>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await keys.GetAsync(id, cancellationToken) is { } key
            ? Ok(key)
            : Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no API key {id}.");

    /// <summary>Creates a key; its secret is in this answer only.</summary>
    /// <response code="201">Created: store the secret now, it cannot be shown again.</response>
    /// <response code="400">A field is invalid.</response>
    [HttpPost(Name = "createApiKey")]
    [ProducesResponseType<CreatedApiKey>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IActionResult> Create([FromBody] ApiKeyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(request, actor, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return CreatedAtAction(nameof(Get), new { id = created.Key.Id }, created);
    }

    /// <summary>Revokes a key: it stops working at once on this instance, within Auth:KeyCacheSeconds on others.</summary>
    /// <response code="204">Revoked (or already was).</response>
    /// <response code="404">No such key.</response>
    [HttpDelete("{id:long}", Name = "revokeApiKey")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Revoke(long id, Actor actor, CancellationToken cancellationToken) =>
        this.Respond(await keys.RevokeAsync(id, actor, cancellationToken), _ => NoContent());
}
