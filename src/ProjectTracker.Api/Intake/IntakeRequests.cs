using FluentValidation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Intake;

/// <summary>A document to read: its text and what is known about it.</summary>
public sealed record IntakeDocumentRequest
{
    /// <summary>The text, as published (at most 200,000 characters). Kept exactly as sent: quotes' offsets point into it.</summary>
    /// <example>1月31日,江夏区21个重大项目参加2023年一季度全市重大项目集中开工活动,总投资217.24亿元。此次集中开工投资额最大的是智能医疗基地建设项目(一期),总投资24.5亿元。</example>
    public string? Text { get; init; }

    /// <summary>Its title, at most 300 characters.</summary>
    /// <example>新春开局,江夏很拼!</example>
    public string? Title { get; init => field = Common.Text.Clean(value); }

    /// <summary>Where it came from: a URL or a reference, at most 2000 characters.</summary>
    /// <example>https://www.jiangxia.gov.cn/…</example>
    public string? Source { get; init => field = Common.Text.Clean(value); }

    /// <summary>When it was published (2023-02-11, 2023-02 or 2023): a date the text gives as 月日 only takes its year.</summary>
    /// <example>2023-02-11</example>
    public PartialDate? PublishedOn { get; init; }
}

public sealed class IntakeDocumentRequestValidator : AbstractValidator<IntakeDocumentRequest>
{
    public const int TextMaxLength = 200_000;
    // A batch's event takes the document's title when the reviewer gives none: the two limits are one.
    public const int TitleMaxLength = Events.EventRequestValidator.TitleMaxLength;
    public const int SourceMaxLength = 2000;

    public IntakeDocumentRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.Text)
            .NotEmpty().WithMessage("text is required: the document's text.")
            .MaximumLength(TextMaxLength).WithMessage($"text must be at most {TextMaxLength:N0} characters.")
            .Must(text => !Common.Text.HasControlCharacters(text)).WithMessage("text must not contain control characters (other than line breaks and tabs).");
        RuleFor(r => r.Title)
            .NotEmpty().WithMessage("title is required.")
            .MaximumLength(TitleMaxLength).WithMessage($"title must be at most {TitleMaxLength} characters.")
            .Must(title => Common.Text.IsSingleLine(title) && !Common.Text.HasControlCharacters(title)).WithMessage("title must be one line without control characters.");
        RuleFor(r => r.Source)
            .MaximumLength(SourceMaxLength).WithMessage($"source must be at most {SourceMaxLength} characters.")
            .Must(source => Common.Text.IsSingleLine(source) && !Common.Text.HasControlCharacters(source)).WithMessage("source must be one line without control characters.");
        RuleFor(r => r.PublishedOn)
            .Must(date => ProjectRules.IsPlausible(date!.Value, DateOnly.FromDateTime(time.GetLocalNow().DateTime))).When(r => r.PublishedOn is not null)
            .WithMessage(ProjectRequestValidator.DateMessage("publishedOn"));
    }
}

/// <summary>Filters of the drafts list.</summary>
public sealed record IntakeDraftQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>Only the drafts of this intake document.</summary>
    public long? Document { get; init; }

    /// <summary>Only drafts in this place or within it (code, slug or name, as GET /api/districts finds it).</summary>
    /// <example>jiangxia</example>
    public string? District { get; init; }

    /// <summary>pending, accepted or rejected.</summary>
    public IntakeState? State { get; init; }

    /// <summary>At most this many (1–500, default 100).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's nextAfter.</summary>
    public long? After { get; init; }
}

public sealed class IntakeDraftQueryValidator : AbstractValidator<IntakeDraftQuery>
{
    public IntakeDraftQueryValidator(ReferenceCatalog referenceData)
    {
        RuleFor(q => q.Document).GreaterThan(0).WithMessage("document must be an intake document id.");
        RuleFor(q => q.District).MustBeKnownPlace(referenceData);
        RuleFor(q => q.State).IsInEnum().WithMessage($"state must be one of {EnumNames.List(typeof(IntakeState))}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, IntakeDraftQuery.MaxLimit).WithMessage($"limit must be between 1 and {IntakeDraftQuery.MaxLimit}.");
        RuleFor(q => q.After).GreaterThanOrEqualTo(0).WithMessage("after must be a draft id (the previous page's nextAfter).");
    }
}

/// <summary>Accepting a draft: as read, or with the reviewer's corrections.</summary>
public sealed record AcceptDraftRequest
{
    /// <summary>The project as the reviewer corrected it (the whole project, as POST /api/projects takes it); absent: the draft as read.</summary>
    public ProjectRequest? Project { get; init; }

