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
public sealed class EventRepository(Database database, ReferenceCatalog referenceData, ProjectRepository projects, BatchRepository batches)
{

    /// <summary>
    /// Records the event and all its projects in one transaction: every project is created or transitioned (with
    /// its history and audit record), or — when any one of them cannot be — nothing is written at all.
    /// </summary>
    public async Task<Outcome> RecordAsync(EventRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var place = reference.FindPlace(request.District)!.Code;
        if (!actor.Covers(place, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("events", place));
        var code = Code(request);

        return await database.InTransactionAsync((connection, transaction) =>
            RecordAsync(connection, transaction, request, actor, reference, place, code, cancellationToken), outcome => outcome.Succeeded, cancellationToken);
    }

    /// <summary>Records a validated event inside the caller's transaction (intake's accepted batches), with the same scope check as <see cref="RecordAsync(EventRequest, Actor, CancellationToken)"/>.</summary>
    internal async Task<Outcome> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRequest request, Actor actor,
        ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        var place = reference.FindPlace(request.District)!.Code;
        if (!actor.Covers(place, reference)) return new Outcome.Forbidden(actor.ScopeRefusal("events", place));
        return await RecordAsync(connection, transaction, request, actor, reference, place, Code(request), cancellationToken);
    }

    private static string Code(EventRequest request) => $"event-{request.Date!.Value.Start:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private async Task<Outcome> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EventRequest request, Actor actor,
        ReferenceSnapshot reference, string place, string code, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        var date = request.Date!.Value;
        // The existing projects are locked, in id order, before any is touched: two events sharing projects (listed in
        // different orders) queue rather than deadlock.
        var existing = await projects.LockAllAsync(connection, transaction, [.. (request.Projects ?? []).Select(item => item?.Id).OfType<long>()], cancellationToken);
        var eventId = await BatchRepository.InsertEventAsync(connection, transaction, new NewEvent(code, kind, request.Title!, place, date,
            request.ReportedProjectCount, request.ReportedAmount,
            request.ReportedAmount is null ? null : request.ReportedQualifier ?? AmountQualifier.Exact, request.Notes, actor.Name), cancellationToken);

        var note = $"{request.Title} ({code})";
        var items = request.Projects ?? [];
        var written = new List<EventProject>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index]!;
            var (result, action) = item.Id is { } id
                ? await MoveToEventStageAsync(connection, transaction, id, existing.GetValueOrDefault(id), kind, date, item.Note ?? note, actor, reference, cancellationToken)
                : (await projects.CreateAsync(connection, transaction, item.ForEvent(request), item.AllowDuplicate == true, actor, reference, note, cancellationToken), EventAction.Created);
            if (result is not ProjectOutcome.Saved(var project))
            {
                var at = $"projects[{index}]";
                return result.AsPartOf<InvestmentEvent>(at, item.Id is { } projectId ? $"{at} (project {projectId})" : at);
            }

            await BatchRepository.LinkAsync(connection, transaction, eventId, project.Id, cancellationToken);
            written.Add(new EventProject(project.Id, project.NameZh, project.Status, action));
        }

        var recorded = new InvestmentEvent(eventId, code, kind, request.Title!, BatchRepository.Named(reference, place), date, request.ReportedProjectCount,
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

    public Task<InvestmentEvent?> GetAsync(long id, CancellationToken cancellationToken) => batches.EventAsync(id, cancellationToken);

    public Task<EventPage> ListAsync(EventListQuery query, CancellationToken cancellationToken) => batches.EventsAsync(query, cancellationToken);
}
