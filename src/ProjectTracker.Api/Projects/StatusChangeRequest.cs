using FluentValidation;
using ProjectTracker.Api.Common;

namespace ProjectTracker.Api.Projects;

/// <summary>A status change: intent → signed → started → completed, any → cancelled; anything else as a correction.</summary>
public sealed record StatusChangeRequest
{
    /// <summary>The new status.</summary>
    public ProjectStatus? Status { get; init; }

    /// <summary>When it happened, as known (2023-01-31, 2023-01 or 2023). Required for started and completed; becomes signedOn / startedOn / completedOn.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>Why, or what was wrong; required for a correction.</summary>
    public string? Note { get; init => field = Text.Clean(value); }

    /// <summary>True to move backwards or leave cancelled: the change is recorded as a correction (absent or null: false).</summary>
    public bool? Correction { get; init; }
}

public sealed class StatusChangeRequestValidator : AbstractValidator<StatusChangeRequest>
{
    public const int NoteMaxLength = 2000;

    public StatusChangeRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Status)
            .NotNull().WithMessage($"status is required: one of {EnumNames.List(typeof(ProjectStatus))}.")
            .IsInEnum();
        RuleFor(r => r.Date)
            .NotNull().When(r => r.Status is ProjectStatus.Started or ProjectStatus.Completed)
            .WithMessage(r => $"date is required when the project becomes {EnumNames.Of(r.Status!.Value)}.");
        RuleFor(r => r.Date)
            .Must(date => ProjectRules.IsPlausible(date!.Value, DateOnly.FromDateTime(time.GetLocalNow().DateTime)))
            .When(r => r.Date is not null)
            .WithMessage(ProjectRequestValidator.DateMessage("date"));
        RuleFor(r => r.Date)
            .Null().When(r => r.Status is ProjectStatus.Intent)
            .WithMessage("an intent project has no date; leave date empty.");
        RuleFor(r => r.Note)
            .NotEmpty().When(r => r.Correction == true).WithMessage("note is required for a correction: say what was wrong.")
            .MaximumLength(NoteMaxLength).WithMessage($"note must be at most {NoteMaxLength} characters.")
            .Must(note => !Text.HasControlCharacters(note)).WithMessage("note must not contain control characters.");
    }
}
