using FluentValidation;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Events;

/// <summary>A recorded event and what it did to its projects.</summary>
/// <param name="Id">The event's id (it is also a reported batch: see GET /api/dashboard/batches).</param>
/// <param name="Code">Stable code.</param>
/// <param name="Kind">signing, groundbreaking or completion.</param>
/// <param name="Title">Title.</param>
/// <param name="District">Where it was held.</param>
/// <param name="Date">When, as known.</param>
/// <param name="ReportedProjectCount">Projects reported by the organisers.</param>
/// <param name="ReportedAmount">Investment reported, in 亿 CNY.</param>
/// <param name="ReportedQualifier">How exact the reported amount is.</param>
/// <param name="Notes">Free text.</param>
/// <param name="RecordedBy">The API key that recorded it (null for seeded events).</param>
/// <param name="Projects">Its itemised projects.</param>
public sealed record InvestmentEvent(long Id, string Code, BatchKind Kind, string Title, NamedRef District, PartialDate Date,
    int? ReportedProjectCount, decimal? ReportedAmount, AmountQualifier? ReportedQualifier, string? Notes, string? RecordedBy,
    IReadOnlyList<EventProject> Projects);

/// <summary>A project at an event.</summary>
/// <param name="Id">The project.</param>
/// <param name="NameZh">Its name.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Action">created, transitioned or linked (already at the event's stage) — in the answer to POST; null when read later.</param>
public sealed record EventProject(long Id, string NameZh, ProjectStatus Status, EventAction? Action);

/// <summary>What recording an event did to a project.</summary>
public enum EventAction
{
    /// <summary>Created as a new project.</summary>
    Created,
    /// <summary>Moved to the event's status.</summary>
    Transitioned,
    /// <summary>Already at (or past) the event's stage: only linked to the event.</summary>
    Linked,
}

/// <summary>Which events to list.</summary>
public sealed record EventListQuery
{
    /// <summary>Place code or slug; a city includes its districts.</summary>
    public string? District { get; init; }

    /// <summary>signing, groundbreaking or completion.</summary>
    public BatchKind? Kind { get; init; }

    /// <summary>Held on or after (yyyy, yyyy-MM or yyyy-MM-dd).</summary>
    public PartialDate? From { get; init; }

    /// <summary>Held on or before.</summary>
    public PartialDate? To { get; init; }

    /// <summary>1 to 200 (default 50).</summary>
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    public long? Before { get; init; }
}

public sealed class EventListQueryValidator : AbstractValidator<EventListQuery>
{
    public EventListQueryValidator(ReferenceCatalog referenceData)
    {
        RuleFor(q => q.District).MustBeKnownPlace(referenceData);
        RuleFor(q => q.To).MustNotEndBefore(q => q.From);
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).When(q => q.Limit is not null).WithMessage("limit must be between 1 and 200.");
        RuleFor(q => q.Before).GreaterThan(0).When(q => q.Before is not null).WithMessage("before must be a nextCursor of this list.");
    }
}

/// <summary>A page of events, newest recorded first.</summary>
/// <param name="Items">The events.</param>
/// <param name="NextCursor">Pass as <c>before</c> for the next page.</param>
public sealed record EventPage(IReadOnlyList<InvestmentEvent> Items, long? NextCursor);
