using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.OpenApi;

/// <summary>What the validators enforce on one member of a request or query, in the document's terms.</summary>
internal sealed record MemberRules
{
    public bool Required { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string? Pattern { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public decimal? ExclusiveMinimum { get; set; }
    public decimal? ExclusiveMaximum { get; set; }
    public int? MinItems { get; set; }
    public int? MaxItems { get; set; }
    public IReadOnlyList<string>? Values { get; set; }
    public Type? ValuesEnum { get; set; }

    /// <summary>What RuleForEach enforces on each entry of a list.</summary>
    public MemberRules? Items { get; set; }

    /// <summary>
    /// Writes these rules onto a property's or parameter's schema (a list's onto its items where they are about entries);
    /// values that are an enum's names refer to that enum's schema, made by <paramref name="schemaOf"/>.
    /// </summary>
    public void ApplyTo(OpenApiSchema schema, Func<Type, IOpenApiSchema> schemaOf)
    {
        var isArray = schema.Type is { } type && type.HasFlag(JsonSchemaType.Array);
        if (isArray)
        {
            schema.MinItems = MinItems ?? schema.MinItems;
            schema.MaxItems = MaxItems ?? schema.MaxItems;
            if (Values is not null) schema.Items = ValuesEnum is not null ? schemaOf(ValuesEnum) : new OpenApiSchema { Type = JsonSchemaType.String, Enum = Enum(Values) };
            if (Items is not null && schema.Items is OpenApiSchema items) Items.ApplyTo(items, schemaOf);
            return;
        }
        schema.MinLength = MinLength ?? schema.MinLength;
        schema.MaxLength = MaxLength ?? schema.MaxLength;
        schema.Pattern = Pattern ?? schema.Pattern;
        schema.Minimum = Number(Minimum) ?? schema.Minimum;
        schema.Maximum = Number(Maximum) ?? schema.Maximum;
        schema.ExclusiveMinimum = Number(ExclusiveMinimum) ?? schema.ExclusiveMinimum;
        schema.ExclusiveMaximum = Number(ExclusiveMaximum) ?? schema.ExclusiveMaximum;
        if (Values is not null) schema.Enum = Enum(Values);
    }

    private static List<JsonNode> Enum(IReadOnlyList<string> values) => [.. values.Select(value => (JsonNode)JsonValue.Create(value))];

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads the FluentValidation validators the API runs (<see cref="ValidationFilter"/>), so the document states their
/// rules — required members, lengths, ranges, patterns, list sizes, allowed values — from the rules themselves.
/// </summary>
internal sealed class ValidatorRules(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, MemberRules>?> cache = new();

    /// <summary>The rules by JSON member name, or null when nothing validates the type (then it is not a request).</summary>
    public IReadOnlyDictionary<string, MemberRules>? For(Type type) => cache.GetOrAdd(type, Read);

    private IReadOnlyDictionary<string, MemberRules>? Read(Type type)
    {
        var validators = new List<(IValidator Validator, bool Own)>();
        // A query's validator includes its base's (ProjectListQuery's includes ProjectFilter's), and an event's item is a
        // project whose fields are checked as a project's: read each base's rules, but only the type's own say what is required.
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (services.GetService(typeof(IValidator<>).MakeGenericType(current)) is IValidator validator) validators.Add((validator, current == type));
        }
        if (!validators.Any(validator => validator.Own)) return null;

        var members = new Dictionary<string, MemberRules>(StringComparer.Ordinal);
        foreach (var (descriptor, own) in validators.Select(validator => (validator.Validator.CreateDescriptor(), validator.Own)))
        {
            foreach (var memberName in descriptor.GetMembersWithValidators().Select(group => group.Key).Where(name => !string.IsNullOrEmpty(name)))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(memberName);
                var member = members.TryGetValue(name, out var found) ? found : members[name] = new MemberRules();
                foreach (var rule in descriptor.GetRulesForMember(memberName))
                {
                    var eachEntry = IsRuleForEach(rule);
                    var target = eachEntry ? member.Items ??= new MemberRules() : member;
                    foreach (var component in rule.Components)
                    {
                        var always = own && !eachEntry && !rule.HasCondition && !rule.HasAsyncCondition && !component.HasCondition && !component.HasAsyncCondition;
                        Describe(component.Validator, target, always);
                    }
                }
            }
        }
        return members;
    }

    private static void Describe(IPropertyValidator validator, MemberRules rules, bool always)
    {
        switch (validator)
        {
            case INotNullValidator:
                rules.Required |= always;
                break;
            case INotEmptyValidator when always:
                rules.Required = true;
                rules.MinLength = 1;
                rules.MinItems = 1;
                break;
            case ILengthValidator length:
                if (length.Min > 0) rules.MinLength = length.Min;
                if (length.Max >= 0) rules.MaxLength = length.Max;
                break;
            case IRegularExpressionValidator pattern:
                rules.Pattern = pattern.Expression;
                break;
            case IBetweenValidator between when validator.Name == "InclusiveBetweenValidator":
                rules.Minimum = Convert.ToDecimal(between.From, CultureInfo.InvariantCulture);
                rules.Maximum = Convert.ToDecimal(between.To, CultureInfo.InvariantCulture);
                break;
            case IComparisonValidator { ValueToCompare: IConvertible } comparison:
                var value = Convert.ToDecimal(comparison.ValueToCompare, CultureInfo.InvariantCulture);
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual: rules.Minimum = value; break;
                    case Comparison.GreaterThan: rules.ExclusiveMinimum = value; break;
                    case Comparison.LessThanOrEqual: rules.Maximum = value; break;
                    case Comparison.LessThan: rules.ExclusiveMaximum = value; break;
                }
                break;
            case IEachMaxLengthRule eachMaxLength:
                (rules.Items ??= new MemberRules()).MaxLength = eachMaxLength.MaxLength;
                break;
            case IMaxItemsRule maxItems:
                rules.MaxItems = maxItems.Max;
                break;
            case IOneOfRule oneOf:
                rules.Values = oneOf.Values;
                rules.ValuesEnum = oneOf.EnumType;
                break;
            case IAmountRule amount:
                rules.ExclusiveMinimum = amount.Above;
                rules.ExclusiveMaximum = amount.Below;
                break;
        }
    }

    private static bool IsRuleForEach(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
}
