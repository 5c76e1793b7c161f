using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// A query parameter bound from a query object states its validator's rules (required, limits, allowed values),
/// and no parameter is "nullable": a query string has no null, only a value or none.
/// </summary>
internal sealed class ParameterRules(ValidatorRules validators) : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (parameter is not OpenApiParameter concrete) return;
        concrete.Schema = ExactSchemas.Nullability(concrete.Schema!, nullable: false);
        if (concrete.Schema is OpenApiSchema { Items: { } items } array) array.Items = ExactSchemas.Nullability(items, nullable: false);

        // A route's id is a record number: 1 and up.
        if (concrete.In == ParameterLocation.Path && concrete.Schema is OpenApiSchema { Type: JsonSchemaType.Integer } id) id.Minimum ??= "1";
        if (concrete.Schema is OpenApiSchema bounded) ExactSchemas.BoundByFormat(bounded);

        var metadata = context.ApiParameterDescription.ModelMetadata;
        if (metadata?.ContainerType is not { } container || metadata.PropertyName is not { } property) return;
        if (validators.For(container)?.GetValueOrDefault(JsonNamingPolicy.CamelCase.ConvertName(property)) is not { } rules) return;

        if (rules.Required) concrete.Required = true;
        if (concrete.Schema is OpenApiSchema schema)
        {
            rules.ApplyTo(schema, type => context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository));
            ExactSchemas.BoundByFormat(schema);
        }
    }
}
