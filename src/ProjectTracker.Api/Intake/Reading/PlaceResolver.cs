using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Intake.Reading;

/// <summary>A place or park named in the text.</summary>
public sealed record PlaceMention(int Start, int End, Place? Place, Park? Park);

/// <summary>
/// Finds the places and parks the database holds, as a text names them. Full names (江夏区, 武汉经开区, 江夏经济开发区)
/// count wherever they stand when only one place has them; a two-character short name (江夏, 武昌, 青山) only for a
/// district of the city the text is about — elsewhere 青山 or 江汉 is as likely a hill or a river as a district.
/// Longest name first: 江夏经济开发区 is the zone, not 江夏. The rivers' names are words too, read as no place: 汉江汉阳江滩
/// is 汉江 then 汉阳, not 江汉 taken out of the middle of both.
/// </summary>
public sealed class PlaceResolver
{
    private readonly ReferenceSnapshot reference;
    private readonly Dictionary<string, (Place? Place, Park? Park)> fullNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> cityShortNames = new(StringComparer.Ordinal);
    private readonly int longest;

    /// <summary>
    /// Rivers whose names share characters with districts' short names. 江汉 is both rivers (江汉七桥, 江汉碧道) as often as
    /// the district, so only 江汉区 in full says the district.
    /// </summary>
    private static readonly HashSet<string> Rivers = ["长江", "汉江", "汉水", "江汉"];

    public PlaceResolver(ReferenceSnapshot reference)
    {
        this.reference = reference;
        foreach (var place in reference.Places)
        {
            foreach (var name in new[] { place.NameZh, place.ShortZh }.Distinct())
            {
                if (name.Length >= 3 && reference.PlacesNamed(name).Count == 1) fullNames[name] = (place, null);
            }
        }
        // A city's two-character name (武汉, 咸宁) is how articles open; only where no other place is called so.
        foreach (var place in reference.Places.Where(place => place.Kind == PlaceKind.City && place.ShortZh.Length == 2))
        {
            if (reference.PlacesNamed(place.ShortZh).Count == 1) cityShortNames[place.ShortZh] = place;
        }
        foreach (var park in reference.Parks.Values) fullNames[park.NameZh] = (null, park);
        longest = fullNames.Keys.Max(name => name.Length);
    }

    /// <summary>The places and parks named in text[from..to], in order, not overlapping.</summary>
    public IReadOnlyList<PlaceMention> Find(string text, int from, int to, Place? city)
    {
        var shortNames = city is null ? null : ShortNamesWithin(city);
        var found = new List<PlaceMention>();
        for (var i = from; i < to;)
        {
            var (hit, length) = Longest(text, i, to, shortNames);
            if (hit is not null && !OpensACompanysName(text, hit.End, to)) found.Add(hit);
            i += Math.Max(1, length);
        }
        return found;
    }

    /// <summary>
    /// The city a text is about: the prefecture-level city most of its fully named places lie in (武汉市 for a text that
    /// names 江夏区 and 汉阳区). Null when it names none.
    /// </summary>
    public Place? CityOf(string text, int from, int to)
    {
        var cities = Find(text, from, to, city: null)
            .Select(mention => mention.Place ?? (mention.Park is { } park ? reference.FindPlace(park.PlaceCode) : null))
            .OfType<Place>()
            .Select(place => reference.CityOf(place))
            .OfType<Place>()
            .GroupBy(place => place.Code)
            .OrderByDescending(group => group.Count())
            .FirstOrDefault();
        return cities?.First();
    }

    /// <summary>Whether a word is the name of some place, in full or short (武汉, 江夏区).</summary>
    public bool IsPlaceName(string word) => reference.PlacesNamed(word).Count > 0;

    /// <summary>The place a park lies in.</summary>
    public Place? PlaceOf(Park park) => reference.FindPlace(park.PlaceCode);

    /// <summary>How narrow a place is: a zone or district is narrower than its city, a city than its province.</summary>
    public static int Depth(Place place) => place.Kind switch
    {
        PlaceKind.Province => 0,
        PlaceKind.City => 1,
        PlaceKind.District or PlaceKind.County => 2,
        _ => 3,
    };

    private Dictionary<string, Place> ShortNamesWithin(Place city)
    {
        var names = new Dictionary<string, Place>(StringComparer.Ordinal);
        if (city.ShortZh.Length == 2) names[city.ShortZh] = city; // 武汉
        foreach (var code in reference.PlaceAndDescendants(city.Code))
        {
            if (reference.FindPlace(code) is { Kind: PlaceKind.District or PlaceKind.County } place && place.ShortZh.Length == 2) names.TryAdd(place.ShortZh, place);
        }
        return names;
    }

    /// <summary>
    /// "南京领行科技股份有限公司": a place that opens a company's name says where the company is registered, not where anything
    /// happens. The name runs to 有限公司 without a conjunction or a verb between ("江夏区与湖北浩川…有限公司" names two parties).
    /// </summary>
    private static bool OpensACompanysName(string text, int at, int to)
    {
        for (var i = at; i < Math.Min(to, at + 16); i++)
        {
            if (text.AsSpan(i).StartsWith("有限公司") || text.AsSpan(i).StartsWith("有限责任公司")) return i > at;
            if (!char.IsLetterOrDigit(text[i]) || "与和及同向在对为是将签引落".Contains(text[i])) return false;
        }
        return false;
    }

    /// <summary>The longest place or river named at <paramref name="at"/> and its length; a river is read as no place.</summary>
    private (PlaceMention? Place, int Length) Longest(string text, int at, int to, Dictionary<string, Place>? shortNames)
    {
        for (var length = Math.Min(longest, to - at); length >= 2; length--)
        {
            var candidate = text.Substring(at, length);
            if (fullNames.TryGetValue(candidate, out var named)) return (new PlaceMention(at, at + length, named.Place, named.Park), length);
            if (length > 2) continue;
            if (Rivers.Contains(candidate)) return (null, 2);
            if (shortNames is not null && shortNames.TryGetValue(candidate, out var district)) return (new PlaceMention(at, at + 2, district, null), 2);
            if (cityShortNames.TryGetValue(candidate, out var namedCity)) return (new PlaceMention(at, at + 2, namedCity, null), 2);
        }
        return (null, 0);
    }
}
