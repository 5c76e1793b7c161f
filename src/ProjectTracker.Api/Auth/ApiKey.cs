using FluentValidation;
using ProjectTracker.Api.Common.Validation;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Auth;

/// <summary>An API key as admins see it: never its secret.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Whose key it is, e.g. 江夏区投促局 张三.</param>
/// <param name="Role">viewer, editor or admin.</param>
/// <param name="Districts">Place codes the key may write; empty means everywhere.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKey(long Id, string Name, ApiRole Role, IReadOnlyList<string> Districts, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>The key a request presents, as a client shows it to its user: who, what it may do, where it may write.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Whose key it is.</param>
/// <param name="Role">viewer, editor or admin.</param>
/// <param name="Districts">The places the key may write (and those within them), with their names; empty means everywhere.</param>
public sealed record CurrentApiKey(long? Id, string Name, ApiRole Role, IReadOnlyList<NamedRef> Districts);

/// <summary>A key just created: the only time its secret is shown.</summary>
/// <param name="Key">The key.</param>
/// <param name="Secret">Send it as <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>). It cannot be shown again.</param>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>A key to create.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>Whose key it is, at most 100 characters.</summary>
    /// <example>江夏区投促局 数据录入</example>
    public string? Name { get; init => field = Text.Clean(value); }

    /// <summary>viewer, editor or admin.</summary>
    /// <example>editor</example>
    public ApiRole? Role { get; init; }

    /// <summary>Place codes or slugs the key may write (and the places within them); none means everywhere.</summary>
    /// <example>["jiangxia"]</example>
    public IReadOnlyList<string?>? Districts { get; init => field = value?.Select(Text.Clean).ToArray(); }
}

public sealed class ApiKeyRequestValidator : AbstractValidator<ApiKeyRequest>
{
    public const int NameMaxLength = 100;

    public ApiKeyRequestValidator(ReferenceCatalog referenceData)
    {
        RuleFor(r => r.Name)
            .NotEmpty().WithMessage("name is required: whose key it is.")
            .MaximumLength(NameMaxLength).WithMessage($"name must be at most {NameMaxLength} characters.")
            .Must(name => Text.IsSingleLine(name) && !Text.HasControlCharacters(name)).WithMessage("name must be one line without control characters.");
        RuleFor(r => r.Role)
            .NotNull().WithMessage($"role is required: one of {EnumNames.List(typeof(ApiRole))}.")
            .IsInEnum();
        RuleFor(r => r.Districts)
            .MaxItems(50).WithMessage("districts can list at most 50 places.")
            .EachMaxLength(ReferenceRules.CodeMaxLength)
            .Must(districts => districts!.All(district => district is not null)).When(r => r.Districts is not null)
            .WithMessage("districts cannot contain an empty place: leave the list out for a key that may write everywhere.")
            .MustBeKnownPlaces(referenceData);
    }
}
