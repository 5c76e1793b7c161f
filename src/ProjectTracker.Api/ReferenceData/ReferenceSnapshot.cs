using System.Collections.Frozen;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Places, parks and sectors at one moment, indexed for validation and filters.</summary>
public sealed class ReferenceSnapshot
{
    private readonly FrozenDictionary<string, Place> placesByCode;
    private readonly FrozenDictionary<string, Place> placesBySlug;
    private readonly FrozenDictionary<string, string[]> placeChildren;

    private readonly FrozenDictionary<string, Place> placesByName;
    private readonly FrozenDictionary<string, Park> parksByName;
    private readonly FrozenDictionary<string, Sector> sectorsByName;

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
        // What spreadsheets write: the Chinese names that name exactly one place, park or sector.
        placesByName = UniqueByName(placeList, place => place.NameZh);
        parksByName = UniqueByName(Parks.Values, park => park.NameZh);
        sectorsByName = UniqueByName(Sectors.Values, sector => sector.NameZh);
    }

    /// <summary>A place by code, slug or (unambiguous) Chinese name, e.g. 江夏区.</summary>
    public Place? FindPlaceByAnyName(string? text) => FindPlace(text) ?? (text is null ? null : placesByName.GetValueOrDefault(text));

    /// <summary>A park by code or (unambiguous) Chinese name, e.g. 庙山产业园区.</summary>
    public Park? FindParkByAnyName(string? text) => FindPark(text) ?? (text is null ? null : parksByName.GetValueOrDefault(text));

    /// <summary>A sector by code or (unambiguous) Chinese name, e.g. 生物医药与医疗器械.</summary>
    public Sector? FindSectorByAnyName(string? text) => FindSector(text) ?? (text is null ? null : sectorsByName.GetValueOrDefault(text));

    /// <summary>A place as other resources show it, with its names; null when the code is unknown.</summary>
    public NamedRef? PlaceRef(string code) => placesByCode.GetValueOrDefault(code) is { } place ? new NamedRef(place.Code, place.NameZh, place.NameEn) : null;

    private static FrozenDictionary<string, T> UniqueByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        items.GroupBy(name, StringComparer.Ordinal).Where(group => group.Count() == 1)
            .ToFrozenDictionary(group => group.Key, group => group.Single(), StringComparer.Ordinal);

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
