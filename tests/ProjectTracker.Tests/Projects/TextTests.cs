using ProjectTracker.Api.Common;

namespace ProjectTracker.Tests.Projects;

public sealed class TextTests
{
    [Fact]
    public void FoldedNamesIgnoreWidthCaseSpacesAndPunctuation() =>
        Assert.Equal(Text.Fold("智能医疗基地建设项目(一期)"), Text.Fold(" 智能医疗基地建设项目（一期） "));

    [Fact]
    public void CleanTrimsAndComposes()
    {
        var decomposed = "Cafe\u0301 项目 ";

        Assert.Equal("Café 项目", Text.Clean(decomposed));
        Assert.Null(Text.Clean("   "));
    }

    [Theory]
    [InlineData("正常名称", false)]
    [InlineData("bell\u0007", true)]
    [InlineData("emoji 😀 ok", false)]
    public void ControlCharactersAndBrokenSurrogatesAreFound(string value, bool found) =>
        Assert.Equal(found, Text.HasControlCharacters(value));

    [Fact]
    public void ALoneSurrogateIsBrokenText() =>
        Assert.True(Text.HasControlCharacters("lone " + '\ud800' + " surrogate"));
}
