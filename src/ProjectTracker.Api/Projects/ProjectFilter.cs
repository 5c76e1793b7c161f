using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>Which projects to consider: the filters of the project list, shared by every dashboard query.</summary>
public record ProjectFilter
{
    /// <summary>Place codes or slugs (repeatable). A city includes its districts and zones; a district its zones.</summary>
    public IReadOnlyList<string>? District { get; init; }

    /// <summary>Park code.</summary>
    public string? Park { get; init; }

    /// <summary>Sector code; a category (e.g. manufacturing) includes its industries.</summary>
    public string? Sector { get; init; }

    /// <summary>Statuses (repeatable).</summary>
    public IReadOnlyList<ProjectStatus>? Status { get; init; }

    /// <summary>Signed on or after (yyyy, yyyy-MM or yyyy-MM-dd; a partial date counts from its first day).</summary>
    public PartialDate? SignedFrom { get; init; }

    /// <summary>Signed on or before (a partial date counts to its last day).</summary>
    public PartialDate? SignedTo { get; init; }

    /// <summary>Started on or after.</summary>
    public PartialDate? StartedFrom { get; init; }

    /// <summary>Started on or before.</summary>
    public PartialDate? StartedTo { get; init; }

    /// <summary>Completed on or after.</summary>
    public PartialDate? CompletedFrom { get; init; }

    /// <summary>Completed on or before.</summary>
    public PartialDate? CompletedTo { get; init; }

    /// <summary>Effective amount at least this many 亿.</summary>
    public decimal? MinAmount { get; init; }

    /// <summary>Effective amount at most this many 亿.</summary>
    public decimal? MaxAmount { get; init; }

    /// <summary>Only amounts in this currency.</summary>
    public Currency? Currency { get; init; }

    /// <summary>Investor name contains this text.</summary>
    public string? Investor { get; init; }

    /// <summary>Changed after this instant (for integrators that sync); the list then also returns deleted projects, with deletedAt set.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Text in the Chinese or English name, e.g. 医疗 finds 智能医疗基地建设项目.</summary>
    public string? Q { get; init; }

    /// <summary>
    /// Only the projects itemised under this reported batch or event (its id in GET /api/dashboard/batches and
    /// GET /api/events): the projects behind a batch's itemised figures.
    /// </summary>
    public long? Batch { get; init; }
}

public sealed class ProjectFilterValidator : AbstractValidator<ProjectFilter>
{
    public const int MaxListedValues = 50;
    public const int MaxTextLength = 100;

    public ProjectFilterValidator(ReferenceCatalog referenceData)
    {
        RuleFor(f => f.District)
            .MaxItems(MaxListedValues)
            .EachMaxLength(ReferenceRules.CodeMaxLength)
            .WithMessage($"district can be repeated at most {MaxListedValues} times.")
            .MustBeKnownPlaces(referenceData);
        RuleFor(f => f.Park).MustBeKnownParkIn(referenceData, _ => null);
        RuleFor(f => f.Sector).MustBeKnownSector(referenceData);
        RuleFor(f => f.Status).MaxItems(MaxListedValues)
            .WithMessage($"status can be repeated at most {MaxListedValues} times.");
        RuleFor(f => f.SignedTo).Must((f, to) => to!.Value.End >= f.SignedFrom!.Value.Start).When(f => f.SignedFrom is not null && f.SignedTo is not null)
            .WithMessage("signedTo cannot be before signedFrom.");
        RuleFor(f => f.StartedTo).Must((f, to) => to!.Value.End >= f.StartedFrom!.Value.Start).When(f => f.StartedFrom is not null && f.StartedTo is not null)
            .WithMessage("startedTo cannot be before startedFrom.");
        RuleFor(f => f.CompletedTo).Must((f, to) => to!.Value.End >= f.CompletedFrom!.Value.Start).When(f => f.CompletedFrom is not null && f.CompletedTo is not null)
            .WithMessage("completedTo cannot be before completedFrom.");
        RuleFor(f => f.MinAmount).Must(amount => amount >= 0 && amount < ProjectRules.AmountCeiling).When(f => f.MinAmount is not null)
            .WithMessage($"minAmount must be between 0 and {ProjectRules.AmountCeiling:N0} (亿).");
        RuleFor(f => f.MaxAmount).Must(amount => amount >= 0 && amount < ProjectRules.AmountCeiling).When(f => f.MaxAmount is not null)
            .WithMessage($"maxAmount must be between 0 and {ProjectRules.AmountCeiling:N0} (亿).");
        RuleFor(f => f.MaxAmount).Must((f, max) => max >= f.MinAmount).When(f => f.MinAmount is not null && f.MaxAmount is not null)
            .WithMessage("maxAmount cannot be less than minAmount.");
        RuleFor(f => f.Investor).MaximumLength(MaxTextLength).WithMessage($"investor must be at most {MaxTextLength} characters.")
            .Must(text => !Text.HasControlCharacters(text)).WithMessage("investor must not contain control characters.")
            .Must(text => ProjectSearch.IsSearchable(text!)).When(f => !string.IsNullOrWhiteSpace(f.Investor))
            .WithMessage("investor needs at least two letters or digits in a row, e.g. 华为 or BYD.");
        RuleFor(f => f.Q).MaximumLength(MaxTextLength).WithMessage($"q must be at most {MaxTextLength} characters.")
            .Must(text => !Text.HasControlCharacters(text)).WithMessage("q must not contain control characters.")
            .Must(text => ProjectSearch.IsSearchable(text!)).When(f => !string.IsNullOrWhiteSpace(f.Q))
            .WithMessage("q needs at least two letters or digits in a row, e.g. 医疗 or t3.");
        RuleFor(f => f.Batch).GreaterThan(0).WithMessage("batch must be the id of a reported batch or event, a whole number greater than 0.");
        RuleFor(f => f.UpdatedSince).Must(since => since!.Value.Year >= 1990 && since.Value.Year <= 9000).When(f => f.UpdatedSince is not null)
            .WithMessage("updatedSince must be an ISO 8601 instant such as 2024-05-01T00:00:00Z.");
    }
}
