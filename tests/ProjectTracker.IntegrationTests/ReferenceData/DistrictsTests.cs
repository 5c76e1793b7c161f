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
        Assert.Contains("place code", Problems.ErrorsFor(problem, "within")[0]);
    }

    private async Task<List<Place>> GetAsync(string url) =>
        await Database.Api.CreateClient().GetFromJsonAsync<List<Place>>(url, Json, TestContext.Current.CancellationToken) ?? [];

    private static System.Text.Json.JsonSerializerOptions JsonOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions();
        ApiServices.Configure(options);
        return options;
    }
}
