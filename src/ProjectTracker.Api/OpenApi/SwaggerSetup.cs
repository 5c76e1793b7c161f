using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "ProjectTracker API",
                Version = "v1",
                Description = "Investment projects attracted by Chinese cities (招商引资): signings (签约), starts (开工) and completions, " +
                              "with reference data, dashboards and an audit trail. Errors are RFC 9457 problem details.",
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "ProjectTracker.Api.xml"), includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.EnableAnnotations();
            options.OperationFilter<CamelCaseQueryParameters>();
            options.OperationFilter<ResponseExamples>();
            SecurityRequirements.Define(options);
            options.MapType<PartialDate>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                Description = "A date as precisely as known: yyyy-MM-dd, yyyy-MM or yyyy (never an invented day).",
                Examples = [JsonValue.Create("2023-01-31")],
            });
        });
        return services;
    }

    /// <summary>Swagger UI at /swagger and the document at /swagger/v1/swagger.json, unless <c>Swagger:Enabled</c> is false.</summary>
    public static WebApplication UseSwaggerWhenEnabled(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Swagger:Enabled", true)) return app;
        // Only requests under /swagger go through Swashbuckle's middleware, which otherwise matches every
        // API request's path against its own (a regular expression per request).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger();
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
