using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddSwagger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ProjectTracker API",
                Version = "v1",
                Description = "Investment projects attracted by Chinese cities (招商引资): signings (签约), starts (开工) and completions, " +
                              "with reference data, dashboards and an audit trail. Errors are RFC 9457 problem details. " +
                              "How to authenticate, page, write safely and generate a client: the README's integration guide.",
                // Who answers integrators' questions and on what terms is the deployment's to say (OpenApi:Contact, OpenApi:License).
                Contact = new OpenApiContact
                {
                    Name = configuration["OpenApi:Contact:Name"],
                    Email = configuration["OpenApi:Contact:Email"],
                    Url = configuration["OpenApi:Contact:Url"] is { Length: > 0 } contactUrl ? new Uri(contactUrl) : null,
                },
                License = new OpenApiLicense
                {
                    Name = configuration["OpenApi:License:Name"],
                    Url = configuration["OpenApi:License:Url"] is { Length: > 0 } licenseUrl ? new Uri(licenseUrl) : null,
                },
            });
            // Each operation's id is its route name ([HttpGet(Name = "getProject")]): stable, and the method name clients get.
            options.CustomOperationIds(api => api.ActionDescriptor.AttributeRouteInfo?.Name
                ?? throw new InvalidOperationException($"{api.ActionDescriptor.DisplayName} has no route name; give it Name = \"verbNoun\"."));
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Api.xml"), includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.EnableAnnotations();
            options.OperationFilter<CamelCaseQueryParameters>();
            options.OperationFilter<ResponseExamples>();
            SecurityRequirements.Define(options);
            options.OperationFilter<HttpContract>();
            options.SchemaFilter<ExactSchemas>();
            options.SchemaFilter<EnumMemberNames>();
            options.SchemaFilter<ProblemSchemas>();
            options.ParameterFilter<ParameterRules>();
            options.MapType<PartialDate>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                Description = "A date as precisely as known: yyyy-MM-dd, yyyy-MM or yyyy (never an invented day).",
                Examples = [JsonValue.Create("2023-01-31")],
            });
        });
        services.AddSingleton<ValidatorRules>();
        return services;
    }

    /// <summary>
    /// OpenAPI 3.1: nullable references are then plain JSON Schema (<c>oneOf: [$ref, {type: null}]</c>), which NSwag, Kiota and
    /// openapi-typescript all read, and descriptions next to a reference survive; the README's integration guide says more.
    /// </summary>
    public const OpenApiSpecVersion Version = OpenApiSpecVersion.OpenApi3_1;

    /// <summary>Where clients send requests: <c>OpenApi:ServerUrl</c> when set, else the address the document was fetched from.</summary>
    private static void SetServers(OpenApiDocument document, HttpRequest request, IConfiguration configuration, IHostEnvironment environment) =>
        document.Servers = [Server(configuration["OpenApi:ServerUrl"] ?? $"{request.Scheme}://{request.Host}{request.PathBase}", environment.EnvironmentName)];

    /// <summary>The server entry: its URL, and which environment it is (integrators should know when they talk to production).</summary>
    public static OpenApiServer Server(string url, string environment) => new()
    {
        Url = url,
        Description = $"ProjectTracker API ({environment.ToLowerInvariant()})",
        // The API is for integrators outside the team that runs it; nothing in it is internal.
        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
    };

    /// <summary>Swagger UI at /swagger and the document at /swagger/v1/swagger.json, unless <c>Swagger:Enabled</c> is false.</summary>
    public static WebApplication UseSwaggerWhenEnabled(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Swagger:Enabled", true)) return app;
        // Only requests under /swagger go through Swashbuckle's middleware, which otherwise matches every
        // API request's path against its own (a regular expression per request).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger(options =>
            {
                options.OpenApiVersion = Version;
                options.PreSerializeFilters.Add((document, request) => SetServers(document, request, app.Configuration, app.Environment));
            });
            swagger.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/swagger/v1/swagger.json", "ProjectTracker API v1");
                options.DocumentTitle = "ProjectTracker API";
                // Keeps the key entered under Authorize across page reloads.
                options.EnablePersistAuthorization();
            });
        });
        return app;
    }
}
