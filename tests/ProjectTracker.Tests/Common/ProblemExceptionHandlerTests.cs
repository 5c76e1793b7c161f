using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Npgsql;
using ProjectTracker.Api.Common.Errors;

namespace ProjectTracker.Tests.Common;

public sealed class ProblemExceptionHandlerTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new NpgsqlException("Failed to connect to 127.0.0.1:5433", new SocketException((int)SocketError.ConnectionRefused)), 503 },
        { new NpgsqlException("Exception while reading from stream", new IOException("broken pipe")), 503 },
        { new TimeoutException("pool exhausted"), 503 },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), 503 },
        { new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled), 503 },
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), 409 },
        { new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure), 409 },
        { new PostgresException("numeric field overflow", "ERROR", "ERROR", PostgresErrorCodes.NumericValueOutOfRange), 400 },
        { new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError), 500 },
        { new BadHttpRequestException("Request body too large.", 413), 413 },
        { new InvalidOperationException("bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachFailureGetsTheStatusItsCauseCallsFor(Exception exception, int status)
    {
        var problem = ProblemExceptionHandler.Describe(exception);

        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Detail));
        Assert.DoesNotContain("at ", problem.Detail!.Split(' ').Take(1));
    }
}
