using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using ProjectTracker.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// Marks every operation as needing the API key (so Swagger UI's Authorize button sends it) and declares the
/// 401 it answers without one, the 403 of those that need more than reading, and the 429 of writes.
/// </summary>
internal sealed class SecurityRequirements : IOperationFilter
{
    public const string SchemeId = "ApiKey";

    public static void Define(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(SchemeId, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key (pt_…), created by an admin (POST /api/keys) or on the server (-- create-key). " +
                          "Reads need one unless Auth:AnonymousRead is true; writes need an editor key, deletions and keys an admin key.",
        });
        options.OperationFilter<SecurityRequirements>();
        options.OperationFilter<IdempotencyKeyHeader>();
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }];
        operation.Responses ??= [];
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        Add(operation, "401", "No API key, or one that is not valid or revoked.", problem);
        var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        if (policies.Any(policy => policy is Policies.Edit or Policies.Admin))
        {
            Add(operation, "403", "The key's role is too low, or the key may not write in this district.", problem);
        }
        var method = context.ApiDescription.HttpMethod;
        if (method is not ("GET" or "HEAD"))
        {
            Add(operation, "429", "Too many writes from this key; see Retry-After.", problem);
        }
    }

    internal static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
