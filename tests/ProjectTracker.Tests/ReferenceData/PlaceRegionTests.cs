using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Tests.ReferenceData;

public sealed class PlaceRegionTests
{
    private static readonly ReferenceSnapshot China = new(
        [
            new Place("110000", null, "北京市", "北京", null, PlaceKind.Province, null),
            new Place("110105", null, "朝阳区", "朝阳", null, PlaceKind.District, "110000"),
            new Place("420000", "hubei", "湖北省", "湖北", "Hubei Province", PlaceKind.Province, null),
            new Place("420100", "wuhan", "武汉市", "武汉", "Wuhan", PlaceKind.City, "420000"),
            new Place("420115", "jiangxia", "江夏区", "江夏", "Jiangxia District", PlaceKind.District, "420100"),
            new Place("420115Z01", "jiangxia-edz", "江夏经济开发区", "江夏经济开发区", "Jiangxia EDZ", PlaceKind.DevelopmentZone, "420115"),
            new Place("429004", null, "仙桃市", "仙桃", null, PlaceKind.County, "420000"),
        ], [], []);

    [Theory]
    [InlineData("420115Z01", "420000", "420100")]
    [InlineData("420115", "420000", "420100")]
    [InlineData("420100", "420000", "420100")]
    [InlineData("420000", "420000", null)]
    [InlineData("429004", "420000", "429004")]
    [InlineData("110105", "110000", "110000")]
    [InlineData("110000", "110000", "110000")]
    public void EveryPlaceHasItsProvinceAndCity(string code, string province, string? city)
    {
        var place = China.FindPlace(code)!;

        Assert.Equal((province, city), (China.ProvinceOf(place)?.Code, China.CityOf(place)?.Code));
        var at = Array.IndexOf(China.Regions.Places, code);
        Assert.Equal((province, city), (China.Regions.Provinces[at], China.Regions.Cities[at]));
    }
}
