using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProjectTracker.Api.Common;

namespace ProjectTracker.Api.Common.Validation;

/// <summary>400 answers naming the offending fields the way the client wrote them (JSON names, query names).</summary>
public static partial class ValidationProblems
{
    public static ObjectResult Result(HttpContext httpContext, IDictionary<string, string[]> errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages) modelState.AddModelError(field, message);
        }
        return FromModelState(httpContext, modelState);
    }

    /// <summary>The response for model-binding failures (malformed JSON, wrong types, unknown fields).</summary>
    public static IActionResult FromModelState(ActionContext context) => FromModelState(context.HttpContext, context.ModelState);

    private static ObjectResult FromModelState(HttpContext httpContext, ModelStateDictionary modelState)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var bodyIsMalformed = modelState.Keys.Any(key => key.StartsWith('$'));
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0) continue;
            // A malformed body also marks the whole parameter as missing; the JSON error says more.
            if (bodyIsMalformed && !key.StartsWith('$') && !key.Contains('.')) continue;

            foreach (var error in entry.Errors)
            {
                var message = error.ErrorMessage is { Length: > 0 } text ? text : error.Exception?.Message ?? "The value is not valid.";
                var (field, friendly) = Describe(key, message);
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, friendly] : [friendly];
            }
        }

        var factory = httpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(httpContext, new ModelStateDictionary(), StatusCodes.Status400BadRequest,
            detail: "The request has invalid fields; see errors.");
        foreach (var (field, messages) in errors) problem.Errors[field] = messages;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>Maps a model-state key and System.Text.Json message to a client field name and a message without .NET type names.</summary>
    internal static (string Field, string Message) Describe(string key, string message)
    {
        // Text that is not JSON at all: say where it breaks, not which field it might have been meant for.
        if (key.StartsWith('$') && !ConvertedTo().IsMatch(message) && Position().Match(message) is { Success: true } syntax)
        {
            var line = long.Parse(syntax.Groups["line"].Value, CultureInfo.InvariantCulture) + 1;
            var position = long.Parse(syntax.Groups["position"].Value, CultureInfo.InvariantCulture) + 1;
            var near = syntax.Groups["path"].Value is { Length: > 1 } path ? $", after {path}" : "";
            return ("body", $"The request body is not valid JSON: line {line}, byte {position}{near}.");
        }

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            // System.Text.Json puts the unknown property itself at the end of the path; older versions stop at its parent.
            var path = JsonPath(key);
            var name = unknown.Groups["name"].Value;
            var unknownField = path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : path.Length == 0 ? name : $"{path}.{name}";
            return (unknownField, $"'{name}' is not a known field.");
        }

        var field = JsonPath(key);
        if (field.Length == 0) field = "body";

        if (!key.StartsWith('$')) return (field, message);

        if (ConvertedTo().Match(message) is { Success: true } conversion)
        {
            return (field, $"The value is not valid: expected {Expected(conversion.Groups["type"].Value)}.");
        }
        return (field, "The request body is not valid JSON here.");
    }

    /// <summary><c>$.investment.amount</c>, <c>request.Investment.Amount</c> or <c>MinAmount</c> → <c>investment.amount</c>, <c>minAmount</c>.</summary>
    private static string JsonPath(string key)
    {
        var path = key.StartsWith('$') ? key.TrimStart('$').TrimStart('.') : key;
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('.', segments.Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));
    }

    private static string Expected(string clrType)
    {
        if (NullableOf().Match(clrType) is { Success: true } nullable) clrType = nullable.Groups["inner"].Value;
        var type = Type.GetType(clrType) ?? typeof(Program).Assembly.GetType(clrType);
        return type is not null ? Expected(type)
            : clrType.Contains("[]", StringComparison.Ordinal) || clrType.Contains("List", StringComparison.Ordinal) ? "an array" : "a value of another type";
    }

    /// <summary>What a value of this type is written as, the same words for a body field and a query parameter.</summary>
    internal static string Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return "one of " + EnumNames.List(underlying);
        }
        return underlying.Name switch
        {
            nameof(Decimal) or nameof(Double) or nameof(Single) => "a number",
            nameof(Int32) or nameof(Int64) or nameof(Int16) => "a whole number",
            nameof(DateOnly) => "a date as yyyy-MM-dd",
            "PartialDate" => "a date as yyyy, yyyy-MM or yyyy-MM-dd",
            nameof(DateTime) or nameof(DateTimeOffset) => "a date and time in ISO 8601",
            nameof(Boolean) => "true or false",
            nameof(Guid) => "a UUID",
            nameof(String) => "a string",
            _ when underlying.IsArray || underlying.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "an array",
            _ => "a value of another type",
        };
    }

    /// <summary>Where System.Text.Json's reader stopped: <c>Path: $.kind | LineNumber: 0 | BytePositionInLine: 27.</c></summary>
    [GeneratedRegex(@"Path: (?<path>\S*) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<position>\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"could not be converted to (?<type>[\w.`\[\], ]+?)\.( Path|$)")]
    private static partial Regex ConvertedTo();
}
