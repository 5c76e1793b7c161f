using Npgsql;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Tests.Common;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void DefaultsAreFilledInWhenAbsent()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults("Host=db;Database=pt;Username=u;Password=p"));

        Assert.Equal(5, result.Timeout);
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.False(result.Multiplexing);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db", result.Host);
    }

    [Fact]
    public void ExplicitSettingsWin()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults("Host=db;Timeout=30;Multiplexing=true;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(30, result.Timeout);
        Assert.True(result.Multiplexing);
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }

    [Fact]
    public void APoolSetsItsSizeAndItsStatementsTimeLimitOnEverySession()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.ForPool("Host=db;Options=-c search_path=public", new PoolSettings(3, TimeSpan.FromSeconds(2))));

        Assert.Equal(3, result.MaxPoolSize);
        Assert.Equal("-c search_path=public -c statement_timeout=2000", result.Options);
        Assert.Equal(7, result.CommandTimeout); // the server's limit fires first; the client waits a little longer
    }

    [Fact]
    public void APoolWithoutATimeLimitWaitsAsLongAsItsClient()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.ForPool("Host=db", new PoolSettings(2, TimeSpan.Zero)));

        Assert.Equal("-c statement_timeout=0", result.Options);
        Assert.Equal(0, result.CommandTimeout);
    }
}
