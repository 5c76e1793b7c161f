using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Targets;

/// <summary>A yearly target, e.g. "at least 15 new-energy projects signed in 2024" (POST/PUT /api/targets, and seeds).</summary>
public sealed record TargetRequest
{
    /// <summary>Place code or slug the target is for.</summary>
    public string? District { get; init => field = Text.Clean(value); }

    /// <summary>Park code, when the target is a park's.</summary>
    public string? Park { get; init => field = Text.Clean(value); }

    /// <summary>Sector code (a category includes its industries), when the target counts one sector.</summary>
    public string? Sector { get; init => field = Text.Clean(value); }

    /// <summary>The year the target is for.</summary>
    public int? Year { get; init; }

    /// <summary>signed_count, signed_amount, started_count, started_amount, completed_count or completed_amount.</summary>
    public TargetMeasure? Measure { get; init; }

    /// <summary>Count only projects of at least this many 亿 ("亿元以上项目" → 1).</summary>
    public decimal? MinProjectAmount { get; init; }

    /// <summary>The target: a number of projects, or 亿 for amounts.</summary>
    public decimal? Value { get; init; }

    /// <summary>exact (default), at_least (不低于/以上), at_most, approx.</summary>
    public AmountQualifier? Qualifier { get; init; }

    /// <summary>What the target says, e.g. 2024年计划引进新能源产业链项目不低于15个.</summary>
    public string? Title { get; init => field = Text.Clean(value); }
}

public sealed class TargetRequestValidator : AbstractValidator<TargetRequest>
{
    public const int TitleMaxLength = 300;

    public TargetRequestValidator(ReferenceCatalog referenceData)
    {
        RuleFor(t => t.District)
            .NotEmpty().WithMessage("district is required: a place code or slug.")
            .MustBeKnownPlace(referenceData);
        RuleFor(t => t.Park).MustBeKnownParkIn(referenceData, t => t.District);
        RuleFor(t => t.Sector).MustBeKnownSector(referenceData);
        RuleFor(t => t.Year).NotNull().WithMessage("year is required.").MustBeARecordYear();
        RuleFor(t => t.Measure).NotNull().WithMessage($"measure is required: one of {EnumNames.List(typeof(TargetMeasure))}.").IsInEnum();
        RuleFor(t => t.Value).NotNull().WithMessage("value is required.")
            .MustBeAmount().WithMessage(ProjectRequestValidator.AmountMessage("value"));
        RuleFor(t => t.Value).Must(value => value!.Value == decimal.Truncate(value.Value))
            .When(t => t.Value is not null && t.Measure is { } measure && IsCount(measure))
            .WithMessage("value must be a whole number of projects for a count.");
        RuleFor(t => t.MinProjectAmount).MustBeAmount()
            .WithMessage(ProjectRequestValidator.AmountMessage("minProjectAmount"));
        RuleFor(t => t.Qualifier).IsInEnum();
        RuleFor(t => t.Title).NotEmpty().WithMessage("title is required: what the target says.")
            .MaximumLength(TitleMaxLength).WithMessage($"title must be at most {TitleMaxLength} characters.")
            .Must(title => Text.IsSingleLine(title) && !Text.HasControlCharacters(title)).WithMessage("title must be one line without control characters.");
    }

    public static bool IsCount(TargetMeasure measure) =>
        measure is TargetMeasure.SignedCount or TargetMeasure.StartedCount or TargetMeasure.CompletedCount;
}
