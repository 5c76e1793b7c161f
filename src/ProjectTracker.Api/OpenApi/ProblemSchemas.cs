using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// Problem details as the API writes them (RFC 9457): type, title, status, detail, instance and traceId are always
/// there (AddApi fills what an answer leaves out); rule names the business rule a 409 refused by, when one did.
/// </summary>
internal sealed class ProblemSchemas : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.Type) || schema is not OpenApiSchema concrete) return;

        concrete.Properties ??= new Dictionary<string, IOpenApiSchema>();
        concrete.Properties["type"] = Text("A URI naming the kind of problem.", "uri-reference");
        concrete.Properties["title"] = Text("The kind of problem, in words (the status's reason phrase).");
        concrete.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status." };
        concrete.Properties["detail"] = Text("What went wrong in this request, and what to do.");
        concrete.Properties["instance"] = Text("The request's path.");
        concrete.Properties["traceId"] = Text("The request's id, as in the server log and the audit trail.");
        concrete.Properties["rule"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String, MaxLength = 100,
            Description = "For a 409 refused by a rule: which (status-transition, duplicate-name, duplicate-project-code, …).",
        };
        concrete.Required = new HashSet<string>(["type", "title", "status", "detail", "instance", "traceId"]);
        if (concrete.Properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema errorMap)
        {
            errorMap.Description = "The invalid fields (JSON paths such as projects[2].amount, or query parameter names), each with what is wrong.";
            errorMap.MaxProperties = 1000;
            concrete.Required.Add("errors");
        }
        // Other members (existingId, existing, allowed …) belong to particular answers and are described there.
        concrete.AdditionalPropertiesAllowed = true;
        concrete.AdditionalProperties = null;
    }

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, MaxLength = 4000, Description = description };
}
