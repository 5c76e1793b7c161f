using System.Text.Json;
using FluentValidation;

namespace ProjectTracker.Api.Audit;

/// <summary>One write, as the audit trail recorded it.</summary>
/// <param name="Id">Position in the trail.</param>
/// <param name="RecordedAt">When the write committed.</param>
/// <param name="ActorKeyId">The API key that made it (null for server commands such as seed).</param>
/// <param name="Actor">The key's name, or the command's.</param>
/// <param name="Action">project.created, project.updated, project.status_changed, project.deleted, event.recorded, import.completed, target.created, target.updated, api_key.created, api_key.revoked, seed.loaded.</param>
/// <param name="EntityType">project, event, import, target, api_key or seed.</param>
/// <param name="EntityId">Its id.</param>
/// <param name="Before">The record before the write (null for creations).</param>
/// <param name="After">The record after the write (null for deletions).</param>
/// <param name="RequestId">The request's id, as in the server log and problem details' traceId.</param>
public sealed record AuditEntry(long Id, DateTimeOffset RecordedAt, long? ActorKeyId, string Actor, string Action, string EntityType, long? EntityId,
    JsonElement? Before, JsonElement? After, string? RequestId);

/// <summary>A page of the audit trail.</summary>
/// <param name="Items">Oldest first.</param>
/// <param name="NextCursor">Pass as <c>after</c> for the next page; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextCursor);

/// <summary>Which part of the audit trail to read.</summary>
public sealed record AuditQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Recorded at or after this instant (ISO 8601).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Recorded before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The actor's name (exactly) or API key id.</summary>
    public string? Actor { get; init; }

    /// <summary>One action, e.g. project.updated.</summary>
    public string? Action { get; init; }

    /// <summary>project, event, import, target, api_key or seed.</summary>
    public string? EntityType { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    public long? After { get; init; }

    /// <summary>Page size, 1 to 1000 (default 100).</summary>
    public int? Limit { get; init; }
}

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.To).Must((q, to) => to > q.From).When(q => q.From is not null && q.To is not null).WithMessage("to must be after from.");
        RuleFor(q => q.Actor).MaximumLength(100).WithMessage("actor must be at most 100 characters.");
        RuleFor(q => q.Action).MaximumLength(50).WithMessage("action must be at most 50 characters.");
        RuleFor(q => q.EntityType).MaximumLength(50).WithMessage("entityType must be at most 50 characters.");
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage("after must be a nextCursor of this list.");
        RuleFor(q => q.Limit).InclusiveBetween(1, AuditQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be between 1 and {AuditQuery.MaxLimit}.");
    }
}
