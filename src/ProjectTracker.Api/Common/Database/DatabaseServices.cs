using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

public static class DatabaseServices
{
    /// <summary>
    /// Registers the primary's <see cref="NpgsqlDataSource"/> (writes, transactions, long reads), built from
    /// <c>ConnectionStrings:ProjectTracker</c> when first needed (so test hosts can override it); its small
    /// multiplexed pool for short reads (<see cref="ShortQueryDataSource"/>); the <see cref="ReadOnlyDataSource"/>
    /// that list and dashboard queries read from; and the separate pool of <see cref="IdempotencyDataSource"/>
    /// that holds idempotency locks.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        static string Primary(IServiceProvider provider) => ConnectionStrings.Require(provider.GetRequiredService<IConfiguration>());
        services.AddSingleton(provider => Build(Primary(provider), provider));
        services.AddSingleton(provider => new ShortQueryDataSource(Build(Primary(provider), provider, connection =>
        {
            connection.MaxPoolSize = Math.Max(1, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShortQueryConnections);
            connection.MinPoolSize = Math.Min(connection.MinPoolSize, connection.MaxPoolSize);
            connection.Multiplexing = connection.Pooling;
        })));
        services.AddSingleton(provider =>
        {
            if (provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStrings.ReadOnly) is { Length: > 0 } replica)
            {
                var replicaSource = Build(replica, provider);
                return new ReadOnlyDataSource(replicaSource, replicaSource, isReplica: true);
            }
            return new ReadOnlyDataSource(provider.GetRequiredService<ShortQueryDataSource>().DataSource, provider.GetRequiredService<NpgsqlDataSource>(), isReplica: false);
        });
        services.AddSingleton(provider => new IdempotencyDataSource(Build(Primary(provider), provider, connection => connection.Multiplexing = false)));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private static NpgsqlDataSource Build(string connectionString, IServiceProvider provider, Action<NpgsqlConnectionStringBuilder>? adjust = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionStrings.WithDefaults(connectionString));
        adjust?.Invoke(settings);
        return new NpgsqlDataSourceBuilder(settings.ConnectionString)
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .MapProjectTrackerEnums()
            .Build();
    }
}
