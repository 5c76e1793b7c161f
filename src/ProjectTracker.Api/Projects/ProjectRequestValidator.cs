using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>Every rule a project must satisfy before it is stored; messages name the field and what is allowed.</summary>
public sealed partial class ProjectRequestValidator : AbstractValidator<ProjectRequest>
{
    public ProjectRequestValidator(ReferenceCatalog referenceData, TimeProvider time)
    {
        RuleFor(r => r.NameZh)
            .NotEmpty().WithMessage("nameZh is required.")
            .MaximumLength(ProjectRules.NameZhMaxLength).WithMessage($"nameZh must be at most {ProjectRules.NameZhMaxLength} characters.")
            .Must(name => Text.IsSingleLine(name) && !Text.HasControlCharacters(name)).WithMessage("nameZh must be one line without control characters.");
        RuleFor(r => r.NameEn)
            .MaximumLength(ProjectRules.NameEnMaxLength).WithMessage($"nameEn must be at most {ProjectRules.NameEnMaxLength} characters.")
            .Must(name => Text.IsSingleLine(name) && !Text.HasControlCharacters(name)).WithMessage("nameEn must be one line without control characters.");
        RuleFor(r => r.Kind)
            .NotNull().WithMessage($"kind is required: one of {EnumNames.List(typeof(ProjectKind))}.")
            .IsInEnum();
        RuleFor(r => r.Investors)
            .MaxItems(ProjectRules.MaxInvestors)
            .WithMessage($"investors can list at most {ProjectRules.MaxInvestors} companies.");
        RuleForEach(r => r.Investors)
            .MaximumLength(ProjectRules.InvestorMaxLength).WithMessage($"each investor must be at most {ProjectRules.InvestorMaxLength} characters.")
            .Must(name => Text.IsSingleLine(name) && !Text.HasControlCharacters(name)).WithMessage("each investor must be one line without control characters.");
        RuleFor(r => r.Status)
            .NotNull().WithMessage($"status is required: one of {EnumNames.List(typeof(ProjectStatus))}.")
            .IsInEnum();

        RuleFor(r => r.District)
            .NotEmpty().WithMessage("district is required: a place code, slug or name (see GET /api/districts?q=).")
            .MustBeKnownPlace(referenceData);
        RuleFor(r => r.Park).MustBeKnownParkIn(referenceData, r => r.District);
        RuleFor(r => r.Sector)
            .NotEmpty().WithMessage("sector is required: a sector code (see GET /api/sectors).")
            .MustBeKnownSector(referenceData);

        RuleFor(r => r.Amount).MustBeAmount().WithMessage(AmountMessage("amount"));
        RuleFor(r => r.AmountQualifier)
            .Null().When(r => r.Amount is null).WithMessage("amountQualifier needs an amount.")
            .IsInEnum();
        RuleFor(r => r.Currency).IsInEnum();
        RuleFor(r => r.Phases)
            .MaxItems(ProjectRules.MaxPhases).WithMessage($"phases can list at most {ProjectRules.MaxPhases} phases.")
            .Must(phases => phases!.Select(phase => phase?.Name).Distinct().Count() == phases!.Count).WithMessage("each phase needs its own name.")
            .When(r => r.Phases is not null);
        RuleForEach(r => r.Phases).NotNull().WithMessage("a phase cannot be null.").SetValidator(new PhaseRequestValidator());
        RuleFor(r => r.Phases)
            .Custom((phases, context) =>
            {
                var request = context.InstanceToValidate;
                if (!AmountsAreWellFormed(request)) return;
                if (ProjectRules.PhasesDisagreement(request.Amount, request.AmountQualifier, ToPhases(phases)) is { } disagreement)
                    context.AddFailure($"phases must agree with amount: {disagreement}.");
            });

        RuleFor(r => r.SignedOn).Must(date => ProjectRules.IsPlausible(date!.Value, Today(time))).When(r => r.SignedOn is not null).WithMessage(DateMessage("signedOn"));
        RuleFor(r => r.StartedOn).Must(date => ProjectRules.IsPlausible(date!.Value, Today(time))).When(r => r.StartedOn is not null).WithMessage(DateMessage("startedOn"));
        RuleFor(r => r.CompletedOn).Must(date => ProjectRules.IsPlausible(date!.Value, Today(time))).When(r => r.CompletedOn is not null).WithMessage(DateMessage("completedOn"));
        RuleFor(r => r.StartedOn)
            .Must((r, started) => ProjectRules.InOrder(r.SignedOn, started))
            .WithMessage("startedOn cannot be before signedOn.");
        RuleFor(r => r.CompletedOn)
            .Must((r, completed) => ProjectRules.InOrder(r.StartedOn ?? r.SignedOn, completed))
            .WithMessage(r => r.StartedOn is null ? "completedOn cannot be before signedOn." : "completedOn cannot be before startedOn.");
        RuleFor(r => r.Status)
            .Must((r, status) => ProjectRules.DatesDisagreeWithStatus(status!.Value, r.SignedOn, r.StartedOn, r.CompletedOn) is null)
            .When(r => r.Status is not null && Enum.IsDefined(r.Status.Value))
            .WithMessage(r => $"status {EnumNames.Of(r.Status!.Value)} does not fit the dates: {ProjectRules.DatesDisagreeWithStatus(r.Status!.Value, r.SignedOn, r.StartedOn, r.CompletedOn)}.");

        RuleFor(r => r.ProjectCode).Cascade(CascadeMode.Stop)
            .Matches(NationalProjectCode()).WithMessage(NationalProjectCodeMessage)
            .Must(code => IsNationalProjectCode(code, Today(time))).When(r => r.ProjectCode is not null)
            .WithMessage(NationalProjectCodeMessage);
        RuleFor(r => r.LandAreaSqm)
            .Must(area => area > 0 && area < ProjectRules.LandAreaCeilingSqm && area!.Value.Scale <= 2).When(r => r.LandAreaSqm is not null)
            .WithMessage("landAreaSqm must be more than 0 square metres, below 1,000,000,000, with at most 2 decimals.");
        RuleFor(r => r.Notes)
            .MaximumLength(ProjectRules.NotesMaxLength).WithMessage($"notes must be at most {ProjectRules.NotesMaxLength} characters.")
            .Must(notes => !Text.HasControlCharacters(notes)).WithMessage("notes must not contain control characters.");
    }

