using FluentValidation;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Filters for the list of places.</summary>
public sealed record PlaceQuery
{
    /// <summary>Only places inside this one (code or slug), at any depth, including itself. Example: <c>wuhan</c> or <c>420100</c>.</summary>
    public string? Within { get; init; }

    /// <summary>Only places of this kind.</summary>
    public PlaceKind? Kind { get; init; }
}

public sealed class PlaceQueryValidator : AbstractValidator<PlaceQuery>
{
    public PlaceQueryValidator()
    {
        RuleFor(query => query.Within)
            .Matches(PlaceCodes.CodeOrSlugPattern)
            .WithMessage("within must be a place code (e.g. 420115 or 420100Z01) or slug (e.g. jiangxia).");
        RuleFor(query => query.Kind).IsInEnum();
    }
}
