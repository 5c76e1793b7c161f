using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ProjectTracker.Api.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: pt_…</c> or <c>Authorization: Bearer pt_…</c>. A request without a key is anonymous
/// (the policies decide whether that is enough); a key that is malformed, unknown or revoked fails with 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Where a refused key leaves its reason, for the 401 answer (and so that anonymous reads do not hide a bad key).</summary>
    internal const string FailureItem = "ProjectTracker.ApiKeyFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken(Request) is not { } token) return AuthenticateResult.NoResult();

        var key = await verifier.VerifyAsync(token, Context.RequestAborted);
        if (key is null)
        {
            const string Reason = "The API key is not valid or has been revoked.";
            Context.Items[FailureItem] = Reason;
            return AuthenticateResult.Fail(Reason);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role.ToString()),
        };
        claims.AddRange(key.PlaceCodes.Select(code => new Claim(Actor.PlaceClaim, code)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static string? ReadToken(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var apiKey) && apiKey.Count > 0)
        {
            return apiKey.ToString().Trim();
        }
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }
}

/// <summary>
/// Checks presented keys against their stored hashes. A verified key is remembered for
/// <see cref="AuthOptions.KeyCacheSeconds"/> so that reads cost no extra database round trip; revoking a key
/// through this instance forgets it at once, other instances within that time.
/// </summary>
public sealed class ApiKeyVerifier(ApiKeyRepository keys, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public sealed record VerifiedKey(long Id, string Name, ApiRole Role, string[] PlaceCodes);

    public async Task<VerifiedKey?> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryGetLookup(token, out var lookup)) return null;

        var cacheKey = CacheKey(lookup);
        if (!cache.TryGetValue(cacheKey, out ApiKeyRepository.StoredKey? stored))
        {
            stored = await keys.FindAsync(lookup, cancellationToken);
            cache.Set(cacheKey, stored, TimeSpan.FromSeconds(Math.Max(0, options.Value.KeyCacheSeconds)));
        }
        if (stored is null || stored.RevokedAt is not null || !ApiKeyToken.Matches(token, stored.Hash, options.Value.KeyPepper)) return null;
        return new VerifiedKey(stored.Id, stored.Name, stored.Role, stored.PlaceCodes);
    }

    internal static string CacheKey(string lookup) => "api-key:" + lookup;
}
