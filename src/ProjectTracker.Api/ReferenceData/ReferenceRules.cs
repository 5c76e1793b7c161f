using FluentValidation;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Validation rules that a code names a known place, park or sector — the one definition every request validator uses.</summary>
public static class ReferenceRules
{
    /// <summary>The longest code, slug or name a request may give for a place, park or sector.</summary>
    public const int CodeMaxLength = 64;

    private const string TooLong = "{PropertyPath} must be at most 64 characters.";

    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownPlace<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.MaximumLength(CodeMaxLength).WithMessage(TooLong).CustomAsync(async (code, context, ct) =>
        {
            if (code is not null && await PlaceProblemAsync(catalog, code, context.PropertyPath, ct) is { } problem) context.AddFailure(problem);
        });

    public static IRuleBuilderOptionsConditions<T, TList> MustBeKnownPlaces<T, TList>(this IRuleBuilder<T, TList> rule, ReferenceCatalog catalog)
        where TList : IEnumerable<string?>? =>
        rule.CustomAsync(async (codes, context, ct) =>
        {
            foreach (var code in (codes ?? Enumerable.Empty<string?>()).Distinct().Take(50))
            {
                if (string.IsNullOrWhiteSpace(code))
                    context.AddFailure($"{context.PropertyPath} cannot contain an empty place code.");
                else if (await PlaceProblemAsync(catalog, code, context.PropertyPath, ct) is { } problem)
                    context.AddFailure(problem);
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownSector<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.MaximumLength(CodeMaxLength).WithMessage(TooLong).CustomAsync(async (code, context, ct) =>
        {
            if (code is not null && await catalog.FindSectorAsync(code, ct) is null)
                context.AddFailure($"{context.PropertyPath} '{Shorten(code)}' is not a known sector (see GET /api/sectors).");
        });

    /// <summary>A known park, and — when the request names a place — one that lies in that place.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownParkIn<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog, Func<T, string?> placeOf) =>
        rule.MaximumLength(CodeMaxLength).WithMessage(TooLong).CustomAsync(async (code, context, ct) =>
        {
            if (code is null) return;
            if (await catalog.FindParkAsync(code, ct) is not { } park)
            {
                context.AddFailure($"{context.PropertyPath} '{Shorten(code)}' is not a known park (see GET /api/parks).");
                return;
            }
            var placeCode = placeOf(context.InstanceToValidate);
            var reference = await catalog.CurrentAsync(ct);
            if (reference.FindPlace(placeCode) is { } place && !reference.IsWithin(park.PlaceCode, place.Code))
                context.AddFailure($"{context.PropertyPath} '{code}' lies in {park.PlaceCode}, not in '{placeCode}'.");
        });

    /// <summary>Why a text names no place: it names none, or several (then each is listed, with where it lies).</summary>
    private static async Task<string?> PlaceProblemAsync(ReferenceCatalog catalog, string text, string field, CancellationToken cancellationToken)
    {
        var reference = await catalog.CurrentAsync(cancellationToken);
        if (reference.FindPlace(text) is not null) return null;
        if (reference.PlacesNamed(text) is { Count: > 1 } candidates)
        {
            var listed = candidates.OrderBy(place => place.Code, StringComparer.Ordinal)
                .Select(place => $"{place.Code} {place.NameZh} ({string.Join(" ", reference.Parents(place).Select(parent => parent.NameZh))})");
            return $"{field} '{text}' names {candidates.Count} places: {string.Join(", ", listed)}; give its code.";
        }
        return $"{field} '{Shorten(text)}' is not a known place: give a code (420115), slug (jiangxia) or name (江夏区, 江夏); GET /api/districts?q= finds it.";
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
