using ProjectTracker.Api.Auth;

namespace ProjectTracker.Tests.Auth;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void AGeneratedKeyCarriesItsLookupAndIsUnique()
    {
        var (token, lookup) = ApiKeyToken.Generate();
        var (other, _) = ApiKeyToken.Generate();

        Assert.True(ApiKeyToken.TryGetLookup(token, out var parsed));
        Assert.Equal(lookup, parsed);
        Assert.StartsWith($"pt_{lookup}_", token);
        Assert.NotEqual(token, other);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pt_")]
    [InlineData("pt_ABCDEFGHIJ_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pt_abcdefghij-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pt_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'")]
    [InlineData("xx_abcdefghij_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void MalformedKeysHaveNoLookup(string? token) => Assert.False(ApiKeyToken.TryGetLookup(token, out _));

    [Fact]
    public void TheHashIsKeyedByThePepper()
    {
        var (token, _) = ApiKeyToken.Generate();
        var hash = ApiKeyToken.Hash(token, "pepper");

        Assert.True(ApiKeyToken.Matches(token, hash, "pepper"));
        Assert.False(ApiKeyToken.Matches(token, hash, "another pepper"));
        Assert.False(ApiKeyToken.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash, "pepper"));
        Assert.Equal(32, hash.Length);
    }
}
