using Dapper;
using Microsoft.Extensions.Options;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.Hosting;

public static class DatabaseServices
{
    /// <summary>
    /// Registers <see cref="Database"/>, its pools built from <c>ConnectionStrings:ProjectTracker</c> (and
    /// <c>ConnectionStrings:ProjectTrackerReadOnly</c> for lists, dashboards and exports, when set) when first needed,
    /// so that test hosts can override them; and the migrator.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IConfiguration>();
            return Create(ConnectionStrings.Require(settings), provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                provider.GetRequiredService<ILoggerFactory>(), settings.GetConnectionString(ConnectionStrings.ReadOnly) is { Length: > 0 } replica ? replica : null);
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// The API's <see cref="Database"/>, in its host or outside it (the benchmarks' tools): the pools, with the features' enum
    /// types mapped and Dapper reading snake_case columns into the records (place_kind → Kind), which every query relies on.
    /// </summary>
    public static Database Create(string primary, DatabaseOptions options, ILoggerFactory? loggerFactory = null, string? replica = null)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        return Database.Create(primary, options, builder => builder.MapProjectTrackerEnums(), loggerFactory, replica);
    }
}
