using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using ProjectTracker.Api.Common.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>Declares the Idempotency-Key header every POST accepts (<see cref="IdempotencyFilter"/>), and its 422.</summary>
internal sealed class IdempotencyKeyHeader : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "POST") return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyFilter.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Any unique value (e.g. a UUID): a retry with the same key and request returns the first answer " +
                          "(marked Idempotent-Replayed) without writing again; the same key with another request is a 422. Kept for Idempotency:Retention.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
        operation.Responses ??= [];
        SecurityRequirements.Add(operation, "422", "The Idempotency-Key was used before with a different request.",
            context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository));
    }
}
