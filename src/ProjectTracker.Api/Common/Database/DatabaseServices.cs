using Dapper;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

public static class DatabaseServices
{
    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/> of the process, built from
    /// <c>ConnectionStrings:ProjectTracker</c> when first needed (so test hosts can override it), and the
    /// <see cref="ReadOnlyDataSource"/> that list and dashboard queries read from, and the separate pool of
    /// <see cref="IdempotencyDataSource"/> that holds idempotency locks.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        static string Primary(IServiceProvider provider) => ConnectionStrings.Require(provider.GetRequiredService<IConfiguration>());
        services.AddSingleton(provider => Build(Primary(provider), provider));
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStrings.ReadOnly) is { Length: > 0 } replica
                ? new ReadOnlyDataSource(Build(replica, provider), isReplica: true)
                : new ReadOnlyDataSource(provider.GetRequiredService<NpgsqlDataSource>(), isReplica: false));
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
