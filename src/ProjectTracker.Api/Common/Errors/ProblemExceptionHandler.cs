using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace ProjectTracker.Api.Common.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into RFC 9457 problem details. Database
/// outages are 503 (with Retry-After) so clients retry; only real bugs are 500.
/// </summary>
public sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read an answer.
            return true;
        }

        var problem = Describe(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}: {Title}", problem.Status, problem.Title);
        }
        else
        {
            logger.LogInformation("Request refused with {Status}: {Detail}", problem.Status, problem.Detail);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }
        if (problem.Status == StatusCodes.Status500InternalServerError && environment.IsDevelopment())
        {
            problem.Extensions["exception"] = exception.ToString();
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.Message),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e => Problem(StatusCodes.Status409Conflict,
            $"A record with the same unique value already exists ({e.ConstraintName}).", e.ConstraintName switch
            {
                "projects_project_code" => "duplicate-project-code",
                _ => $"unique:{e.ConstraintName}",
            }),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } e => Problem(StatusCodes.Status409Conflict,
            $"The record refers to, or is referred to by, another record ({e.ConstraintName})."),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => Problem(
            StatusCodes.Status409Conflict, "The record was changed by a concurrent request; read it again and retry."),
        // A statement past its pool's time limit (Database): stopped by PostgreSQL, so nothing was half done.
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } => Problem(StatusCodes.Status503ServiceUnavailable,
            "The request's query ran past its time limit and was stopped. Retry shortly; for a list or a dashboard, narrower filters answer faster."),
        PostgresException e when e.SqlState.StartsWith("22", StringComparison.Ordinal) => Problem(StatusCodes.Status400BadRequest,
            "A value in the request is out of range or malformed."),
        PostgresException { IsTransient: false } => Problem(StatusCodes.Status500InternalServerError,
            "An unexpected error occurred. It has been logged."),
        NpgsqlException e when e.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal) => Problem(
            StatusCodes.Status503ServiceUnavailable, "The API is busy: no database connection came free in time. Retry shortly."),
        // What remains is the database being unreachable, restarting or overloaded.
        NpgsqlException or TimeoutException => Problem(StatusCodes.Status503ServiceUnavailable,
            "The database is unavailable; retry shortly."),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred. It has been logged."),
    };

    private static ProblemDetails Problem(int status, string detail, string? rule = null)
    {
        var problem = new ProblemDetails { Status = status, Title = ReasonPhrases.For(status), Detail = detail };
        // A 409 names the rule that refused it, as the API's own refusals do (WriteResults).
        if (rule is not null) problem.Extensions["rule"] = rule;
        return problem;
    }
}
