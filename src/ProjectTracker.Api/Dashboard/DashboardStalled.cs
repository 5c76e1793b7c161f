using Dapper;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Dashboard;

/// <summary>The early-warning lists: signed projects not started, started ones not completed, oldest first.</summary>
public sealed class DashboardStalled(Database database, ProjectRepository projects, ReferenceCatalog catalog, TimeProvider time)
{
    public async Task<StalledResult> AskAsync(StalledQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var reference = await catalog.CurrentAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(query, reference, parameters);
        parameters.Add("signedCutoff", today.AddMonths(-(query.MonthsSinceSigning ?? 6)));
        parameters.Add("startedCutoff", today.AddMonths(-(query.MonthsSinceStart ?? 24)));
        parameters.Add("limit", query.Limit ?? 100);
        // Oldest first by the last day each date may stand for, which the partial indexes of V0010/V0011 hold in order.
        var sql = $"""
            {ProjectColumns.Select}
            WHERE {where} AND p.status = 'signed' AND partial_date_end(p.signed_on, p.signed_on_precision) <= @signedCutoff
            ORDER BY partial_date_end(p.signed_on, p.signed_on_precision), p.id LIMIT @limit;
            {ProjectColumns.Select}
            WHERE {where} AND p.status = 'started' AND partial_date_end(p.started_on, p.started_on_precision) <= @startedCutoff
            ORDER BY partial_date_end(p.started_on, p.started_on_precision), p.id LIMIT @limit;
            SELECT (SELECT count(*) FROM projects p
                    WHERE {where} AND p.status = 'signed' AND partial_date_end(p.signed_on, p.signed_on_precision) IS NULL) AS signed,
                   (SELECT count(*) FROM projects p
                    WHERE {where} AND p.status = 'started' AND partial_date_end(p.started_on, p.started_on_precision) IS NULL) AS started;
            """;
        await using var connection = await database.QueryAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var signed = await projects.ReadAsync(results, cancellationToken);
        var started = await projects.ReadAsync(results, cancellationToken);
        var undated = await results.ReadSingleAsync<(long Signed, long Started)>();

        StalledProject Waiting(Project project, PartialDate date) => new(project, date.End, MonthsBetween(date.End, today));
        return new StalledResult(
            signed.Select(p => Waiting(p, p.SignedOn!.Value)).ToList(),
            started.Select(p => Waiting(p, p.StartedOn!.Value)).ToList(),
            undated.Signed, undated.Started);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
}
