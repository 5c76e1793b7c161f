using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Http;

namespace ProjectTracker.Api.Dashboard;

/// <summary>
/// Cheap polling: a dashboard answer's ETag is the data version (moved by every write, inside the
/// writing transaction) plus the request. When nothing was committed since the client's copy, the
/// answer is 304 after one tiny query. The version is read before the data, so an answer is never
/// older than its ETag says: at worst a client gets a fresh 200 once more. Version and data come from the same
/// source (the replica, when there is one), so the ETag never runs ahead of the answer. An answer already computed
/// under the same ETag (by another client) is served again (<see cref="DashboardAnswers"/>).
/// </summary>
public sealed class DashboardCacheFilter(Database database, DashboardAnswers answers) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        await using (var connection = await database.QueryAsync(http.RequestAborted))
        {
            var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT sum(version)::bigint FROM data_version_shards", cancellationToken: http.RequestAborted));
            var etag = $"\"d{version}-{Fingerprint(http.Request)}\"";
            if (ETags.NoneMatchHits(http.Request, etag))
            {
                SetHeaders(http.Response, etag);
                context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
                return;
            }
            if (answers.TryGet(etag, out var answer))
            {
                SetHeaders(http.Response, etag);
                context.Result = new ObjectResult(answer) { DeclaredType = answer.GetType() };
                return;
            }
            http.Items[nameof(DashboardCacheFilter)] = etag;
        }

        var executed = await next();
        if (executed.Exception is null && executed.Result is ObjectResult { StatusCode: null or StatusCodes.Status200OK, Value: { } computed } &&
            http.Items[nameof(DashboardCacheFilter)] is string fresh)
        {
            SetHeaders(http.Response, fresh);
            answers.Keep(fresh, computed);
        }
    }

    private static void SetHeaders(HttpResponse response, string etag)
    {
        response.Headers.ETag = etag;
        // Clients may keep the answer but must ask again each time; the ETag makes asking cheap.
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Accept";
    }

    /// <summary>What distinguishes one answer from another: the path, the query and the representation asked for.</summary>
    private static string Fingerprint(HttpRequest request)
    {
        var text = $"{request.Path}{request.QueryString}|{request.Headers.Accept}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}
