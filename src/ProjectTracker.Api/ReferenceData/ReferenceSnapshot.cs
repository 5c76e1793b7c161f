using System.Collections.Frozen;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Places, parks and sectors at one moment, indexed for validation and filters.</summary>
public sealed class ReferenceSnapshot
{
    private readonly FrozenDictionary<string, Place> placesByCode;
    private readonly FrozenDictionary<string, Place> placesBySlug;
    private readonly FrozenDictionary<string, string[]> placeChildren;
    private readonly FrozenDictionary<string, Place[]> placesByName;

    private readonly FrozenDictionary<string, Park> parksByName;
    private readonly FrozenDictionary<string, Sector> sectorsByName;

    public ReferenceSnapshot(IEnumerable<Place> places, IEnumerable<Park> parks, IEnumerable<Sector> sectors)
    {
        var placeList = places.ToList();
        placesByCode = placeList.ToFrozenDictionary(place => place.Code, StringComparer.Ordinal);
        placesBySlug = placeList.Where(place => place.Slug is not null).ToFrozenDictionary(place => place.Slug!, StringComparer.OrdinalIgnoreCase);
        placeChildren = placeList.Where(place => place.ParentCode is not null)
            .GroupBy(place => place.ParentCode!)
            .ToFrozenDictionary(group => group.Key, group => group.Select(place => place.Code).ToArray(), StringComparer.Ordinal);
        Parks = parks.ToFrozenDictionary(park => park.Code, StringComparer.Ordinal);
        Sectors = sectors.ToFrozenDictionary(sector => sector.Code, StringComparer.Ordinal);
        // A place by any of its names (江夏区, 江夏, Jiangxia District); a name several places share finds them all.
        placesByName = placeList
            .SelectMany(place => new[] { place.NameZh, place.ShortZh, place.NameEn }.OfType<string>().Distinct().Select(name => (name, place)))
            .GroupBy(pair => pair.name, pair => pair.place, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.OrdinalIgnoreCase);
        Places = placeList;
        // What spreadsheets write: the Chinese names that name exactly one park or sector.
        parksByName = UniqueByName(Parks.Values, park => park.NameZh);
        sectorsByName = UniqueByName(Sectors.Values, sector => sector.NameZh);
    }

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

    /// <summary>Every place, in no particular order.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>
    /// A place as people write it: its code (420115), slug (jiangxia, Jiangxia), a name only it has (江夏区, 江夏,
    /// Jiangxia District) or a shared name after the names of the places it lies in (武汉市青山区, 湖北省武汉市青山区);
    /// null when nothing or more than one place answers (see <see cref="PlacesNamed"/>).
    /// </summary>
    public Place? FindPlace(string? text) =>
        text is null ? null
        : placesByCode.GetValueOrDefault(text) ?? placesBySlug.GetValueOrDefault(text)
          ?? (placesByName.GetValueOrDefault(text) is [var only] ? only : null)
          ?? FindByParentsAndName(text);

    private Place? FindByParentsAndName(string text)
    {
        for (var split = 1; split < text.Length; split++)
        {
            var (parents, name) = (text[..split], text[split..]);
            var matches = PlacesNamed(name).Where(place => ParentNames(place).Contains(parents, StringComparer.Ordinal)).ToList();
            if (matches.Count > 0) return matches is [var only] ? only : null;
        }
        return null;
    }

    /// <summary>The names of a place's parents as a name is written after them: 武汉市, 湖北省武汉市.</summary>
    private IEnumerable<string> ParentNames(Place place)
    {
        var written = "";
        for (var parent = ParentOf(place); parent is not null; parent = ParentOf(parent))
        {
            written = parent.NameZh + written;
            yield return written;
        }
    }

    /// <summary>The Chinese name that finds exactly this place: its own when no other place has it, else after its parent's (武汉市青山区).</summary>
    public string UnambiguousNameZh(Place place) =>
        PlacesNamed(place.NameZh).Count == 1 || ParentOf(place) is not { } parent ? place.NameZh : parent.NameZh + place.NameZh;

    /// <summary>Every place with this name (朝阳区: one in Beijing, one in Changchun).</summary>
    public IReadOnlyList<Place> PlacesNamed(string text) => placesByName.GetValueOrDefault(text) ?? [];

    /// <summary>The places a place lies in, from the province down (江夏区: 湖北省, 武汉市).</summary>
    public IReadOnlyList<NamedRef> Parents(Place place)
    {
        var parents = new List<NamedRef>();
        for (var parent = ParentOf(place); parent is not null; parent = ParentOf(parent)) parents.Insert(0, new NamedRef(parent.Code, parent.NameZh, parent.NameEn));
        return parents;
    }

    /// <summary>The place a place lies in, if any.</summary>
    public Place? ParentOf(Place place) => place.ParentCode is null ? null : placesByCode.GetValueOrDefault(place.ParentCode);

    public Park? FindPark(string? code) => code is null ? null : Parks.GetValueOrDefault(code);

    public Sector? FindSector(string? code) => code is null ? null : Sectors.GetValueOrDefault(code);

    /// <summary>The codes of the place a filter names and of every place within it; null when it names none (no filter).</summary>
    public string[]? PlacesWithin(string? text) => FindPlace(text) is { } place ? [.. PlaceAndDescendants(place.Code)] : null;

    /// <summary>The place and every place within it, at any depth (a city with its districts and zones).</summary>
    public IEnumerable<string> PlaceAndDescendants(string code)
    {
        yield return code;
        foreach (var child in placeChildren.GetValueOrDefault(code) ?? [])
        {
            foreach (var descendant in PlaceAndDescendants(child)) yield return descendant;
        }
    }

    /// <summary>The province a place lies in (or is).</summary>
    public Place? ProvinceOf(Place place)
    {
        var current = place;
        while (ParentOf(current) is { } parent) current = parent;
        return current.Kind == PlaceKind.Province ? current : null;
    }

    /// <summary>
    /// The prefecture-level city a place lies in (or is). A municipality (北京, 重庆: a province without cities) is its
    /// own city; a county the province runs directly (仙桃, 神农架) counts as one. Null for a province of cities itself.
    /// </summary>
    public Place? CityOf(Place place)
    {
        Place? belowProvince = null;
        for (Place? current = place; current is not null; current = ParentOf(current))
        {
            if (current.Kind == PlaceKind.City) return current;
            if (current.Kind == PlaceKind.Province)
                return placeChildren.GetValueOrDefault(current.Code)?.Any(child => placesByCode[child].Kind == PlaceKind.City) == true ? belowProvince : current;
            belowProvince = current;
        }
        return null;
    }

    /// <summary>Every place's province and city code (null where it has none), as columns, worked out once per snapshot.</summary>
    public PlaceRegions Regions => regions ??= new PlaceRegions(
        [.. Places.Select(place => place.Code)], [.. Places.Select(place => ProvinceOf(place)?.Code)], [.. Places.Select(place => CityOf(place)?.Code)]);
    private PlaceRegions? regions;

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

/// <summary>Place codes with, at the same index, the province and city each lies in: a small table SQL can join.</summary>
public sealed record PlaceRegions(string[] Places, string?[] Provinces, string?[] Cities);
