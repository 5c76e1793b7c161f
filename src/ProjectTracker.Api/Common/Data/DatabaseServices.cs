using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProjectTracker.Api.Common.Database;

public static class DatabaseServices
{
    /// <summary>
    /// Registers <see cref="Database"/>, its pools built from <c>ConnectionStrings:ProjectTracker</c> (and
    /// <c>ConnectionStrings:ProjectTrackerReadOnly</c> for lists, dashboards and exports, when set) when first needed,
    /// so that test hosts can override them; and the migrator.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var settings = provider.GetRequiredService<IConfiguration>();
            var primary = ConnectionStrings.Require(settings);
            var replica = settings.GetConnectionString(ConnectionStrings.ReadOnly) is { Length: > 0 } readOnly ? readOnly : null;
            NpgsqlDataSource Pool(string connectionString, PoolSettings pool) => Build(ConnectionStrings.ForPool(connectionString, pool), provider);
            var bulk = Pool(primary, options.Bulk);
            return new Database(new DatabasePools
            {
                Reads = Pool(primary, options.Reads),
                Queries = Pool(replica ?? primary, options.Queries),
                Writes = Pool(primary, options.Writes),
                Locks = Pool(primary, options.Locks),
                Bulk = bulk,
                Streams = replica is null ? bulk : Pool(replica, options.Bulk),
                HasReplica = replica is not null,
            });
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private static NpgsqlDataSource Build(string connectionString, IServiceProvider provider) =>
        new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .MapProjectTrackerEnums()
            .Build();
}
