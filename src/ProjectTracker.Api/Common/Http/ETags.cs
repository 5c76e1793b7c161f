using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ProjectTracker.Api.Common.Http;

/// <summary>Row versions as strong ETags (<c>"3"</c>) and the If-Match / If-None-Match preconditions on them.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>What an If-Match header asks for.</summary>
    public enum Precondition
    {
        /// <summary>No If-Match header.</summary>
        Missing,
        /// <summary><c>If-Match: *</c> — any current version.</summary>
        Any,
        /// <summary>One version.</summary>
        Version,
        /// <summary>Not a version this API issued.</summary>
        Malformed,
    }

    public static (Precondition Kind, int? Version) ReadIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        // An empty If-Match states no precondition (some generated clients cannot leave a required header out).
        if (values.All(string.IsNullOrWhiteSpace)) return (Precondition.Missing, null);
        if (!EntityTagHeaderValue.TryParseList(values, out var tags) || tags.Count != 1) return (Precondition.Malformed, null);
        var tag = tags[0];
        if (tag.Equals(EntityTagHeaderValue.Any)) return (Precondition.Any, null);
        if (tag.IsWeak) return (Precondition.Malformed, null);
        return int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (Precondition.Version, version)
            : (Precondition.Malformed, null);
    }

    /// <summary>
    /// The version an If-Match header pins (null for <c>*</c> or, when not <paramref name="required"/>, for none),
    /// or the problem to answer instead: 428 when it is required and missing, 400 when it is not one of our ETags.
    /// </summary>
    public static (int? Version, IActionResult? Problem) ExpectedVersion(ControllerBase controller, bool required)
    {
        var (kind, version) = ReadIfMatch(controller.Request);
        return kind switch
        {
            Precondition.Missing when required => (null, controller.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                detail: "If-Match is required: send the ETag of the version you read.")),
            Precondition.Malformed => (null, controller.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: "If-Match must be one ETag issued by this API, e.g. \"3\", or *.")),
            _ => (version, null),
        };
    }

    /// <summary>Whether If-None-Match already names this version (so a 304 will do).</summary>
    public static bool NoneMatchHits(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
}
