namespace ProjectTracker.Api.Common.Errors;

internal static class ReasonPhrases
{
    public static string For(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
