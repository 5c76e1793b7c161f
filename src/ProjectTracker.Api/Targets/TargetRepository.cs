using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Writes;
using Outcome = ProjectTracker.Api.Common.Writes.WriteOutcome<ProjectTracker.Api.Targets.Target>;
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

    /// <summary>Records a target, when the key may write targets of its district.</summary>
    public async Task<Outcome> CreateAsync(TargetRequest request, Actor actor, CancellationToken cancellationToken)
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
        if (!actor.Covers(place, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("targets", place));
        return await database.InTransactionAsync<Outcome>(async (connection, transaction) =>
        {
            var target = await connection.QuerySingleAsync<Target>(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.TargetCreated, AuditActions.TargetEntity, target.Id, null, target, cancellationToken);
            return new Outcome.Saved(target);
        }, outcome => outcome.Succeeded, cancellationToken);
    }

    /// <summary>Replaces a target when its version is still the one read (null: any) and the key may write both its old and its new district.</summary>
    public async Task<Outcome> UpdateAsync(long id, int? expectedVersion, TargetRequest request, Actor actor, CancellationToken cancellationToken)
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
        return await database.InTransactionAsync<Outcome>(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<Target>(new CommandDefinition($"{Select} WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
            if (before is null) return new Outcome.NotFound($"There is no target {id}.");
            if (expectedVersion is { } expected && expected != before.Version) return new Outcome.Stale("target", before.Version);
            if (!actor.Covers(before.DistrictCode, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("targets", before.DistrictCode));
            if (!actor.Covers(place, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("targets", place));

            var saved = await connection.QuerySingleAsync<Target>(new CommandDefinition(Update, parameters, transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.TargetUpdated, AuditActions.TargetEntity, id, before, saved, cancellationToken);
            return new Outcome.Saved(saved);
        }, outcome => outcome.Succeeded, cancellationToken);
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
