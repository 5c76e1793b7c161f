using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Api.Auth;

/// <summary>The authorization policies: reading (every endpoint, unless it says otherwise), editing, administering.</summary>
public static class Policies
{
    public const string Read = "read";
    public const string Edit = "edit";
    public const string Admin = "admin";

    /// <summary>A request that presented a valid key of any role (never anonymous reading).</summary>
    public const string Key = "key";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, policy => policy.AddRequirements(new MinimumRoleRequirement(ApiRole.Viewer)));
        options.AddPolicy(Edit, policy => policy.AddRequirements(new MinimumRoleRequirement(ApiRole.Editor)));
        options.AddPolicy(Admin, policy => policy.AddRequirements(new MinimumRoleRequirement(ApiRole.Admin)));
        options.AddPolicy(Key, policy => policy.RequireAuthenticatedUser());
        // Endpoints that name no policy (the reads) need the read policy, so nothing is open by omission.
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}

/// <summary>The request's key has at least this role (admin ≥ editor ≥ viewer).</summary>
public sealed record MinimumRoleRequirement(ApiRole Minimum) : IAuthorizationRequirement;

/// <summary>
/// Grants a <see cref="MinimumRoleRequirement"/> to a key of that role or above; grants reading without a key when
/// <c>Auth:AnonymousRead</c> is on — unless the request presented a key that was refused, which stays a 401.
/// </summary>
public sealed class MinimumRoleHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<MinimumRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        var presentedBadKey = context.Resource is HttpContext http && http.Items.ContainsKey(ApiKeyAuthenticationHandler.FailureItem);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (RoleOf(context.User) >= requirement.Minimum) context.Succeed(requirement);
        }
        else if (requirement.Minimum == ApiRole.Viewer && options.CurrentValue.AnonymousRead && !presentedBadKey)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    internal static ApiRole? RoleOf(System.Security.Claims.ClaimsPrincipal user) =>
        Enum.TryParse<ApiRole>(user.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value, out var role) ? role : null;
}
