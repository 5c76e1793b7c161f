using FluentValidation;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Validation rules that a code names a known place, park or sector — the one definition every request validator uses.</summary>
public static class ReferenceRules
{
    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownPlace<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.CustomAsync(async (code, context, ct) =>
        {
            if (code is not null && await catalog.FindPlaceAsync(code, ct) is null)
                context.AddFailure($"{context.PropertyPath} '{Shorten(code)}' is not a known place code or slug (see GET /api/districts).");
        });

    public static IRuleBuilderOptionsConditions<T, TList> MustBeKnownPlaces<T, TList>(this IRuleBuilder<T, TList> rule, ReferenceCatalog catalog)
        where TList : IEnumerable<string?>? =>
        rule.CustomAsync(async (codes, context, ct) =>
        {
            foreach (var code in (codes ?? Enumerable.Empty<string?>()).Distinct().Take(50))
            {
                if (string.IsNullOrWhiteSpace(code))
                    context.AddFailure($"{context.PropertyPath} cannot contain an empty place code.");
                else if (await catalog.FindPlaceAsync(code, ct) is null)
                    context.AddFailure($"{context.PropertyPath} '{Shorten(code)}' is not a known place code or slug (see GET /api/districts).");
            }
        });

    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownSector<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog) =>
        rule.CustomAsync(async (code, context, ct) =>
        {
            if (code is not null && await catalog.FindSectorAsync(code, ct) is null)
                context.AddFailure($"{context.PropertyPath} '{Shorten(code)}' is not a known sector (see GET /api/sectors).");
        });

    /// <summary>A known park, and — when the request names a place — one that lies in that place.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeKnownParkIn<T>(this IRuleBuilder<T, string?> rule, ReferenceCatalog catalog, Func<T, string?> placeOf) =>
        rule.CustomAsync(async (code, context, ct) =>
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

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
