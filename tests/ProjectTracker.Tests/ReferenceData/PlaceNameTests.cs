using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Tests.ReferenceData;

/// <summary>A name two places share is written, and found, after the names of the places it lies in.</summary>
public sealed class PlaceNameTests
{
    private static readonly ReferenceSnapshot China = new(
        [
            new Place("110000", null, "北京市", "北京", null, PlaceKind.Province, null),
            new Place("110105", null, "朝阳区", "朝阳", null, PlaceKind.District, "110000"),
            new Place("220000", null, "吉林省", "吉林", null, PlaceKind.Province, null),
            new Place("220100", null, "长春市", "长春", null, PlaceKind.City, "220000"),
            new Place("220104", null, "朝阳区", "朝阳", null, PlaceKind.District, "220100"),
            new Place("420000", "hubei", "湖北省", "湖北", "Hubei Province", PlaceKind.Province, null),
            new Place("420100", "wuhan", "武汉市", "武汉", "Wuhan", PlaceKind.City, "420000"),
            new Place("420115", "jiangxia", "江夏区", "江夏", "Jiangxia District", PlaceKind.District, "420100"),
        ], [], []);

    [Theory]
    [InlineData("长春市朝阳区", "220104")]
    [InlineData("吉林省长春市朝阳区", "220104")]
    [InlineData("北京市朝阳区", "110105")]
    [InlineData("江夏区", "420115")]
    [InlineData("武汉市江夏区", "420115")]
    public void AQualifiedNameFindsItsPlace(string text, string code) => Assert.Equal(code, China.FindPlace(text)?.Code);

    [Theory]
    [InlineData("朝阳区")]
    [InlineData("湖北省朝阳区")]
    [InlineData("长春朝阳区")]
    [InlineData("市朝阳区")]
    public void AnAmbiguousOrWrongQualifiedNameFindsNothing(string text) => Assert.Null(China.FindPlace(text));

    [Theory]
    [InlineData("220104", "长春市朝阳区")]
    [InlineData("420115", "江夏区")]
    public void TheUnambiguousNameIsTheOwnNameUnlessAnotherPlaceHasIt(string code, string written)
    {
        Assert.Equal(written, China.UnambiguousNameZh(China.FindPlace(code)!));
        Assert.Equal(code, China.FindPlace(written)?.Code);
    }
}
