using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ProjectTracker.Api.Auth;

public static class AuthServices
{
    /// <summary>API-key authentication, the role policies, and problem-details answers for 401 and 403.</summary>
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyRepository>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationHandler, MinimumRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// Without Auth:KeyPepper, keys are hashed with no server-side secret: production refuses to start (false), any other
    /// environment but Development warns.
    /// </summary>
    public static bool CheckPepper(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        if (!string.IsNullOrEmpty(options.KeyPepper) || app.Environment.IsDevelopment()) return true;
        if (app.Environment.IsProduction())
        {
            app.Logger.LogCritical("Auth:KeyPepper is not set: refusing to start in production. Set it from a secret (Auth__KeyPepper; docker compose: PT_KEY_PEPPER).");
            return false;
        }
        app.Logger.LogWarning("Auth:KeyPepper is not set: API keys are hashed without a server-side secret. Set it (e.g. Auth__KeyPepper) in production.");
        return true;
    }
}
