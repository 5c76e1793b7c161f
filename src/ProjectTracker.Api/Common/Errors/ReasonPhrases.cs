namespace ProjectTracker.Api.Common.Errors;

/// <summary>What a problem says when its writer said nothing more: the status's name, its defining RFC section, a sentence.</summary>
internal static class ReasonPhrases
{
    public static string For(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    /// <summary>The RFC section defining the status (as ASP.NET Core links the common ones), so <c>type</c> is never empty.</summary>
    public static string TypeFor(int status) => status switch
    {
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };

    public static string DetailFor(int status) => status switch
    {
        401 => "An API key is required: send it as X-Api-Key or Authorization: Bearer.",
        403 => "This API key may not do this.",
        404 => "There is nothing at this address.",
        405 => "This address does not take this method; the OpenAPI document at /swagger/v1/swagger.json lists what it takes.",
        406 => "The API answers application/json (and text/csv where an operation says so).",
        413 => "The request body is larger than the API accepts.",
        415 => "Send the body as application/json (or multipart/form-data where an operation says so).",
        428 => "This write needs If-Match: send the ETag of the version you read.",
        429 => "Too many requests; wait as Retry-After says, then retry.",
        _ => For(status) + ".",
    };
}
