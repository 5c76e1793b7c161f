using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Tests.Projects;

namespace ProjectTracker.Tests.ReferenceData;

public sealed class PlaceQueryValidatorTests
{
    private readonly PlaceQueryValidator validator = new(ProjectRequestValidatorTests.Reference);

    [Theory]
    [InlineData("420115")]
    [InlineData("420115Z01")]
    [InlineData("jiangxia")]
    [InlineData("JIANGXIA")]
    [InlineData("江夏区")]
    [InlineData("江夏")]
    [InlineData("Jiangxia District")]
    public async Task CodesSlugsAndUnambiguousNamesAreAccepted(string within) =>
        Assert.True((await validator.ValidateAsync(new PlaceQuery { Within = within }, TestContext.Current.CancellationToken)).IsValid);

    [Theory]
    [InlineData("4201")]
    [InlineData("朝阳区")]
    [InlineData("' OR 1=1 --")]
    public async Task AnythingElseIsRefusedNamingTheField(string within)
    {
        var result = await validator.ValidateAsync(new PlaceQuery { Within = within }, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);
        Assert.Equal("within", error.PropertyName);
    }
}
