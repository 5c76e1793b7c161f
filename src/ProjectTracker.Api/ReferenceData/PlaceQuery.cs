using FluentValidation;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Filters for the list of places.</summary>
public sealed record PlaceQuery
{
    /// <summary>Places as people write them: part of a Chinese name (江夏, 朝阳), part of an English name (Jiangxia), a slug, or a code or its first digits (4201).</summary>
    public string? Q { get; init; }

    /// <summary>Only places inside this one (code, slug or name), at any depth, including itself. Example: <c>wuhan</c> or <c>420100</c>.</summary>
    public string? Within { get; init; }

    /// <summary>Only places of this kind.</summary>
    public PlaceKind? Kind { get; init; }
}

public sealed class PlaceQueryValidator : AbstractValidator<PlaceQuery>
{
    public PlaceQueryValidator(ReferenceCatalog catalog)
    {
        RuleFor(query => query.Q).MaximumLength(ReferenceRules.CodeMaxLength).WithMessage($"q must be at most {ReferenceRules.CodeMaxLength} characters.");
        RuleFor(query => query.Within).MustBeKnownPlace(catalog);
        RuleFor(query => query.Kind).IsInEnum();
    }
}
