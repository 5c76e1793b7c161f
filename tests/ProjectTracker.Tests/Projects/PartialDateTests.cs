using System.Text.Json;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Projects;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2023-01-31", DatePrecision.Day, "2023-01-31", "2023-01-31")]
    [InlineData("2023-02", DatePrecision.Month, "2023-02-01", "2023-02-28")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2017", DatePrecision.Year, "2017-01-01", "2017-12-31")]
    public void ADateIsKeptAsPreciseAsItIsKnown(string text, DatePrecision precision, string start, string end)
    {
        Assert.True(PartialDate.TryParse(text, out var date));

        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(start), date.Start);
        Assert.Equal(DateOnly.Parse(end), date.End);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2023-13")]
    [InlineData("2023-02-30")]
    [InlineData("23-02-01")]
    [InlineData("2023/02/01")]
    [InlineData("2023-2")]
    [InlineData("")]
    [InlineData("二〇二三年")]
    public void AnythingElseIsNotADate(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void JsonCarriesTheDateAsKnownAndNeverInventsADay()
    {
        var options = new JsonSerializerOptions();
        ApiServices.Configure(options);

        var json = JsonSerializer.Serialize(new { signedOn = PartialDate.Month(2023, 2) }, options);

        Assert.Equal("""{"signedOn":"2023-02"}""", json);
        Assert.Equal(PartialDate.Year(2017), JsonSerializer.Deserialize<PartialDate>("\"2017\"", options));
    }
}