    /// <summary>Record it even if a project of the same name exists in its place (absent: false, and a 409 offers the existing one).</summary>
    public bool? AllowDuplicate { get; init; }
}

/// <summary>Accepting a batch: it becomes an event (as POST /api/events records one) with its pending drafts as new projects.</summary>
public sealed record AcceptBatchRequest
{
    /// <summary>The event's title (default: the document's title).</summary>
    public string? Title { get; init => field = Text.Clean(value); }

    /// <summary>Its date, if the text's is missing or wrong.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>Its place (code or slug), if the text's is missing or wrong.</summary>
    public string? District { get; init => field = Text.Clean(value); }

    /// <summary>Record its projects even where one of the same name exists in the place.</summary>
    public bool? AllowDuplicates { get; init; }
}

/// <summary>Why a draft or batch is rejected.</summary>
public sealed record RejectRequest
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The reason, 1–2000 characters.</summary>
    /// <example>不是投资项目:考察参观的企业。</example>
    public string? Reason { get; init => field = Text.Clean(value); }
}

public sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator()
    {
        RuleFor(r => r.Reason)
            .NotEmpty().WithMessage("reason is required: why it is rejected.")
            .MaximumLength(RejectRequest.ReasonMaxLength).WithMessage($"reason must be at most {RejectRequest.ReasonMaxLength} characters.")
            .Must(reason => !Text.HasControlCharacters(reason)).WithMessage("reason must not contain control characters.");
    }
}

public sealed class AcceptBatchRequestValidator : AbstractValidator<AcceptBatchRequest>
{
    public AcceptBatchRequestValidator(ReferenceCatalog referenceData)
    {
        RuleFor(r => r.Title)
            .MaximumLength(Events.EventRequestValidator.TitleMaxLength).WithMessage($"title must be at most {Events.EventRequestValidator.TitleMaxLength} characters.")
            .Must(title => Text.IsSingleLine(title) && !Text.HasControlCharacters(title)).WithMessage("title must be one line without control characters.");
        RuleFor(r => r.District).MustBeKnownPlace(referenceData);
    }
}

/// <summary>A document uploaded as a file (multipart/form-data), with what is known about it.</summary>
public sealed record IntakeFileForm
{
    /// <summary>The document: .txt (UTF-8 or GB18030), .html or .docx, at most 5 MB.</summary>
    public IFormFile? File { get; init; }

    /// <summary>Its title (default: an HTML page's &lt;title&gt;, else the file's name).</summary>
    // A form's fields are described inline, where the validators' rules do not reach the document: the attribute states the same limit.
    [System.ComponentModel.DataAnnotations.MaxLength(IntakeDocumentRequestValidator.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>Where it came from: a URL or a reference.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(IntakeDocumentRequestValidator.SourceMaxLength)]
    public string? Source { get; init; }

    /// <summary>When it was published: yyyy-MM-dd, yyyy-MM or yyyy.</summary>
    public PartialDate? PublishedOn { get; init; }
}

public sealed class IntakeFileFormValidator : AbstractValidator<IntakeFileForm>
{
    public IntakeFileFormValidator()
    {
        RuleFor(form => form.File)
            .NotNull().WithMessage($"file is required: a {string.Join(", ", DocumentFiles.Extensions)} document sent as multipart/form-data.");
        RuleFor(form => form.File!)
            .Must(file => DocumentFiles.Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
            .WithMessage($"file must be a {string.Join(", ", DocumentFiles.Extensions)} document.")
            .Must(file => file.Length is > 0 and <= DocumentFiles.MaxBytes)
            .WithMessage($"file must hold 1 byte to {DocumentFiles.MaxBytes / (1024 * 1024)} MB.")
            .OverridePropertyName("file")
            .When(form => form.File is not null);
        RuleFor(form => form.Title)
            .MaximumLength(IntakeDocumentRequestValidator.TitleMaxLength).WithMessage($"title must be at most {IntakeDocumentRequestValidator.TitleMaxLength} characters.");
        RuleFor(form => form.Source)
            .MaximumLength(IntakeDocumentRequestValidator.SourceMaxLength).WithMessage($"source must be at most {IntakeDocumentRequestValidator.SourceMaxLength} characters.");
    }
}
