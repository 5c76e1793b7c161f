using Dapper;
using Npgsql;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Targets;

/// <summary>A stored target as staff entered it.</summary>
public sealed record Target(long Id, string DistrictCode, string? ParkCode, string? SectorCode, int Year, TargetMeasure Measure,
    decimal? MinProjectAmount, decimal Value, AmountQualifier Qualifier, string Title, int Version);

public sealed class TargetRepository(NpgsqlDataSource dataSource, ReferenceCatalog catalog)
{
    private const string Select = """
        SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
               target_value AS value, qualifier, title, version
        FROM targets
        """;

    public async Task<Target?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<Target> CreateAsync(TargetRequest request, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            WITH created AS (
                INSERT INTO targets (place_code, park_code, sector_code, year, measure, min_project_amount, target_value, qualifier, title)
                VALUES (@place, @park, @sector, @year, @measure::target_measure, @minAmount, @value, @qualifier::amount_qualifier, @title)
                RETURNING *)
            SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
                   target_value AS value, qualifier, title, version FROM created
            """;
        var parameters = await ParametersAsync(request, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<Target>(new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Replaces a target when its version is still the one read (null: any); null when missing or stale, with the current version.</summary>
    public async Task<(Target? Saved, int? CurrentVersion)> UpdateAsync(long id, int? expectedVersion, TargetRequest request, CancellationToken cancellationToken)
    {
        const string Sql = """
            WITH updated AS (
                UPDATE targets SET place_code = @place, park_code = @park, sector_code = @sector, year = @year,
                       measure = @measure::target_measure, min_project_amount = @minAmount, target_value = @value,
                       qualifier = @qualifier::amount_qualifier, title = @title, version = version + 1, updated_at = now()
                WHERE id = @id AND (@expectedVersion::integer IS NULL OR version = @expectedVersion)
                RETURNING *)
            SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
                   target_value AS value, qualifier, title, version FROM updated
            """;
        var parameters = await ParametersAsync(request, cancellationToken);
        parameters.Add("id", id);
        parameters.Add("expectedVersion", expectedVersion);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var saved = await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition(Sql, parameters, cancellationToken: cancellationToken));
        if (saved is not null) return (saved, saved.Version);
        var current = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition("SELECT version FROM targets WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return (null, current);
    }

    private async Task<DynamicParameters> ParametersAsync(TargetRequest request, CancellationToken cancellationToken)
    {
        var reference = await catalog.CurrentAsync(cancellationToken);
        return new DynamicParameters(new
        {
            place = reference.FindPlace(request.District)!.Code,
            park = request.Park,
            sector = request.Sector,
            year = request.Year!.Value,
            measure = EnumNames.Of(request.Measure!.Value),
            minAmount = request.MinProjectAmount,
            value = request.Value!.Value,
            qualifier = EnumNames.Of(request.Qualifier ?? AmountQualifier.Exact),
            title = request.Title!,
        });
    }
}
