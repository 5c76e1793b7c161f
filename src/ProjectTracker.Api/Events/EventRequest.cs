using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using FluentValidation.Results;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Events;

/// <summary>
/// A signing ceremony (集中签约) or groundbreaking (集中开工) with its projects, recorded in one transaction:
/// new projects are created as signed / started on the event's date, existing ones move to that status.
/// </summary>
public sealed record EventRequest
{
    /// <summary>signing (projects become signed), groundbreaking (started) or completion (completed).</summary>
    /// <example>groundbreaking</example>
    public BatchKind? Kind { get; init; }

    /// <summary>When it was held, as known: 2023-01-31, 2023-01 or 2023.</summary>
    /// <example>2023-01-31</example>
    public PartialDate? Date { get; init; }

    /// <summary>Where: a place code or slug. New projects lie here unless they say otherwise.</summary>
    /// <example>jiangxia</example>
    public string? District { get; init => field = Text.Clean(value); }

    /// <summary>Title, at most 300 characters.</summary>
    /// <example>2023年一季度全市重大项目集中开工活动(江夏分会场)</example>
    public string? Title { get; init => field = Text.Clean(value); }

    /// <summary>How many projects the organisers reported (may be more than are itemised here).</summary>
    /// <example>21</example>
    public int? ReportedProjectCount { get; init; }

    /// <summary>The total investment reported, in 亿 CNY.</summary>
    /// <example>217.24</example>
    public decimal? ReportedAmount { get; init; }

    /// <summary>exact (default), approx, at_least or at_most.</summary>
    public AmountQualifier? ReportedQualifier { get; init; }

    /// <summary>Free text, at most 4000 characters.</summary>
    public string? Notes { get; init => field = Text.Clean(value); }

    /// <summary>The projects: each either <c>{"id": 42}</c> (an existing project) or the fields of a new one.</summary>
    public IReadOnlyList<EventProjectRequest?>? Projects { get; init; }

    /// <summary>The status a project reaches at an event of this kind.</summary>
    public static ProjectStatus StatusAt(BatchKind kind) => kind switch
    {
        BatchKind.Signing => ProjectStatus.Signed,
        BatchKind.Groundbreaking => ProjectStatus.Started,
        _ => ProjectStatus.Completed,
    };
}

/// <summary>
/// A project at an event: <c>id</c> of an existing project, or the fields of a new one (as for POST /api/projects).
/// For a new one, district, kind (investment), status and the date of that status default to the event's.
/// </summary>
public sealed record EventProjectRequest : ProjectRequest
{
    public EventProjectRequest()
    {
    }

    /// <summary>A new project's item with the fields of <paramref name="project"/>.</summary>
    public EventProjectRequest(ProjectRequest project) : base(project)
    {
    }

    /// <summary>An existing project: it moves to the event's status (or is only linked when already there or beyond).</summary>
    public long? Id { get; init; }

    /// <summary>A note for the existing project's history.</summary>
    public string? Note { get; init => field = Text.Clean(value); }

    /// <summary>Record the new project even if one of the same name exists in its place (absent or null: false).</summary>
    public bool? AllowDuplicate { get; init; }

    /// <summary>The new project as the event implies it: its own fields, the event's where it gives none.</summary>
    public ProjectRequest ForEvent(EventRequest at)
    {
        var status = Status ?? EventRequest.StatusAt(at.Kind!.Value);
        // Only the project's own fields: the item's id, note and duplicate flag are not the project's.
        return new EventProjectRequest((ProjectRequest)this)
        {
            Kind = Kind ?? ProjectKind.Investment, District = District ?? at.District, Status = status,
            SignedOn = SignedOn ?? (status == ProjectStatus.Signed ? at.Date : null),
            StartedOn = StartedOn ?? (status == ProjectStatus.Started ? at.Date : null),
            CompletedOn = CompletedOn ?? (status == ProjectStatus.Completed ? at.Date : null),
        };
    }

    /// <summary>Whether any field of a new project is set (which an item naming an existing project must not do).</summary>
    public bool HasNewProjectFields() => this with { Id = null, Note = null, AllowDuplicate = null } != new EventProjectRequest();
}

public sealed class EventRequestValidator : AbstractValidator<EventRequest>
{
    public const int MaxProjects = 500;
    public const int TitleMaxLength = 300;

