using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using ProjectTracker.Api.Common.Csv;
using ProjectTracker.Api.Common.Errors;
using ProjectTracker.Api.Common.Idempotency;
using ProjectTracker.Api.Common.RateLimiting;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Common;

public static class ApiServices
{
    /// <summary>Controllers, JSON conventions, validation, problem details, idempotent POSTs and write rate limits: the shape every endpoint shares.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Every problem has type, title, status, detail, instance and traceId, whoever wrote it (a controller, the
        // validation filter, authentication, the rate limiter, the status-code pages, the exception handler).
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Status ??= context.HttpContext.Response.StatusCode;
            problem.Title ??= ReasonPhrases.For(problem.Status.Value);
            problem.Type ??= ReasonPhrases.TypeFor(problem.Status.Value);
            problem.Detail ??= ReasonPhrases.DetailFor(problem.Status.Value);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        services.AddHostedService<IdempotencyCleanup>();
        services.AddWriteRateLimiting(configuration);

        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddControllers(options =>
            {
                options.Filters.Add<ValidationFilter>();
                options.Filters.Add<IdempotencyFilter>();
                options.ModelBinderProviders.Insert(0, new SnakeCaseEnumBinderProvider());
                // The API speaks JSON (and problem+json); advertising text/plain and text/json only confuses clients.
                options.OutputFormatters.RemoveType<StringOutputFormatter>();
                options.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single().SupportedMediaTypes.Remove("text/json");
                options.OutputFormatters.Add(new CsvOutputFormatter());
                // Every action can fail in these ways; declaring them once keeps Swagger truthful.
                options.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status500InternalServerError, "application/problem+json"));
                options.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemDetails), StatusCodes.Status503ServiceUnavailable, "application/problem+json"));
                options.ModelBindingMessageProvider.SetMissingRequestBodyRequiredValueAccessor(() => "A request body is required.");
                options.ModelMetadataDetailsProviders.Add(new ExpectedValueMessages());
            })
            .AddJsonOptions(options => Configure(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ValidationProblems.FromModelState);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        return services;
    }

    /// <summary>The API's JSON settings, for what is written outside a response (audit records, stored phases, examples).</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }

    /// <summary>JSON as the API speaks it: camelCase, enums exactly as documented, Chinese unescaped, unknown fields refused.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new ExactEnumConverter());
        // Responses are JSON documents, never inlined into HTML, so only what JSON itself requires is escaped.
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.MaxDepth = 32;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
