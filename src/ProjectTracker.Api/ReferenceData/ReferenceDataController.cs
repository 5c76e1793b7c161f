using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Parks, sectors and source documents.</summary>
[ApiController]
[Route("api")]
public sealed class ReferenceDataController(ReferenceDataRepository repository, ReferenceCatalog referenceData) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Industrial parks (园区) and new towns, optionally within one place.</summary>
    /// <response code="200">The parks.</response>
    /// <response code="400">district is not a known place.</response>
    [HttpGet("parks", Name = "listParks")]
    [ProducesResponseType<IReadOnlyList<Park>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IReadOnlyList<Park>> Parks([FromQuery] ParkQuery query, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var places = reference.PlacesWithin(query.District);
        return await repository.ParksAsync(places, cancellationToken);
    }

    /// <summary>Sectors as a tree: the municipal categories used in batch reports, each with its industries.</summary>
    /// <response code="200">The categories with their industries.</response>
    [HttpGet("sectors", Name = "listSectors")]
    [ProducesResponseType<IReadOnlyList<SectorCategory>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<SectorCategory>> Sectors(CancellationToken cancellationToken) =>
        await repository.SectorTreeAsync(cancellationToken);

    /// <summary>The source documents facts were taken from.</summary>
    /// <response code="200">The documents, oldest first.</response>
    [HttpGet("sources", Name = "listSources")]
    [ProducesResponseType<IReadOnlyList<SourceDocument>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<SourceDocument>> Sources(CancellationToken cancellationToken) =>
        await repository.DocumentsAsync(cancellationToken);
}

/// <summary>Filter for the park list.</summary>
public sealed record ParkQuery
{
    /// <summary>Only parks within this place (code or slug), e.g. wuhan-edz.</summary>
    public string? District { get; init; }
}

public sealed class ParkQueryValidator : AbstractValidator<ParkQuery>
{
    public ParkQueryValidator(ReferenceCatalog referenceData)
    {
        RuleFor(query => query.District).MustBeKnownPlace(referenceData);
    }
}
