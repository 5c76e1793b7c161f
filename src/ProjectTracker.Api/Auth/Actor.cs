using System.Security.Claims;
using ProjectTracker.Api.Common.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Auth;

/// <summary>
/// Who is writing — the API key of the request, or a maintenance command — as the audit trail and the
/// project history record it, and where it may write. Actions take it as a parameter (bound from the
/// authenticated user, never from the request body).
/// </summary>
[ActorBinding]
public sealed record Actor(long? KeyId, string Name, ApiRole Role, IReadOnlyList<string> PlaceCodes, string? RequestId)
{
    public const string PlaceClaim = "place";

    /// <summary>A maintenance command (seed, generate, create-key) run on the server.</summary>
    public static Actor Command(string name) => new(null, name, ApiRole.Admin, [], null);

    /// <summary>Whether the actor may write projects of <paramref name="placeCode"/>: keys limited to districts reach those and the places within them.</summary>
    public bool Covers(string placeCode, ReferenceSnapshot reference) =>
        PlaceCodes.Count == 0 || PlaceCodes.Any(allowed => reference.IsWithin(placeCode, allowed));

    /// <summary>Why this key may not write <paramref name="what"/> of <paramref name="placeCode"/>, for a 403.</summary>
    public string ScopeRefusal(string what, string placeCode) =>
        $"This API key may only write {what} in {string.Join(", ", PlaceCodes)} (and the places within them); {placeCode} is outside them.";

    /// <summary>The key as its holder sees it, its places named.</summary>
    public CurrentApiKey Describe(ReferenceSnapshot reference) =>
        new(KeyId, Name, Role, [.. PlaceCodes.Select(code => reference.PlaceRef(code) ?? new NamedRef(code, code, null))]);

    public static Actor From(HttpContext context)
    {
        var user = context.User;
        return new Actor(
            ApiKeyClaims.KeyId(user),
            user.Identity?.Name ?? "anonymous",
            Enum.TryParse<ApiRole>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role) ? role : ApiRole.Viewer,
            user.FindAll(PlaceClaim).Select(claim => claim.Value).ToArray(),
            // The same id problem details carry as traceId, so an error a user reports can be found in the trail.
            System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier);
    }
}

/// <summary>Binds <see cref="Actor"/> parameters from the authenticated user; a special source, so Swagger shows no parameter.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ActorBindingAttribute : ModelBinderAttribute
{
    public ActorBindingAttribute() : base(typeof(ActorModelBinder)) => BindingSource = BindingSource.Special;
}

public sealed class ActorModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        bindingContext.Result = ModelBindingResult.Success(Actor.From(bindingContext.HttpContext));
        return Task.CompletedTask;
    }
}
