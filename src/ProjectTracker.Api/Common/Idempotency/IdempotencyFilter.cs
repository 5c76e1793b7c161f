using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Http;

namespace ProjectTracker.Api.Common.Idempotency;

/// <summary>
/// Makes every POST safe to retry: with an <c>Idempotency-Key</c> header, the first request runs and its answer is
/// stored (per API key); a retry with the same key and the same request gets that answer again, marked
/// <c>Idempotent-Replayed: true</c>, without writing again; the same key with a different request is a 422.
/// Concurrent requests with one key are serialised by an advisory lock held until the first answer is stored, so
/// ten identical requests in parallel write once. Server errors (5xx) are not stored: a retry runs again.
/// </summary>
public sealed class IdempotencyFilter(Database database, IOptions<IdempotencyOptions> options) : IAsyncResourceFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next();
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            var problem = http.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateValidationProblemDetails(http,
                new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary(), StatusCodes.Status400BadRequest, detail: "The request has invalid fields; see errors.");
            problem.Errors[HeaderName] = [$"{HeaderName} must be 1 to {MaxKeyLength} visible ASCII characters, e.g. a UUID."];
            context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
            return;
        }
        if (ApiKeyClaims.KeyId(http.User) is not { } apiKeyId)
        {
            await next();
            return;
        }

        var hash = await HashRequestAsync(http.Request);
        await using var connection = await database.IdempotencyAsync(http.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(http.RequestAborted);
        const string Find = """
            SELECT pg_advisory_xact_lock(hashtextextended('idempotency/' || @apiKeyId::text || '/' || @key, 0));
            SELECT request_hash, status_code, content_type, location, etag, body
            FROM idempotency_keys
            WHERE api_key_id = @apiKeyId AND idempotency_key = @key AND expires_at > now();
            """;
        StoredAnswer? stored;
        await using (var results = await connection.QueryMultipleAsync(new CommandDefinition(Find,
            new { apiKeyId, key }, transaction, cancellationToken: http.RequestAborted)))
        {
            await results.ReadAsync();
            stored = await results.ReadSingleOrDefaultAsync<StoredAnswer>();
        }

        if (stored is not null)
        {
            context.Result = stored.RequestHash.AsSpan().SequenceEqual(hash)
                ? new ReplayResult(stored)
                : MismatchProblem(http);
            return;
        }

        var capture = new CapturingStream(http.Response.Body, options.Value.MaxStoredResponseBytes);
        http.Response.Body = capture;
        try
        {
            var executed = await next();
            if (executed.Exception is not null && !executed.ExceptionHandled) return;
        }
        finally
        {
            http.Response.Body = capture.Inner;
        }
        if (http.Response.StatusCode >= 500 || capture.Overflowed) return;

        const string Store = """
            INSERT INTO idempotency_keys (api_key_id, idempotency_key, request_hash, status_code, content_type, location, etag, body, expires_at)
            VALUES (@apiKeyId, @key, @hash, @status, @contentType, @location, @etag, @body, now() + @retention)
            ON CONFLICT (api_key_id, idempotency_key) DO UPDATE SET
                request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code, content_type = EXCLUDED.content_type,
                location = EXCLUDED.location, etag = EXCLUDED.etag, body = EXCLUDED.body,
                created_at = now(), expires_at = EXCLUDED.expires_at
            """;
        await connection.ExecuteAsync(new CommandDefinition(Store, new
        {
            apiKeyId,
            key,
            hash,
            status = http.Response.StatusCode,
            contentType = http.Response.ContentType,
            location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            body = capture.Captured,
            retention = options.Value.Retention,
        }, transaction, cancellationToken: CancellationToken.None));
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// What makes two requests "the same": method, path and query, content type and body, hashed as the body streams in.
    /// A form upload is compared by its fields and files, not its raw body, whose multipart boundary differs on each try.
    /// </summary>
    private static async Task<byte[]> HashRequestAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var cancellation = request.HttpContext.RequestAborted;
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellation);
            foreach (var (name, value) in form.OrderBy(field => field.Key, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"field {name}={value}\n"));
            }
            foreach (var file in form.Files.OrderBy(file => file.Name, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"file {file.Name} {file.FileName} {file.Length}\n"));
                await using var content = file.OpenReadStream();
                await AppendAsync(hash, content, cancellation);
            }
            return hash.GetHashAndReset();
        }
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.ContentType}\n"));
        request.EnableBuffering();
        await AppendAsync(hash, request.Body, cancellation);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static async Task AppendAsync(IncrementalHash hash, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0) hash.AppendData(buffer, 0, read);
    }

    private static ObjectResult MismatchProblem(HttpContext http)
    {
        var problem = http.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateProblemDetails(http, StatusCodes.Status422UnprocessableEntity,
            detail: $"This {HeaderName} was already used with a different request. Use a new key for a new request.");
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
    }

    private sealed class StoredAnswer
    {
        public byte[] RequestHash { get; init; } = [];
        public int StatusCode { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public string? Etag { get; init; }
        public byte[] Body { get; init; } = [];
    }

    private sealed class ReplayResult(StoredAnswer answer) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = answer.StatusCode;
            response.ContentType = answer.ContentType;
            if (answer.Location is not null) response.Headers.Location = answer.Location;
            if (answer.Etag is not null) response.Headers.ETag = answer.Etag;
            response.Headers[ReplayedHeader] = "true";
            await response.Body.WriteAsync(answer.Body, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Passes the response through and keeps a copy, up to a limit.</summary>
    private sealed class CapturingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream copy = new();

        public Stream Inner => inner;
        public bool Overflowed { get; private set; }
        public byte[] Captured => copy.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed) return;
            if (copy.Length + bytes.Length > limit)
            {
                Overflowed = true;
                return;
            }
            copy.Write(bytes);
        }
    }
}
