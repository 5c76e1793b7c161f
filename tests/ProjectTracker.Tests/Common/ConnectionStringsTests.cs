using Npgsql;
using ProjectTracker.Api.Common.Database;

namespace ProjectTracker.Tests.Common;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void DefaultsAreFilledInWhenAbsent()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults("Host=db;Database=pt;Username=u;Password=p"));

        Assert.Equal(5, result.Timeout);
        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal(8, result.MaxPoolSize);
        Assert.True(result.Multiplexing);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db", result.Host);
    }

    [Fact]
    public void ExplicitSettingsWin()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults("Host=db;Timeout=30;Maximum Pool Size=20;Multiplexing=false;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(30, result.Timeout);
        Assert.Equal(20, result.MaxPoolSize);
        Assert.False(result.Multiplexing);
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }

    [Fact]
    public void WithoutPoolingThereIsNoMultiplexing()
    {
        var result = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults("Host=db;Pooling=false"));

        Assert.False(result.Multiplexing);
    }
}
