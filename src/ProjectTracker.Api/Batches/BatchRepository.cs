using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using Npgsql;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Batches;

/// <summary>
/// Reported batches (table <c>batches</c>): figures a document reports for a group of projects, and the events recorded
/// through the API (a batch with a date). The SQL that reads and writes them lives here.
/// </summary>
public sealed class BatchRepository(Database database, ReferenceCatalog catalog)
{
    private const string SelectEvents = """
        SELECT b.id, b.code, b.kind, b.title, b.place_code, b.period_start, b.held_on_precision,
               b.reported_project_count, b.reported_amount, b.reported_qualifier, b.notes, b.recorded_by
        FROM batches b
        """;

    /// <summary>
    /// Brings the reported batches of the seed documents up to date, by code, with their breakdowns and their projects
    /// (by batch code and project id), inside the caller's transaction.
    /// </summary>
    public static async Task UpsertReportedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReportedBatch> batches,
        IReadOnlyList<(string Batch, long ProjectId)> links, CancellationToken cancellationToken)
    {
        const string Batches = """
            INSERT INTO batches (code, seed_key, kind, title, place_code, period_start, period_end, reported_project_count,
                                 reported_amount, reported_qualifier, min_project_amount, document_code, locator, notes, held_on_precision)
            SELECT code, code, kind::batch_kind, title, place_code, period_start, period_end, project_count,
                   amount, qualifier::amount_qualifier, min_amount, document_code, locator, notes,
                   -- a signing or groundbreaking on one day is an event (GET /api/events)
                   CASE WHEN period_start = period_end AND kind IN ('signing', 'groundbreaking') THEN 'day'::date_precision END
            FROM unnest(@codes, @kinds, @titles, @places, @starts, @ends, @counts, @amounts, @qualifiers, @minAmounts, @documents, @locators, @notes)
                 AS b(code, kind, title, place_code, period_start, period_end, project_count, amount, qualifier, min_amount, document_code, locator, notes)
            ON CONFLICT (code) DO UPDATE SET
                kind = EXCLUDED.kind, title = EXCLUDED.title, place_code = EXCLUDED.place_code,
                period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
                reported_project_count = EXCLUDED.reported_project_count, reported_amount = EXCLUDED.reported_amount,
                reported_qualifier = EXCLUDED.reported_qualifier, min_project_amount = EXCLUDED.min_project_amount,
                document_code = EXCLUDED.document_code, locator = EXCLUDED.locator, notes = EXCLUDED.notes,
                held_on_precision = EXCLUDED.held_on_precision;
            -- a seed batch the documents no longer support goes, with its links and breakdown
            DELETE FROM batches WHERE seed_key IS NOT NULL AND seed_key <> ALL(@codes);
            """;
        const string Breakdown = """
            INSERT INTO batch_breakdown (batch_id, sector_code, project_count, amount, qualifier)
            SELECT b.id, r.sector_code, r.project_count, r.amount, r.qualifier::amount_qualifier
            FROM unnest(@codes, @sectors, @counts, @amounts, @qualifiers) AS r(code, sector_code, project_count, amount, qualifier)
            JOIN batches b ON b.code = r.code
            ON CONFLICT (batch_id, sector_code) DO UPDATE SET
                project_count = EXCLUDED.project_count, amount = EXCLUDED.amount, qualifier = EXCLUDED.qualifier
            """;
        const string Links = """
            INSERT INTO batch_projects (batch_id, project_id)
            SELECT b.id, l.project_id FROM unnest(@codes, @projectIds) AS l(code, project_id) JOIN batches b ON b.code = l.code
            ON CONFLICT DO NOTHING
            """;
        static string? Name(Enum? value) => value is null ? null : EnumNames.Of(value);
        await connection.ExecuteAsync(new CommandDefinition(Batches, new
        {
            codes = batches.Select(b => b.Code).ToArray(),
            kinds = batches.Select(b => EnumNames.Of(b.Kind)).ToArray(),
            titles = batches.Select(b => b.Title).ToArray(),
            places = batches.Select(b => b.Place).ToArray(),
            starts = batches.Select(b => b.PeriodStart).ToArray(),
            ends = batches.Select(b => b.PeriodEnd).ToArray(),
            counts = batches.Select(b => b.ProjectCount).ToArray(),
            amounts = batches.Select(b => b.Amount).ToArray(),
            qualifiers = batches.Select(b => Name(b.Qualifier)).ToArray(),
            minAmounts = batches.Select(b => b.MinProjectAmount).ToArray(),
            documents = batches.Select(b => b.Document).ToArray(),
            locators = batches.Select(b => b.Locator).ToArray(),
            notes = batches.Select(b => b.Notes).ToArray(),
        }, transaction, cancellationToken: cancellationToken));

        var rows = batches.SelectMany(b => b.Breakdown.Select(row => (b.Code, Row: row))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(Breakdown, new
        {
            codes = rows.Select(r => r.Code).ToArray(),
            sectors = rows.Select(r => r.Row.Sector).ToArray(),
            counts = rows.Select(r => r.Row.ProjectCount).ToArray(),
            amounts = rows.Select(r => r.Row.Amount).ToArray(),
            qualifiers = rows.Select(r => Name(r.Row.Qualifier)).ToArray(),
        }, transaction, cancellationToken: cancellationToken));

        await connection.ExecuteAsync(new CommandDefinition(Links, new
        {
            codes = links.Select(l => l.Batch).ToArray(),
            projectIds = links.Select(l => l.ProjectId).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records an event (a reported batch held on a date) inside the caller's transaction; returns its id.</summary>
    public static Task<long> InsertEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewEvent recorded, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO batches (code, kind, title, place_code, period_start, period_end, held_on_precision,
                                 reported_project_count, reported_amount, reported_qualifier, notes, recorded_by)
            VALUES (@Code, @kind::batch_kind, @Title, @Place, @start, @end, @precision::date_precision,
                    @ReportedProjectCount, @ReportedAmount, @qualifier::amount_qualifier, @Notes, @RecordedBy)
            RETURNING id
            """;
        var parameters = new DynamicParameters(recorded);
        parameters.Add("kind", EnumNames.Of(recorded.Kind));
        parameters.Add("start", recorded.Date.Start);
        parameters.Add("end", recorded.Date.End);
        parameters.Add("precision", EnumNames.Of(recorded.Date.Precision));
        parameters.Add("qualifier", recorded.ReportedQualifier is { } qualifier ? EnumNames.Of(qualifier) : null);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Links a project to a batch inside the caller's transaction (once).</summary>
    public static Task LinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long batchId, long projectId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO batch_projects (batch_id, project_id) VALUES (@batchId, @projectId) ON CONFLICT DO NOTHING",
            new { batchId, projectId }, transaction, cancellationToken: cancellationToken));

    /// <summary>One event (a batch with a date) with its projects; null when there is none.</summary>
    public async Task<InvestmentEvent?> EventAsync(long id, CancellationToken cancellationToken)
    {
        var page = await EventsAsync($"{SelectEvents}\nWHERE b.id = @id AND b.held_on_precision IS NOT NULL", new { id }, cancellationToken);
        return page.SingleOrDefault();
    }

    /// <summary>Events, newest recorded first, a page at a time.</summary>
    public async Task<EventPage> EventsAsync(EventListQuery query, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            {SelectEvents}
            WHERE b.held_on_precision IS NOT NULL
              AND (@places::text[] IS NULL OR b.place_code = ANY(@places))
              AND (@kind::batch_kind IS NULL OR b.kind = @kind::batch_kind)
              AND (@from::date IS NULL OR b.period_start >= @from)
              AND (@to::date IS NULL OR b.period_start <= @to)
              AND (@before::bigint IS NULL OR b.id < @before)
            ORDER BY b.id DESC
            LIMIT @limit
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        var limit = query.Limit ?? 50;
        var events = await EventsAsync(Sql, new
        {
            places = reference.PlacesWithin(query.District),
            kind = query.Kind is { } kind ? EnumNames.Of(kind) : null,
            from = query.From?.Start,
            to = query.To?.End,
            before = query.Before,
            limit = limit + 1,
        }, cancellationToken);
        long? next = null;
        if (events.Count > limit)
        {
            events.RemoveAt(events.Count - 1);
            next = events[^1].Id;
        }
        return new EventPage(events, next);
    }

    private async Task<List<InvestmentEvent>> EventsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        const string Projects = """
            SELECT bp.batch_id, p.id, p.name_zh, p.status
            FROM batch_projects bp JOIN projects p ON p.id = bp.project_id
            WHERE bp.batch_id = ANY(@ids) AND p.deleted_at IS NULL
            ORDER BY bp.batch_id, p.id
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        await using var connection = await database.ReadAsync(cancellationToken);
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(Projects, new { ids = rows.Select(row => row.Id).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(member => member.BatchId);
        return rows.Select(row => new InvestmentEvent(row.Id, row.Code, row.Kind, row.Title, Named(reference, row.PlaceCode),
                new PartialDate(row.PeriodStart, row.HeldOnPrecision), row.ReportedProjectCount, row.ReportedAmount, row.ReportedQualifier, row.Notes, row.RecordedBy,
                members[row.Id].Select(member => new EventProject(member.Id, member.NameZh, member.Status, null)).ToList()))
            .ToList();
    }

    internal static NamedRef Named(ReferenceSnapshot reference, string code) => reference.PlaceRef(code) ?? new NamedRef(code, code, code);

    private sealed class EventRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public BatchKind Kind { get; init; }
        public string Title { get; init; } = "";
        public string PlaceCode { get; init; } = "";
        public DateOnly PeriodStart { get; init; }
        public DatePrecision HeldOnPrecision { get; init; }
        public int? ReportedProjectCount { get; init; }
        public decimal? ReportedAmount { get; init; }
        public AmountQualifier? ReportedQualifier { get; init; }
        public string? Notes { get; init; }
        public string? RecordedBy { get; init; }
    }

    private sealed class MemberRow
    {
        public long BatchId { get; init; }
        public long Id { get; init; }
        public string NameZh { get; init; } = "";
        public ProjectStatus Status { get; init; }
    }


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
              AND (@from::date IS NULL OR b.period_end >= @from)
              AND (@to::date IS NULL OR b.period_start <= @to)
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
        var places = reference.PlacesWithin(query.District);
        await using var connection = await database.QueryAsync(cancellationToken);
        var batches = (await connection.QueryAsync<BatchRow, Figures, BatchRow>(
            new CommandDefinition(batchesSql, new { places, kind = query.Kind is { } kind ? EnumNames.Of(kind) : null, year = query.Year, from = query.From?.Start, to = query.To?.End }, cancellationToken: cancellationToken),
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
                ReportedAmount is { } amount && BothExact() ? amount - itemisedAmount : null,
                MinProjectAmount,
                breakdown.Select(row => new BreakdownComparison(GroupedFigures.Name(Dimension.Sector, row.SectorCode, reference), row.ReportedCount,
                    row.ReportedAmount, row.ItemisedCount, row.ItemisedAmount)).ToList(),
                Source, Notes);
        }

        /// <summary>
        /// Amounts are subtracted only when both sides are exact: "超2100亿" less the itemised projects, or one lower
        /// bound less another, is no figure at all.
        /// </summary>
        private bool BothExact() =>
            ReportedQualifier is null or AmountQualifier.Exact && Itemised is { ApproxCount: 0, AtLeastCount: 0, AtMostCount: 0 };
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

/// <summary>An event to record: a signing ceremony or groundbreaking held on a date.</summary>
public sealed record NewEvent(string Code, BatchKind Kind, string Title, string Place, PartialDate Date, int? ReportedProjectCount,
    decimal? ReportedAmount, AmountQualifier? ReportedQualifier, string? Notes, string RecordedBy);

/// <summary>A figure a document reports for a group of projects, with the place resolved.</summary>
public sealed record ReportedBatch(string Code, BatchKind Kind, string Title, string Place, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    int? ProjectCount, decimal? Amount, AmountQualifier? Qualifier, decimal? MinProjectAmount, string? Document, string? Locator, string? Notes,
    IReadOnlyList<ReportedBreakdown> Breakdown);

/// <summary>A reported category line of a batch (先进制造业 10个 132.35亿元).</summary>
public sealed record ReportedBreakdown(string Sector, int? ProjectCount, decimal? Amount, AmountQualifier? Qualifier);
