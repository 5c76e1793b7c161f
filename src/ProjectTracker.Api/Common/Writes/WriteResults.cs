using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Common.Http;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Common.Writes;

/// <summary>The one mapping from a write's outcome to its HTTP answer: the success as the action says, every refusal as problem details.</summary>
public static class WriteResults
{
    private const string ProblemJson = "application/problem+json";

    public static IActionResult Respond<T>(this ControllerBase controller, WriteOutcome<T> outcome, Func<T, IActionResult> saved)
    {
        switch (outcome)
        {
            case WriteOutcome<T>.Saved(var value):
                return saved(value);
            case WriteOutcome<T>.Deleted:
                return controller.NoContent();
            case WriteOutcome<T>.NotFound(var detail, null):
                return controller.Problem(statusCode: StatusCodes.Status404NotFound, detail: detail);
            case WriteOutcome<T>.NotFound(var detail, { } field):
                return ValidationProblems.Result(controller.HttpContext, new Dictionary<string, string[]> { [field] = [detail] });
            case WriteOutcome<T>.Stale(var what, var current):
                controller.Response.Headers.ETag = ETags.For(current);
                return controller.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                    detail: $"The {what} changed since you read it (now version {current}); read it again and reapply your change.");
            case WriteOutcome<T>.Refused(var rule, var detail):
                return Conflict(controller, detail, rule);
            case WriteOutcome<T>.Invalid(var field, var message):
                return ValidationProblems.Result(controller.HttpContext, new Dictionary<string, string[]> { [field] = [message] });
            case WriteOutcome<T>.Duplicate(var existingId, var path, var detail, var at):
                var link = new Dictionary<string, object?> { ["existingId"] = existingId, ["existing"] = path };
                if (at is not null) link["pointer"] = at;
                return Conflict(controller, detail, "duplicate-name", link);
            case WriteOutcome<T>.Forbidden(var detail):
                return controller.Problem(statusCode: StatusCodes.Status403Forbidden, detail: detail);
            default:
                throw new InvalidOperationException($"unknown outcome {outcome.GetType().Name}");
        }
    }

    private static ObjectResult Conflict(ControllerBase controller, string detail, string rule, Dictionary<string, object?>? extensions = null)
    {
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, StatusCodes.Status409Conflict, detail: detail);
        problem.Extensions["rule"] = rule;
        foreach (var (name, value) in extensions ?? []) problem.Extensions[name] = value;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status409Conflict, ContentTypes = { ProblemJson } };
    }
}
