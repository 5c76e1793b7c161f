using System.Collections.Frozen;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Places, parks and sectors at one moment, indexed for validation and filters.</summary>
public sealed class ReferenceSnapshot
{
    private readonly FrozenDictionary<string, Place> placesByCode;
    private readonly FrozenDictionary<string, Place> placesBySlug;
    private readonly FrozenDictionary<string, string[]> placeChildren;

    private readonly FrozenDictionary<string, string> uniqueNames;

    public ReferenceSnapshot(IEnumerable<Place> places, IEnumerable<Park> parks, IEnumerable<Sector> sectors)
    {
        var placeList = places.ToList();
        placesByCode = placeList.ToFrozenDictionary(place => place.Code, StringComparer.Ordinal);
        placesBySlug = placeList.ToFrozenDictionary(place => place.Slug, StringComparer.Ordinal);
        placeChildren = placeList.Where(place => place.ParentCode is not null)
            .GroupBy(place => place.ParentCode!)
            .ToFrozenDictionary(group => group.Key, group => group.Select(place => place.Code).ToArray(), StringComparer.Ordinal);
        Parks = parks.ToFrozenDictionary(park => park.Code, StringComparer.Ordinal);
        Sectors = sectors.ToFrozenDictionary(sector => sector.Code, StringComparer.Ordinal);
        // Chinese names that name exactly one place, park or sector, keyed by kind: what spreadsheets write.
        uniqueNames = placeList.Select(place => ("place:" + place.NameZh, place.Code))
            .Concat(Parks.Values.Select(park => ("park:" + park.NameZh, park.Code)))
            .Concat(Sectors.Values.Select(sector => ("sector:" + sector.NameZh, sector.Code)))
            .GroupBy(entry => entry.Item1, StringComparer.Ordinal)
            .Where(group => group.Count() == 1)
            .ToFrozenDictionary(group => group.Key, group => group.Single().Item2, StringComparer.Ordinal);
    }

    /// <summary>A place by code, slug or (unambiguous) Chinese name, e.g. 江夏区.</summary>
    public Place? FindPlaceByAnyName(string? text) =>
        FindPlace(text) ?? (text is not null && uniqueNames.TryGetValue("place:" + text, out var code) ? placesByCode.GetValueOrDefault(code) : null);

    /// <summary>A park by code or (unambiguous) Chinese name, e.g. 庙山产业园区.</summary>
    public Park? FindParkByAnyName(string? text) =>
        FindPark(text) ?? (text is not null && uniqueNames.TryGetValue("park:" + text, out var code) ? Parks.GetValueOrDefault(code) : null);

    /// <summary>A sector by code or (unambiguous) Chinese name, e.g. 生物医药与医疗器械.</summary>
    public Sector? FindSectorByAnyName(string? text) =>
        FindSector(text) ?? (text is not null && uniqueNames.TryGetValue("sector:" + text, out var code) ? Sectors.GetValueOrDefault(code) : null);

    public FrozenDictionary<string, Park> Parks { get; }
    public FrozenDictionary<string, Sector> Sectors { get; }

    /// <summary>A place by its code (420115) or slug (jiangxia).</summary>
    public Place? FindPlace(string? codeOrSlug) =>
        codeOrSlug is null ? null : placesByCode.GetValueOrDefault(codeOrSlug) ?? placesBySlug.GetValueOrDefault(codeOrSlug);

    public Park? FindPark(string? code) => code is null ? null : Parks.GetValueOrDefault(code);

    public Sector? FindSector(string? code) => code is null ? null : Sectors.GetValueOrDefault(code);

    /// <summary>The place and every place within it, at any depth (a city with its districts and zones).</summary>
    public IEnumerable<string> PlaceAndDescendants(string code)
    {
        yield return code;
        foreach (var child in placeChildren.GetValueOrDefault(code) ?? [])
        {
            foreach (var descendant in PlaceAndDescendants(child)) yield return descendant;
        }
    }

    /// <summary>Whether <paramref name="code"/> is <paramref name="ancestor"/> or lies within it.</summary>
    public bool IsWithin(string code, string ancestor)
    {
        for (var current = placesByCode.GetValueOrDefault(code); current is not null; current = current.ParentCode is null ? null : placesByCode.GetValueOrDefault(current.ParentCode))
        {
            if (current.Code == ancestor) return true;
        }
        return false;
    }

    /// <summary>A sector and, for a category, its industries.</summary>
    public IEnumerable<string> SectorAndIndustries(string code) =>
        Sectors.Values.Where(sector => sector.Code == code || sector.CategoryCode == code).Select(sector => sector.Code);
}
