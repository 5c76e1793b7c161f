using System.Globalization;
using System.Text.RegularExpressions;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Tests.Intake;

/// <summary>
/// The reference data the database holds, read from the repository's own files without a database: every division of
/// China from db/places/divisions.csv (what migration V0046 loads), the development zones, parks and sectors from the
/// migrations that insert them.
/// </summary>
internal static partial class RepositoryReference
{
    public static ReferenceSnapshot Snapshot { get; } = Load();

    private static ReferenceSnapshot Load()
    {
        var places = new List<Place>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryFiles.Root, "db", "places", "divisions.csv")).Skip(1))
        {
            var cells = line.Split(',');
            places.Add(new Place(cells[0], null, cells[1], cells[2], cells[3].Length == 0 ? null : cells[3], Kind(cells[4]), cells[5].Length == 0 ? null : cells[5]));
        }
        var migrations = Path.Combine(RepositoryFiles.Root, "db", "migrations");
        var placesSql = File.ReadAllText(Path.Combine(migrations, "V0001__create_places.sql"));
        foreach (Match zone in Zone().Matches(placesSql))
        {
            places.Add(new Place(zone.Groups[1].Value, zone.Groups[2].Value, zone.Groups[3].Value, zone.Groups[3].Value, null, PlaceKind.DevelopmentZone, zone.Groups[4].Value));
        }
        var referenceSql = File.ReadAllText(Path.Combine(migrations, "V0002__create_sectors_and_parks.sql"));
        var parks = ParkRow().Matches(referenceSql).Select(park => new Park(park.Groups[1].Value, park.Groups[2].Value, park.Groups[3].Value, park.Groups[4].Value)).ToList();
        var sectors = SectorRow().Matches(referenceSql).Select(sector => new Sector(sector.Groups[1].Value,
            sector.Groups[2].Value == "NULL" ? null : sector.Groups[2].Value.Trim('\''), sector.Groups[3].Value, sector.Groups[4].Value,
            int.Parse(sector.Groups[5].Value, CultureInfo.InvariantCulture))).ToList();
        return new ReferenceSnapshot(places, parks, sectors);
    }

    private static PlaceKind Kind(string name) => name switch
    {
        "province" => PlaceKind.Province,
        "city" => PlaceKind.City,
        "district" => PlaceKind.District,
        "county" => PlaceKind.County,
        _ => PlaceKind.DevelopmentZone,
    };

    [GeneratedRegex(@"\('([0-9]{6}Z[0-9]{2})',\s*'([^']*)',\s*'([^']*)',\s*'[^']*',\s*'development_zone',\s*'([0-9]{6})'\)")]
    private static partial Regex Zone();

    [GeneratedRegex(@"\('([a-z][a-z0-9-]+)',\s*'([^']+)',\s*'([^']+)',\s*'([0-9]{6}(?:Z[0-9]{2})?)'\)")]
    private static partial Regex ParkRow();

    [GeneratedRegex(@"\('([a-z_]+)',\s*(NULL|'[a-z_]+'),\s*'([^']+)',\s*'([^']+)',\s*([0-9]+)\)")]
    private static partial Regex SectorRow();
}
