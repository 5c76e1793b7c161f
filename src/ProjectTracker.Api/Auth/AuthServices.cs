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

    /// <summary>Warns when keys are hashed without a secret pepper outside Development.</summary>
    public static void WarnWithoutPepper(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        if (string.IsNullOrEmpty(options.KeyPepper) && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Auth:KeyPepper is not set: API keys are hashed without a server-side secret. Set it (e.g. Auth__KeyPepper) in production.");
        }
    }
}
