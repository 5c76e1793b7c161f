using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Batches;

/// <summary>
/// Reported batches (table <c>batches</c>): figures a document reports for a group of projects, and the events recorded
/// through the API (a batch with a date). The SQL that reads and writes them lives here.
/// </summary>
public sealed class BatchRepository(Database database, ReferenceCatalog catalog)
{
    /// <summary>Each reported batch beside what its itemised projects add up to, and its breakdown by category.</summary>
    public async Task<IReadOnlyList<BatchComparison>> CompareAsync(BatchesQuery query, CancellationToken cancellationToken)
    {
        var batchesSql = $"""
            SELECT b.id, b.code, b.kind, b.title, b.place_code, b.period_start, b.period_end, b.reported_project_count,
                   b.reported_amount, b.reported_qualifier, b.currency, b.min_project_amount, d.title AS source, b.notes,
                   i.project_count, i.amount_cny, i.amount_usd, i.without_amount, i.approx_count, i.at_least_count, i.at_most_count
            FROM batches b
            LEFT JOIN documents d ON d.code = b.document_code
            CROSS JOIN LATERAL (
                SELECT {FiguresSql.OverProjects}
                FROM batch_projects bp JOIN projects p ON p.id = bp.project_id AND p.deleted_at IS NULL
                WHERE bp.batch_id = b.id
            ) i
            WHERE (@places::text[] IS NULL OR b.place_code = ANY(@places))
              AND (@kind::batch_kind IS NULL OR b.kind = @kind::batch_kind)
              AND (@year::integer IS NULL OR (b.period_start <= make_date(@year, 12, 31) AND b.period_end >= make_date(@year, 1, 1)))
            ORDER BY b.period_start NULLS LAST, b.id
            """;
        const string BreakdownSql = """
            SELECT bb.batch_id, bb.sector_code, bb.project_count AS reported_count, bb.amount AS reported_amount,
                   x.itemised_count, x.itemised_amount
            FROM batch_breakdown bb
            CROSS JOIN LATERAL (
                SELECT count(p.id) AS itemised_count, coalesce(sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), 0) AS itemised_amount
                FROM batch_projects bp JOIN projects p ON p.id = bp.project_id AND p.deleted_at IS NULL
                WHERE bp.batch_id = bb.batch_id AND p.sector_code IN (SELECT sectors_within(bb.sector_code))
            ) x
            JOIN sectors s ON s.code = bb.sector_code
            WHERE bb.batch_id = ANY(@ids)
            ORDER BY bb.batch_id, s.sort_order
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var places = reference.FindPlace(query.District) is { } place ? reference.PlaceAndDescendants(place.Code).ToArray() : null;
        await using var connection = await database.QueryAsync(cancellationToken);
        var batches = (await connection.QueryAsync<BatchRow, Figures, BatchRow>(
            new CommandDefinition(batchesSql, new { places, kind = query.Kind is { } kind ? EnumNames.Of(kind) : null, year = query.Year }, cancellationToken: cancellationToken),
            (batch, itemised) => batch with { Itemised = itemised }, splitOn: "project_count")).ToList();
        var breakdown = (await connection.QueryAsync<BreakdownRow>(new CommandDefinition(BreakdownSql,
            new { ids = batches.Select(batch => batch.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(row => row.BatchId);
        return batches.Select(batch => batch.ToComparison(reference, breakdown[batch.Id])).ToList();
    }

    private sealed record BatchRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public BatchKind Kind { get; init; }
        public string Title { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public int? ReportedProjectCount { get; init; }
        public decimal? ReportedAmount { get; init; }
        public AmountQualifier? ReportedQualifier { get; init; }
        public Currency Currency { get; init; }
        public decimal? MinProjectAmount { get; init; }
        public string? Source { get; init; }
        public string? Notes { get; init; }
        public Figures Itemised { get; init; } = FiguresSql.Zero;

        public BatchComparison ToComparison(ReferenceSnapshot reference, IEnumerable<BreakdownRow> breakdown)
        {
            var itemisedAmount = Currency == Currency.Usd ? Itemised.AmountUsd : Itemised.AmountCny;
            return new BatchComparison(Id, Code, Kind, Title, GroupedFigures.Name(Dimension.District, PlaceCode, reference), PeriodStart, PeriodEnd,
                new ReportedFigures(ReportedProjectCount, ReportedAmount, ReportedQualifier, Currency), Itemised,
                ReportedProjectCount is { } count ? count - Itemised.ProjectCount : null,
                ReportedAmount is { } amount ? amount - itemisedAmount : null,
                MinProjectAmount,
                breakdown.Select(row => new BreakdownComparison(GroupedFigures.Name(Dimension.Sector, row.SectorCode, reference), row.ReportedCount,
                    row.ReportedAmount, row.ItemisedCount, row.ItemisedAmount)).ToList(),
                Source, Notes);
        }
    }

    private sealed class BreakdownRow
    {
        public long BatchId { get; init; }
        public string SectorCode { get; init; } = "";
        public int? ReportedCount { get; init; }
        public decimal? ReportedAmount { get; init; }
        public long ItemisedCount { get; init; }
        public decimal ItemisedAmount { get; init; }
    }
}
