using System.Net;
using System.Net.Http.Json;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.ReferenceData;

public sealed class DistrictsTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = JsonOptions();

    [Fact]
    public async Task WuhanHasItsThirteenDistricts()
    {
        var places = await GetAsync("/api/districts?within=wuhan&kind=district");

        Assert.Equal(13, places.Count);
        Assert.Contains(places, place => place is { Code: "420115", NameZh: "江夏区", Slug: "jiangxia" });
        Assert.Contains(places, place => place is { Code: "420105", NameZh: "汉阳区" });
    }

    [Fact]
    public async Task WithinADistrictIncludesItselfAndItsDevelopmentZones()
    {
        var places = await GetAsync("/api/districts?within=420115");

        Assert.Equal(["420115", "420115Z01"], places.Select(place => place.Code));
        Assert.Equal(PlaceKind.DevelopmentZone, places[1].Kind);
    }

    [Fact]
    public async Task PlacesBeyondWuhanAreThere()
    {
        var places = await GetAsync("/api/districts?within=xianning");

        Assert.Contains(places, place => place is { NameZh: "咸宁市", Kind: PlaceKind.City });
        Assert.Contains(places, place => place is { NameZh: "赤壁市", Kind: PlaceKind.County });
        Assert.Contains(places, place => place is { NameZh: "咸安经开区", ParentCode: "421202" });
    }

    [Fact]
    public async Task MalformedWithinIsA400NamingIt()
    {
        var response = await Database.Api.CreateClient().GetAsync("/api/districts?within=' OR 1=1 --", TestContext.Current.CancellationToken);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("is not a known place", Problems.ErrorsFor(problem, "within")[0]);
    }

    [Fact]
    public async Task EveryDivisionOfChinaIsThereAtProvincePrefectureAndCountyLevel()
    {
        var places = await GetAsync("/api/districts");

        Assert.Equal(34, places.Count(place => place.Kind == PlaceKind.Province));
        Assert.Equal(333, places.Count(place => place.Kind == PlaceKind.City));
        Assert.Equal(2846, places.Count(place => place.Kind is PlaceKind.District or PlaceKind.County));
        Assert.Contains(places, place => place is { Code: "440305", NameZh: "南山区", ParentCode: "440300" });
        Assert.Contains(places, place => place is { Code: "810000", ShortZh: "香港" });
        Assert.All(places.Where(place => place.Kind != PlaceKind.Province), place => Assert.NotEmpty(place.Parents));
    }

    [Theory]
    [InlineData("江夏")]
    [InlineData("江夏区")]
    [InlineData("Jiangxia")]
    [InlineData("420115")]
    public async Task APlaceIsFoundAsPeopleWriteItWithItsParents(string q)
    {
        var places = await GetAsync($"/api/districts?q={Uri.EscapeDataString(q)}");

        var first = places[0];
        Assert.Equal("420115", first.Code);
        Assert.Equal(["湖北省", "武汉市"], first.Parents.Select(parent => parent.NameZh));
    }

    [Fact]
    public async Task ANameSeveralPlacesShareFindsThemAll()
    {
        var places = await GetAsync("/api/districts?q=朝阳区");

        Assert.Equal(["110105", "220104"], places.Where(place => place.NameZh == "朝阳区").Select(place => place.Code).Order());
    }

    [Fact]
    public async Task AProjectMayNameItsPlaceByAnUnambiguousNameAnywhereInChina()
    {
        var shenzhen = await Client().CreateProjectAsync(ApiJson.Project("深圳名称测试项目", district: "深圳市"));
        var jiangxia = await Client().CreateProjectAsync(ApiJson.Project("江夏名称测试项目", district: "江夏"));

        Assert.Equal("440300", shenzhen.District.Code);
        Assert.Equal("420115", jiangxia.District.Code);
        var inHubei = await Client().GetFromJsonAsync<ProjectTracker.Api.Projects.ProjectPage>("/api/projects?district=湖北", Json, Cancellation);
        Assert.Equal([jiangxia.Id], inHubei!.Items.Select(project => project.Id));
    }

    [Theory]
    [InlineData("朝阳区", "110105 朝阳区 (北京市)", "220104 朝阳区 (吉林省 长春市)")]
    [InlineData("朝阳", "110105 朝阳区 (北京市)", "211300 朝阳市 (辽宁省)")]
    public async Task AnAmbiguousPlaceIsA400ListingTheCandidates(string district, string one, string another)
    {
        var response = await Client().PostAsync("/api/projects", JsonContent.Create(ApiJson.Project("歧义地名测试项目") with { District = district }, options: Json), Cancellation);

        using var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var message = Assert.Single(Problems.ErrorsFor(problem, "district"));
        Assert.Contains(one, message);
        Assert.Contains(another, message);
    }

    private async Task<List<PlaceEntry>> GetAsync(string url) =>
        await Database.Api.CreateClient().GetFromJsonAsync<List<PlaceEntry>>(url, Json, TestContext.Current.CancellationToken) ?? [];

    private static System.Text.Json.JsonSerializerOptions JsonOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        ApiServices.Configure(options);
        return options;
    }
}
