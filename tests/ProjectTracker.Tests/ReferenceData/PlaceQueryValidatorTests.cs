using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Tests.ReferenceData;

public sealed class PlaceQueryValidatorTests
{
    private readonly PlaceQueryValidator validator = new();

    [Theory]
    [InlineData("420115")]
    [InlineData("420100Z01")]
    [InlineData("jiangxia")]
    [InlineData("wuhan-edz")]
    public void CodesAndSlugsAreAccepted(string within) =>
        Assert.True(validator.Validate(new PlaceQuery { Within = within }).IsValid);

    [Theory]
    [InlineData("4201")]
    [InlineData("江夏区")]
    [InlineData("' OR 1=1 --")]
    [InlineData("JIANGXIA")]
    public void AnythingElseIsRefusedNamingTheField(string within)
    {
        var result = validator.Validate(new PlaceQuery { Within = within });

        var error = Assert.Single(result.Errors);
        Assert.Equal("within", error.PropertyName);
    }
}
