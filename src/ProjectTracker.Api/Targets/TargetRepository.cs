using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Targets;

/// <summary>A stored target as staff entered it.</summary>
public sealed record Target(long Id, string DistrictCode, string? ParkCode, string? SectorCode, int Year, TargetMeasure Measure,
    decimal? MinProjectAmount, decimal Value, AmountQualifier Qualifier, string Title, int Version);

public sealed class TargetRepository(Database database, ReferenceCatalog catalog)
{
    private const string Select = """
        SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
               target_value AS value, qualifier, title, version
        FROM targets
        """;

    public async Task<Target?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.ReadAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a target; null when the key may not write targets of its district.</summary>
    public async Task<Target?> CreateAsync(TargetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            WITH created AS (
                INSERT INTO targets (place_code, park_code, sector_code, year, measure, min_project_amount, target_value, qualifier, title)
                VALUES (@place, @park, @sector, @year, @measure::target_measure, @minAmount, @value, @qualifier::amount_qualifier, @title)
                RETURNING *)
            SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
                   target_value AS value, qualifier, title, version FROM created
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var (parameters, place) = Parameters(request, reference);
        if (!actor.Covers(place, reference)) return null;
        await using var connection = await database.WriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var target = await connection.QuerySingleAsync<Target>(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.TargetCreated, AuditActions.TargetEntity, target.Id, null, target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return target;
    }

    /// <summary>The outcome of replacing a target.</summary>
    public enum UpdateOutcome { Saved, NotFound, Stale, Forbidden }

    /// <summary>Replaces a target when its version is still the one read (null: any) and the key may write both its old and its new district.</summary>
    public async Task<(UpdateOutcome Outcome, Target? Target)> UpdateAsync(long id, int? expectedVersion, TargetRequest request, Actor actor, CancellationToken cancellationToken)
    {
        const string Update = """
            WITH updated AS (
                UPDATE targets SET place_code = @place, park_code = @park, sector_code = @sector, year = @year,
                       measure = @measure::target_measure, min_project_amount = @minAmount, target_value = @value,
                       qualifier = @qualifier::amount_qualifier, title = @title, version = version + 1, updated_at = now()
                WHERE id = @id
                RETURNING *)
            SELECT id, place_code AS district_code, park_code, sector_code, year, measure, min_project_amount,
                   target_value AS value, qualifier, title, version FROM updated
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var (parameters, place) = Parameters(request, reference);
        parameters.Add("id", id);
        await using var connection = await database.WriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition($"{Select} WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (before is null) return (UpdateOutcome.NotFound, null);
        if (expectedVersion is { } expected && expected != before.Version) return (UpdateOutcome.Stale, before);
        if (!actor.Covers(before.DistrictCode, reference) || !actor.Covers(place, reference)) return (UpdateOutcome.Forbidden, before);

        var saved = await connection.QuerySingleAsync<Target>(new CommandDefinition(Update, parameters, transaction, cancellationToken: cancellationToken));
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.TargetUpdated, AuditActions.TargetEntity, id, before, saved, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UpdateOutcome.Saved, saved);
    }

    private static (DynamicParameters Parameters, string PlaceCode) Parameters(TargetRequest request, ReferenceSnapshot reference)
    {
        var place = reference.FindPlace(request.District)!.Code;
        return (new DynamicParameters(new
        {
            place,
            park = request.Park,
            sector = request.Sector,
            year = request.Year!.Value,
            measure = EnumNames.Of(request.Measure!.Value),
            minAmount = request.MinProjectAmount,
            value = request.Value!.Value,
            qualifier = EnumNames.Of(request.Qualifier ?? AmountQualifier.Exact),
            title = request.Title!,
        }), place);
    }
}
