using Microsoft.AspNetCore.Mvc;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Places projects are located in: provinces, cities, districts/counties and development zones.</summary>
[ApiController]
[Route("api/districts")]
public sealed class DistrictsController(PlaceRepository places) : ControllerBase
{
    /// <summary>Lists places, ordered by code.</summary>
    /// <remarks>
    /// "District" in this API means any place code: a city-level record (420100 武汉市) is valid, and filtering
    /// projects by a city includes its districts and zones. Example: <c>GET /api/districts?within=wuhan&amp;kind=district</c>.
    /// </remarks>
    /// <response code="200">The places.</response>
    /// <response code="400">A filter is malformed.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<Place>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<Place>> List([FromQuery] PlaceQuery query, CancellationToken cancellationToken) =>
        await places.ListAsync(query, cancellationToken);
}
