namespace ProjectTracker.Api.Hosting;

/// <summary>The <c>Cors</c> section: which browser origins may call the API (none unless listed).</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    /// <summary>e.g. ["https://dashboard.example.gov.cn"]. Empty: no cross-origin browser calls at all.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public static class HttpHardening
{
    /// <summary>CORS closed by default; open only to the configured origins, with the headers clients need to read.</summary>
    public static IServiceCollection AddCorsFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsOptions.Section).Get<CorsOptions>()?.AllowedOrigins ?? [];
        services.AddCors(options =>
        {
            if (origins.Length == 0) return;
            options.AddDefaultPolicy(policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("X-Api-Key", "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key")
                .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed"));
        });
        return services;
    }

    /// <summary>
    /// The web app's policy: its own scripts, styles and images only (no inline script or style, nothing from another
    /// origin: it runs on an intranet), calls to its own API, no framing, no plugins.
    /// </summary>
    public const string WebAppPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Headers that keep browsers from misusing API answers: no content sniffing, no framing, no referrer, and a
    /// content security policy: nothing at all for API answers, the app's own files for the web app (Swagger UI sets none: it needs its inline scripts).
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            var path = context.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }
            else if (!path.StartsWithSegments("/swagger"))
            {
                headers.ContentSecurityPolicy = WebAppPolicy;
            }
            return next(context);
        });
        return app;
    }
}
