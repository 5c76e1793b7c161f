using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// Makes each of the API's own schemas say exactly what goes over the wire:
/// <list type="bullet">
/// <item>a request (a type a validator checks) requires what its validator requires and carries its limits;</item>
/// <item>a response requires every member, because the API writes every member, null or not;</item>
/// <item>a member is nullable exactly when its C# type is and no rule requires it — including members whose schema is a
/// reference (an enum, another object), which Swashbuckle cannot mark nullable itself: they become
/// <c>oneOf: [$ref, {type: null}]</c>, the 3.1 form every generator we test reads.</item>
/// </list>
/// </summary>
internal sealed class ExactSchemas(ValidatorRules validators) : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete) return;
        if (context.Type.Assembly != typeof(ExactSchemas).Assembly) return;

        var rules = validators.For(context.Type);
        concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties!.TryGetValue(name, out var current)) continue;

            var memberRules = rules?.GetValueOrDefault(name);
            var required = rules is null || memberRules is { Required: true };
            if (required) concrete.Required.Add(name);

            var nullable = IsNullable(property) && memberRules is not { Required: true };
            concrete.Properties[name] = Nullability(current, nullable);
            if (concrete.Properties[name] is OpenApiSchema propertySchema && memberRules is not null)
            {
                memberRules.ApplyTo(propertySchema, type => context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository));
                BoundByFormat(propertySchema);
            }
        }
    }

    private bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.Nullable);

    /// <summary>An integer no rule bounds is still bounded by its format (what binding accepts): int32 or int64.</summary>
    internal static void BoundByFormat(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.Integer)) return;
        var (min, max) = schema.Format == "int32" ? (int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture)) : (long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture));
        if (schema.Minimum is null && schema.ExclusiveMinimum is null) schema.Minimum = min;
        if (schema.Maximum is null && schema.ExclusiveMaximum is null) schema.Maximum = max;
    }

    internal static IOpenApiSchema Nullability(IOpenApiSchema schema, bool nullable)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema
                {
                    Description = reference.Description,
                    OneOf = [new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument), new OpenApiSchema { Type = JsonSchemaType.Null }],
                };
            case OpenApiSchema { Type: { } type } concrete:
                concrete.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                return concrete;
            default:
                return schema;
        }
    }
}