    public EventRequestValidator(ReferenceCatalog referenceData, TimeProvider time, IValidator<ProjectRequest> projectValidator, EventProjectRequestValidator existingItem)
    {
        RuleFor(e => e.Kind)
            .NotNull().WithMessage($"kind is required: one of {EnumNames.List(typeof(BatchKind))}.")
            .IsInEnum();
        RuleFor(e => e.Date)
            .NotNull().WithMessage("date is required: when the event was held, as yyyy-MM-dd, yyyy-MM or yyyy.");
        RuleFor(e => e.Date)
            .Must(date => ProjectRules.IsPlausible(date!.Value, DateOnly.FromDateTime(time.GetLocalNow().DateTime))).When(e => e.Date is not null)
            .WithMessage(ProjectRequestValidator.DateMessage("date"));
        RuleFor(e => e.District)
            .NotEmpty().WithMessage("district is required: a place code or slug (see GET /api/districts).")
            .MustBeKnownPlace(referenceData);
        RuleFor(e => e.Title)
            .NotEmpty().WithMessage("title is required.")
            .MaximumLength(TitleMaxLength).WithMessage($"title must be at most {TitleMaxLength} characters.")
            .Must(title => Text.IsSingleLine(title) && !Text.HasControlCharacters(title)).WithMessage("title must be one line without control characters.");
        RuleFor(e => e.ReportedProjectCount)
            .InclusiveBetween(0, 100_000).When(e => e.ReportedProjectCount is not null)
            .WithMessage("reportedProjectCount must be between 0 and 100,000.");
        RuleFor(e => e.ReportedAmount)
            .MustBeAmount().WithMessage(ProjectRequestValidator.AmountMessage("reportedAmount"));
        RuleFor(e => e.ReportedQualifier)
            .Null().When(e => e.ReportedAmount is null).WithMessage("reportedQualifier needs a reportedAmount.")
            .IsInEnum();
        RuleFor(e => e.Notes)
            .MaximumLength(ProjectRules.NotesMaxLength).WithMessage($"notes must be at most {ProjectRules.NotesMaxLength} characters.")
            .Must(notes => !Text.HasControlCharacters(notes)).WithMessage("notes must not contain control characters.");
        RuleFor(e => e.Projects)
            .MaxItems(MaxProjects)
            .WithMessage($"projects can list at most {MaxProjects} projects; record larger batches with POST /api/imports.")
            .Must(projects => projects!.Where(p => p?.Id is not null).GroupBy(p => p!.Id).All(group => group.Count() == 1)).When(e => e.Projects is not null)
            .WithMessage("projects names the same existing project twice.");
        RuleForEach(e => e.Projects)
            .NotNull().WithMessage("a project cannot be null.")
            .CustomAsync(async (item, context, cancellationToken) =>
            {
                if (item is null) return;
                if (item.Id is not null)
                {
                    foreach (var failure in (await existingItem.ValidateAsync(item, cancellationToken)).Errors)
                        context.AddFailure(new ValidationFailure($"{context.PropertyPath}.{failure.PropertyName}", failure.ErrorMessage));
                    if (item.HasNewProjectFields())
                        context.AddFailure(new ValidationFailure($"{context.PropertyPath}.id", "give either the id of an existing project or the fields of a new one, not both."));
                    return;
                }
                var parent = context.InstanceToValidate;
                if (parent.Kind is null || !Enum.IsDefined(parent.Kind.Value)) return;
                var result = await projectValidator.ValidateAsync(item.ForEvent(parent), cancellationToken);
                foreach (var failure in result.Errors)
                {
                    context.AddFailure(new ValidationFailure($"{context.PropertyPath}.{failure.PropertyName}", failure.ErrorMessage));
                }
            });
    }
}

/// <summary>
/// The fields of an item that names an existing project (<c>{"id": 42, "note": "…"}</c>); an item with a new project's
/// fields is checked as a project (<see cref="ProjectRequestValidator"/>), so nothing of a project is required here.
/// </summary>
public sealed class EventProjectRequestValidator : AbstractValidator<EventProjectRequest>
{
    public EventProjectRequestValidator()
    {
        RuleFor(item => item.Id).GreaterThan(0L).WithMessage("id must be a project id.");
        RuleFor(item => item.Note)
            .MaximumLength(StatusChangeRequestValidator.NoteMaxLength)
            .WithMessage($"note must be at most {StatusChangeRequestValidator.NoteMaxLength} characters without control characters.")
            .Must(note => !Text.HasControlCharacters(note))
            .WithMessage($"note must be at most {StatusChangeRequestValidator.NoteMaxLength} characters without control characters.");
    }
}
