using Dapper;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

public static class DatabaseServices
{
    /// <summary>
    /// Registers the one <see cref="NpgsqlDataSource"/> of the process, built from
    /// <c>ConnectionStrings:ProjectTracker</c> when first needed (so test hosts can override it).
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(provider =>
        {
            var connectionString = ConnectionStrings.WithDefaults(
                ConnectionStrings.Require(provider.GetRequiredService<IConfiguration>()));
            return new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
                .MapProjectTrackerEnums()
                .Build();
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
