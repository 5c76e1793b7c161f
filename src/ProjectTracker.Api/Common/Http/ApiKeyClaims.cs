using System.Globalization;
using System.Security.Claims;

namespace ProjectTracker.Api.Common.Http;

/// <summary>What the API-key authentication puts on a request's user that plumbing below the features reads.</summary>
public static class ApiKeyClaims
{
    /// <summary>The id of the API key that authenticated the request; null without one.</summary>
    public static long? KeyId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? long.Parse(id, CultureInfo.InvariantCulture) : null;
}
