using ProjectTracker.Api.Projects;

namespace ProjectTracker.Tests.Projects;

public sealed class ProjectSearchTests
{
    [Fact]
    public void AProjectIsFoundByAnyTwoCharactersOfItsName()
    {
        var (tokens, text) = ProjectSearch.ForProject("智能医疗基地建设项目(一期)", null, ["湖北浩川水利水电工程有限公司"]);
        var (queryTokens, pattern) = ProjectSearch.ForQuery("医疗")!.Value;

        Assert.Superset(queryTokens.ToHashSet(), tokens.ToHashSet());
        Assert.Contains("医疗", text);
        Assert.Equal("%医疗%", pattern);
    }

    [Fact]
    public void InvestorsAreSearchableToo()
    {
        var (tokens, _) = ProjectSearch.ForProject("浩川水利总部项目", null, ["湖北浩川水利水电工程有限公司"]);

        Assert.Contains("水电", tokens);
    }

    [Fact]
    public void ASingleChineseCharacterIsAQueryButASingleLetterIsNot()
    {
        Assert.Equal(["云"], ProjectSearch.ForQuery("云")!.Value.Tokens);
        Assert.Null(ProjectSearch.ForQuery("a"));
        Assert.False(ProjectSearch.IsSearchable("%"));
    }

    [Fact]
    public void LatinTextIsCaseAndWidthFolded()
    {
        var (tokens, _) = ProjectSearch.ForProject("Ｔ３出行华中区域总部", "T3 Central China HQ", []);
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
