using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Projects;

public sealed class ProjectSearchTests
{
    [Fact]
    public void AProjectIsFoundByAnyTwoCharactersOfItsName()
    {
        var (tokens, text) = ProjectSearch.ForProject("智能医疗基地建设项目(一期)", null);
        var (queryTokens, pattern) = ProjectSearch.ForQuery("医疗")!.Value;

        Assert.Superset(queryTokens.ToHashSet(), tokens.ToHashSet());
        Assert.Contains("医疗", text);
        Assert.Equal("%医疗%", pattern);
    }

    [Fact]
    public void EnglishNamesAreSearchableToo()
    {
        var (tokens, _) = ProjectSearch.ForProject("浩川水利总部项目", "Haochuan Water Headquarters");

        Assert.Contains("hq", ProjectSearch.ForProject("总部", "HQ").Tokens);
        Assert.Contains("wa", tokens);
        Assert.DoesNotContain("水电", tokens);
    }

    [Fact]
    public void AQueryNeedsTwoLettersOrDigitsInARow()
    {
        Assert.Equal(["云计"], ProjectSearch.ForQuery("云计")!.Value.Tokens);
        Assert.Null(ProjectSearch.ForQuery("云"));
        Assert.Null(ProjectSearch.ForQuery("a b"));
        Assert.False(ProjectSearch.IsSearchable("%"));
    }

    [Fact]
    public void LatinTextIsCaseAndWidthFolded()
    {
        var (tokens, _) = ProjectSearch.ForProject("Ｔ３出行华中区域总部", "T3 Central China HQ");
        var query = ProjectSearch.ForQuery("t3")!.Value;

        Assert.Superset(query.Tokens.ToHashSet(), tokens.ToHashSet());
    }

    [Fact]
    public void LikeMetacharactersInTheQueryAreLiteral()
    {
        var (_, pattern) = ProjectSearch.ForQuery("50%_x")!.Value;

        Assert.Equal(@"%50\%\_x%", pattern);
    }
}
