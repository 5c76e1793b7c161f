using System.Security.Cryptography;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Writes;
using Outcome = ProjectTracker.Api.Common.Writes.WriteOutcome<ProjectTracker.Api.Events.InvestmentEvent>;
using ProjectOutcome = ProjectTracker.Api.Common.Writes.WriteOutcome<ProjectTracker.Api.Projects.Project>;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Events;

/// <summary>Events are reported batches with a date (table <c>batches</c>) and their projects (<c>batch_projects</c>).</summary>
public sealed class EventRepository(Database database, ReferenceCatalog referenceData, ProjectRepository projects)
{
    private const string SelectEvents = """
        SELECT b.id, b.code, b.kind, b.title, b.place_code, b.period_start, b.held_on_precision,
               b.reported_project_count, b.reported_amount, b.reported_qualifier, b.notes, b.recorded_by
        FROM batches b
        """;

    /// <summary>
    /// Records the event and all its projects in one transaction: every project is created or transitioned (with
    /// its history and audit record), or — when any one of them cannot be — nothing is written at all.
    /// </summary>
    public async Task<Outcome> RecordAsync(EventRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var place = reference.FindPlace(request.District)!.Code;
        if (!actor.Covers(place, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("events", place));
        var code = $"event-{request.Date!.Value.Start:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

        return await database.InTransactionAsync((connection, transaction) =>
            RecordAsync(connection, transaction, request, actor, reference, place, code, cancellationToken), outcome => outcome.Succeeded, cancellationToken);
    }

    private async Task<Outcome> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRequest request, Actor actor,
        ReferenceSnapshot reference, string place, string code, CancellationToken cancellationToken)
    {
        const string InsertEvent = """
            INSERT INTO batches (code, kind, title, place_code, period_start, period_end, held_on_precision,
                                 reported_project_count, reported_amount, reported_qualifier, notes, recorded_by)
            VALUES (@code, @kind::batch_kind, @title, @place, @start, @end, @precision::date_precision,
                    @count, @amount, @qualifier::amount_qualifier, @notes, @recordedBy)
            RETURNING id
            """;
        const string Link = "INSERT INTO batch_projects (batch_id, project_id) VALUES (@eventId, @projectId) ON CONFLICT DO NOTHING";
        var kind = request.Kind!.Value;
        var date = request.Date!.Value;
        // The existing projects are locked, in id order, before any is touched: two events sharing projects (listed in
        // different orders) queue rather than deadlock.
        var existing = await projects.LockAllAsync(connection, transaction, [.. (request.Projects ?? []).Select(item => item?.Id).OfType<long>()], cancellationToken);
        var eventId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertEvent, new
        {
            code,
            kind = EnumNames.Of(kind),
            title = request.Title,
            place,
            start = date.Start,
            end = date.End,
            precision = EnumNames.Of(date.Precision),
            count = request.ReportedProjectCount,
            amount = request.ReportedAmount,
            qualifier = request.ReportedAmount is null ? null : EnumNames.Of(request.ReportedQualifier ?? AmountQualifier.Exact),
            notes = request.Notes,
            recordedBy = actor.Name,
        }, transaction, cancellationToken: cancellationToken));

        var note = $"{request.Title} ({code})";
        var items = request.Projects ?? [];
        var written = new List<EventProject>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index]!;
            var (result, action) = item.Id is { } id
                ? await MoveToEventStageAsync(connection, transaction, id, existing.GetValueOrDefault(id), kind, date, item.Note ?? note, actor, reference, cancellationToken)
                : (await projects.CreateAsync(connection, transaction, item.ForEvent(request), item.AllowDuplicate, actor, reference, note, cancellationToken), EventAction.Created);
            if (result is not ProjectOutcome.Saved(var project))
            {
                var at = $"projects[{index}]";
                return result.AsPartOf<InvestmentEvent>(at, item.Id is { } projectId ? $"{at} (project {projectId})" : at);
            }

            await connection.ExecuteAsync(new CommandDefinition(Link, new { eventId, projectId = project.Id }, transaction, cancellationToken: cancellationToken));
            written.Add(new EventProject(project.Id, project.NameZh, project.Status, action));
        }

        var recorded = new InvestmentEvent(eventId, code, kind, request.Title!, Named(reference, place), date, request.ReportedProjectCount,
            request.ReportedAmount, request.ReportedAmount is null ? null : request.ReportedQualifier ?? AmountQualifier.Exact, request.Notes, actor.Name, written);
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.EventRecorded, AuditActions.EventEntity, eventId, null, recorded, cancellationToken);
        return new Outcome.Saved(recorded);
    }

    /// <summary>
    /// An existing project at an event: moved to the event's status when it is one step before it; only linked when it
    /// is already there or beyond (a signed project at a groundbreaking's signing table, say); refused otherwise.
    /// </summary>
    private async Task<(ProjectOutcome Result, EventAction Action)> MoveToEventStageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        long id, Project? current, BatchKind kind, PartialDate date, string note, Actor actor, ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        var target = EventRequest.StatusAt(kind);
        if (current is not null && current.Status != ProjectStatus.Cancelled && current.Status >= target)
        {
            return (ProjectRepository.Refusal(id, current, null, actor, reference) ?? new ProjectOutcome.Saved(current), EventAction.Linked);
        }
        var change = new StatusChangeRequest { Status = target, Date = date, Note = note };
        return (await projects.ChangeStatusAsync(connection, transaction, id, current, null, change, actor, reference, cancellationToken), EventAction.Transitioned);
    }

    public async Task<InvestmentEvent?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var page = await ListAsync($"{SelectEvents}\nWHERE b.id = @id AND b.held_on_precision IS NOT NULL", new { id }, cancellationToken);
        return page.SingleOrDefault();
    }

    public async Task<EventPage> ListAsync(EventListQuery query, CancellationToken cancellationToken)
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
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var limit = query.Limit ?? 50;
        var events = await ListAsync(Sql, new
        {
            places = reference.FindPlace(query.District) is { } place ? reference.PlaceAndDescendants(place.Code).ToArray() : null,
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

    private async Task<List<InvestmentEvent>> ListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        const string Projects = """
            SELECT bp.batch_id, p.id, p.name_zh, p.status
            FROM batch_projects bp JOIN projects p ON p.id = bp.project_id
            WHERE bp.batch_id = ANY(@ids) AND p.deleted_at IS NULL
            ORDER BY bp.batch_id, p.id
            """;
        var reference = await referenceData.CurrentAsync(cancellationToken);
        await using var connection = await database.ReadAsync(cancellationToken);
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(Projects, new { ids = rows.Select(row => row.Id).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(member => member.BatchId);
        return rows.Select(row => new InvestmentEvent(row.Id, row.Code, row.Kind, row.Title, Named(reference, row.PlaceCode),
                new PartialDate(row.PeriodStart, row.HeldOnPrecision), row.ReportedProjectCount, row.ReportedAmount, row.ReportedQualifier, row.Notes, row.RecordedBy,
                members[row.Id].Select(member => new EventProject(member.Id, member.NameZh, member.Status, null)).ToList()))
            .ToList();
    }

    private static NamedRef Named(ReferenceSnapshot reference, string code) => reference.PlaceRef(code) ?? new NamedRef(code, code, code);

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
}
