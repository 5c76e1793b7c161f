using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Projects;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, "-signedOn")]
    [InlineData("amount", "amount")]
    [InlineData("-name", "-name")]
    [InlineData("updatedAt", "updatedAt")]
    public void AllowedSortsParse(string? text, string name)
    {
        Assert.True(ProjectSort.TryParse(text, out var sort));
        Assert.Equal(name, sort.Name);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("signed_on")]
    [InlineData("--signedOn")]
    [InlineData("signedOn; DROP TABLE projects")]
    public void OtherSortsAreRefused(string text) => Assert.False(ProjectSort.TryParse(text, out _));

    [Fact]
    public void ACursorRoundTrips()
    {
        var cursor = new PageCursor("-signedOn", "2023-01-31", 42);

        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("eyJTb3J0IjoiYW1vdW50IiwiVmFsdWUiOiJhYmMiLCJJZCI6MX0")]
    [InlineData("eyJTb3J0IjoibmFtZSIsIlZhbHVlIjoieCIsIklkIjotMX0")]
    public void TamperedCursorsAreRefused(string text) => Assert.False(PageCursor.TryDecode(text, out _));
}
