using FluentValidation;
using FluentValidation.Validators;

namespace ProjectTracker.Api.Common.Validation;

/// <summary>
/// Rules that FluentValidation has no built-in for, written as property validators that carry their limits, so the
/// OpenAPI document reads the same limits the API enforces (OpenApi/ValidatorSchemas) instead of a copy of them.
/// </summary>
public static class DescribedRules
{
    /// <summary>At most <paramref name="max"/> entries (null passes: whether a list is required is another rule).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> MaxItems<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.SetValidator(new MaxItemsValidator<T, TItem>(max));

    /// <summary>Each entry of a list at most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string?>?> EachMaxLength<T>(this IRuleBuilder<T, IReadOnlyList<string?>?> rule, int max) =>
        rule.SetValidator(new EachMaxLengthValidator<T>(max));

    /// <summary>One of <paramref name="values"/>, spelled exactly (null passes).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values) =>
        rule.SetValidator(new OneOfValidator<T>(values));

    /// <summary>Each entry the name of a value of <paramref name="enumType"/>; an entry may also list several, separated by commas (<c>groupBy=district,year</c>).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> EachOneOf<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule, Type enumType) =>
        rule.SetValidator(new EachOneOfValidator<T>(enumType));
}

/// <summary>A list's most entries, for the document's <c>maxItems</c>.</summary>
public interface IMaxItemsRule
{
    int Max { get; }
}

/// <summary>The most characters of each entry of a list, for the document's <c>items.maxLength</c>.</summary>
public interface IEachMaxLengthRule
{
    int MaxLength { get; }
}

/// <summary>The only values a text takes, for the document's <c>enum</c>.</summary>
public interface IOneOfRule
{
    IReadOnlyList<string> Values { get; }

    /// <summary>The enum whose names the values are, when they are one's (the document then refers to it).</summary>
    Type? EnumType => null;
}

/// <summary>An amount's range (exclusive at both ends), for the document's <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>.</summary>
public interface IAmountRule
{
    decimal Above { get; }
    decimal Below { get; }
}

public sealed class MaxItemsValidator<T, TItem>(int max) : PropertyValidator<T, IReadOnlyList<TItem>?>, IMaxItemsRule
{
    public override string Name => "MaxItemsValidator";
    public int Max => max;
    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<TItem>? value) => value is null || value.Count <= max;
    protected override string GetDefaultMessageTemplate(string errorCode) => $"{{PropertyName}} can list at most {max} entries.";
}

public sealed class OneOfValidator<T>(IReadOnlyList<string> values) : PropertyValidator<T, string?>, IOneOfRule
{
    public override string Name => "OneOfValidator";
    public IReadOnlyList<string> Values => values;
    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || values.Contains(value, StringComparer.Ordinal);
    protected override string GetDefaultMessageTemplate(string errorCode) => $"{{PropertyName}} must be one of {string.Join(", ", values)}.";
}

public sealed class EachOneOfValidator<T>(Type enumType) : PropertyValidator<T, IReadOnlyList<string>?>, IOneOfRule
{
    private readonly IReadOnlyList<string> values = [.. EnumNames.All(enumType)];

    public override string Name => "EachOneOfValidator";
    public IReadOnlyList<string> Values => values;
    public Type? EnumType => enumType;

    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<string>? entries) =>
        entries is null || entries.SelectMany(entry => (entry ?? "").Split(',', StringSplitOptions.TrimEntries)).All(value => values.Contains(value, StringComparer.Ordinal));

    protected override string GetDefaultMessageTemplate(string errorCode) => $"{{PropertyName}} must name values of {string.Join(", ", values)}.";
}

public sealed class EachMaxLengthValidator<T>(int max) : PropertyValidator<T, IReadOnlyList<string?>?>, IEachMaxLengthRule
{
    public override string Name => "EachMaxLengthValidator";
    public int MaxLength => max;
    public override bool IsValid(ValidationContext<T> context, IReadOnlyList<string?>? entries) => entries is null || entries.All(entry => entry is null || entry.Length <= max);
    protected override string GetDefaultMessageTemplate(string errorCode) => $"each entry of {{PropertyPath}} must be at most {max} characters.";
}
