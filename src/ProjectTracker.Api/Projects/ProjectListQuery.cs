using FluentValidation;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Projects;

/// <summary>The project list: filters, an order, and a page.</summary>
public sealed record ProjectListQuery : ProjectFilter
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>signedOn, startedOn, completedOn, amount, name or updatedAt, with - for descending (default -signedOn). Unknown values sort as the smallest.</summary>
    public string? Sort { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Page size, 1 to 500 (default 50).</summary>
    public int? Limit { get; init; }

    /// <summary>Also count every matching project (costs one more query).</summary>
    public bool IncludeTotal { get; init; }
}

public sealed class ProjectListQueryValidator : AbstractValidator<ProjectListQuery>
{
    public ProjectListQueryValidator(ProjectFilterValidator filter)
    {
        Include(filter);
        RuleFor(q => q.Sort).OneOf(ProjectSort.Spellings)
            .WithMessage($"sort must be one of {string.Join(", ", ProjectSort.Keys)}, optionally with - for descending (e.g. -signedOn).");
        RuleFor(q => q.Limit).InclusiveBetween(1, ProjectListQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be between 1 and {ProjectListQuery.MaxLimit}.");
        RuleFor(q => q.Cursor).MaximumLength(PageCursor.MaxLength).WithMessage("cursor is not a nextCursor of this list with this sort; start again without it.");
        RuleFor(q => q.Cursor)
            .Must((q, cursor) => PageCursor.TryDecode(cursor, out var decoded) && ProjectSort.TryParse(q.Sort, out var sort) && decoded.Sort == sort.Name)
            .When(q => q.Cursor is not null)
            .WithMessage("cursor is not a nextCursor of this list with this sort; start again without it.");
    }
}
