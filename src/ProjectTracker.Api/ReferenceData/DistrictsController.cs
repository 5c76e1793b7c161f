using Microsoft.AspNetCore.Mvc;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Places projects are located in: provinces, cities, districts/counties and development zones.</summary>
[ApiController]
[Route("api/districts")]
public sealed class DistrictsController(PlaceRepository places) : ControllerBase
{
    /// <summary>Finds places: every province, prefecture and county-level division of China, and development zones.</summary>
    /// <remarks>
    /// "District" in this API means any place: a city-level record (420100 武汉市) is valid, and filtering projects by
    /// a city or province includes everything in it. Writes and filters take a place's code, slug or a name only it
    /// has (江夏区, 江夏); a name several places share (朝阳区) is a 400 listing them. Examples:
    /// <c>GET /api/districts?q=江夏</c> (the place with its parents), <c>GET /api/districts?within=wuhan&amp;kind=district</c>.
    /// </remarks>
    /// <response code="200">The places.</response>
    /// <response code="400">A filter is malformed.</response>
    [HttpGet(Name = "listDistricts")]
    [ProducesResponseType<IReadOnlyList<PlaceEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<PlaceEntry>> List([FromQuery] PlaceQuery query, CancellationToken cancellationToken) =>
        await places.ListAsync(query, cancellationToken);
}
