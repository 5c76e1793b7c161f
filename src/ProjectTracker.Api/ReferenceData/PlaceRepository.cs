namespace ProjectTracker.Api.ReferenceData;

/// <summary>A place as GET /api/districts lists it: the place, and the places it lies in from the province down.</summary>
/// <param name="Code">GB/T 2260 code, or a development zone's own code.</param>
/// <param name="Slug">Latin name usable instead of the code, where the place has one.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="ShortZh">Short Chinese name (江夏).</param>
/// <param name="NameEn">English name, where known.</param>
/// <param name="Kind">Level in the hierarchy.</param>
/// <param name="ParentCode">The place it belongs to; null for a province.</param>
/// <param name="Parents">The places it lies in, province first (江夏区: 湖北省, 武汉市).</param>
public sealed record PlaceEntry(string Code, string? Slug, string NameZh, string ShortZh, string? NameEn, PlaceKind Kind, string? ParentCode, IReadOnlyList<NamedRef> Parents);

/// <summary>Finding places, from the reference data held in memory (3,000-odd rows).</summary>
public sealed class PlaceRepository(ReferenceCatalog catalog)
{
    /// <summary>Places matching the query: exact matches of <c>q</c> (code, slug, name) first, then the rest by code.</summary>
    public async Task<IReadOnlyList<PlaceEntry>> ListAsync(PlaceQuery query, CancellationToken cancellationToken)
    {
        var reference = await catalog.CurrentAsync(cancellationToken);
        var within = query.Within is null ? null : reference.FindPlace(query.Within);
        return reference.Places
            .Where(place => query.Kind is null || place.Kind == query.Kind)
            .Where(place => within is null || reference.IsWithin(place.Code, within.Code))
            .Select(place => (place, rank: query.Q is null ? 1 : Rank(place, query.Q.Trim())))
            .Where(match => match.rank > 0)
            .OrderByDescending(match => match.rank).ThenBy(match => match.place.Code, StringComparer.Ordinal)
            .Select(match => new PlaceEntry(match.place.Code, match.place.Slug, match.place.NameZh, match.place.ShortZh, match.place.NameEn,
                match.place.Kind, match.place.ParentCode, reference.Parents(match.place)))
            .ToList();
    }

    /// <summary>2 when the text is the place's code, slug or one of its names; 1 when it is part of one (or a code's start); 0 otherwise.</summary>
    private static int Rank(Place place, string text)
    {
        string?[] names = [place.Slug, place.NameZh, place.ShortZh, place.NameEn];
        if (place.Code == text || names.Any(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase))) return 2;
        if (place.Code.StartsWith(text, StringComparison.Ordinal) || names.Any(name => name?.Contains(text, StringComparison.OrdinalIgnoreCase) == true)) return 1;
        return 0;
    }
}