    private const string NationalProjectCodeMessage =
        "projectCode must be the 24-character national project code: yyyy-AAAAAA-II-TT-NNNNNN (year, place code, industry, type, serial), e.g. 2023-420115-35-03-012345.";

    internal static string AmountMessage(string field) =>
        $"{field} must be greater than 0 and below {ProjectRules.AmountCeiling:N0}, with at most {ProjectRules.AmountDecimals} decimals (亿).";

    /// <summary>What a stage date may be (<see cref="ProjectRules.IsPlausible"/>), for every field that takes one.</summary>
    internal static string DateMessage(string field) =>
        $"{field} must be between {ProjectRules.EarliestDate.Year} and a year from today, as yyyy, yyyy-MM or yyyy-MM-dd.";

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static bool AmountsAreWellFormed(ProjectRequest request) =>
        request.Amount is { } amount && ProjectRules.IsValidAmount(amount) &&
        request.Phases is { Count: > 0 } phases &&
        phases.All(phase => phase is not null && (phase.Amount is null || ProjectRules.IsValidAmount(phase.Amount.Value)));

    private static IReadOnlyList<Phase> ToPhases(IReadOnlyList<PhaseRequest?>? phases) => PhaseRequest.ToPhases(phases);

    /// <summary>A code of the national investment-project platform: its first four digits are a plausible year.</summary>
    private static bool IsNationalProjectCode(string? code, DateOnly today)
    {
        if (code is null || !NationalProjectCode().IsMatch(code)) return false;
        var year = int.Parse(code.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return year >= ProjectRules.EarliestDate.Year && year <= today.Year + 1;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$")]
    private static partial Regex NationalProjectCode();
}

public sealed class PhaseRequestValidator : AbstractValidator<PhaseRequest>
{
    public PhaseRequestValidator()
    {
        RuleFor(phase => phase.Name)
            .NotEmpty().WithMessage("name is required, e.g. 一期.")
            .MaximumLength(ProjectRules.PhaseNameMaxLength).WithMessage($"name must be at most {ProjectRules.PhaseNameMaxLength} characters.")
            .Must(name => Text.IsSingleLine(name) && !Text.HasControlCharacters(name)).WithMessage("name must be one line without control characters.");
        RuleFor(phase => phase.Amount)
            .MustBeAmount().WithMessage(ProjectRequestValidator.AmountMessage("amount"));
        RuleFor(phase => phase.Qualifier)
            .Null().When(phase => phase.Amount is null).WithMessage("qualifier needs an amount.")
            .IsInEnum();
    }
}
