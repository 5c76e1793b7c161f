using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Errors;

namespace ProjectTracker.Api.Auth;

/// <summary>
/// Answers refused requests with problem details that say why: 401 when there is no (valid) key, 403 when the key's
/// role is too low.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        int status;
        string detail;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            status = StatusCodes.Status401Unauthorized;
            detail = context.Items.TryGetValue(ApiKeyAuthenticationHandler.FailureItem, out var reason) && reason is string text
                ? text
                : $"An API key is required: send it as {ApiKeyAuthenticationHandler.HeaderName} or Authorization: Bearer.";
            context.Response.Headers[HeaderNames.WWWAuthenticate] = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\", Bearer";
        }
        else
        {
            status = StatusCodes.Status403Forbidden;
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<MinimumRoleRequirement>().Select(r => r.Minimum).DefaultIfEmpty(ApiRole.Admin).Max();
            var role = MinimumRoleHandler.RoleOf(context.User);
            detail = $"This API key's role ({(role is { } r ? EnumNames.Of(r) : "none")}) may not do this: it needs the {EnumNames.Of(needed!.Value)} role.";
        }

        context.Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = ReasonPhrases.For(status), Detail = detail },
        });
    }
}
