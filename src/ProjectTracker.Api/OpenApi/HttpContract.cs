using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using ProjectTracker.Api.Common.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// Declares the HTTP conventions every endpoint shares, read from what each action declares, so no action repeats them:
/// <list type="bullet">
/// <item>a body is required wherever an action takes one (the API answers 400 without it);</item>
/// <item><c>If-Match</c> where a 412 is possible (required where a 428 is), <c>If-None-Match</c> where a 304 is;</item>
/// <item>the response headers: <c>ETag</c> on answers carrying a versioned record or a conditional answer, <c>Location</c> on
/// 201 and 202, <c>Idempotent-Replayed</c> on a POST's success, <c>Retry-After</c> on 429 and 503;</item>
/// <item>every problem answer's body as problem details, and a 400 wherever a request has anything to get wrong.</item>
/// </list>
/// </summary>
internal sealed class HttpContract : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        operation.Parameters ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        var takesInput = context.ApiDescription.ParameterDescriptions.Any(parameter =>
            parameter.Source == BindingSource.Body || parameter.Source == BindingSource.Query || parameter.Source == BindingSource.Form);

        // An operation's summary is its description unless its remarks say more.
        operation.Description ??= operation.Summary;
        if (operation.RequestBody is OpenApiRequestBody body) body.Required = true;
        // A malformed If-Match is a 400 too (ETags.ExpectedVersion).
        takesInput |= operation.Responses.ContainsKey("412");
        if (takesInput && !operation.Responses.ContainsKey("400"))
        {
            SecurityRequirements.Add(operation, "400", "A parameter or field is invalid; errors name it.",
                context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository));
        }

        var has = (string status) => operation.Responses.ContainsKey(status);
        if (has("412"))
        {
            AddHeaderParameter(operation, "If-Match", required: has("428"),
                "The ETag of the version read (\"3\"), or * for any; the write is refused with 412 when the record changed since." +
                (has("428") ? " Required: without it the answer is 428." : " Optional: without it the write applies to the current version."));
        }
        if (has("304"))
        {
            AddHeaderParameter(operation, "If-None-Match", required: false,
                "The ETag of an earlier answer: when nothing changed, the answer is 304 without a body.");
        }

        var versioned = has("304") || has("412") || SuccessType(context)?.GetProperty("Version") is not null;
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete) continue;
            var code = int.TryParse(status, out var parsed) ? parsed : 0;
            if (code is >= 400 and < 600) UseProblemDetails(concrete, problem);
            if (versioned && (code is 200 or 201 or 304))
                AddHeader(concrete, "ETag", "The version of what was answered; send it back as If-Match to write, or If-None-Match to read again cheaply.");
            if (code is 201 or 202) AddHeader(concrete, "Location", "The absolute URL of what was created (202: where to follow its progress).", "uri");
            if (code is >= 200 and < 300 && context.ApiDescription.HttpMethod == "POST")
                AddHeader(concrete, IdempotencyFilter.ReplayedHeader, "true when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was written again).");
            if (code is 429 or 503) AddHeader(concrete, "Retry-After", "Seconds to wait before retrying.", type: JsonSchemaType.Integer);
        }
    }

    private static Type? SuccessType(OperationFilterContext context) =>
        context.ApiDescription.SupportedResponseTypes.FirstOrDefault(response => response.StatusCode is >= 200 and < 300)?.Type;

    private static void AddHeaderParameter(OpenApiOperation operation, string name, bool required, string description)
    {
        if (operation.Parameters!.Any(parameter => parameter.Name == name)) return;
        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
        });
    }

    private static void AddHeader(OpenApiResponse response, string name, string description, string? format = null, JsonSchemaType type = JsonSchemaType.String)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader
        {
            Description = description,
            Schema = type == JsonSchemaType.String
                ? new OpenApiSchema { Type = type, Format = format, MaxLength = 2048 }
                : new OpenApiSchema { Type = type, Format = "int32", Minimum = "0", Maximum = "86400" },
        };
    }

    /// <summary>Every 4xx and 5xx answer is problem details, as application/problem+json only.</summary>
    private static void UseProblemDetails(OpenApiResponse response, IOpenApiSchema problem)
    {
        var schema = response.Content?.Values.FirstOrDefault()?.Schema ?? problem;
        response.Content = new Dictionary<string, IOpenApiMediaType> { [ProblemJson] = new OpenApiMediaType { Schema = schema } };
    }
}
