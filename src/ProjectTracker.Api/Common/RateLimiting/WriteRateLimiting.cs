using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ProjectTracker.Api.Common.Errors;

namespace ProjectTracker.Api.Common.RateLimiting;

/// <summary>The <c>RateLimiting:Writes</c> section: a token bucket per API key (per client address without one).</summary>
public sealed class WriteRateLimitOptions
{
    public const string Section = "RateLimiting:Writes";

    /// <summary>Writes a key may make in a burst.</summary>
    public int TokenLimit { get; set; } = 60;

    /// <summary>Writes added back each period.</summary>
    public int TokensPerPeriod { get; set; } = 30;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(30);
}

public static class WriteRateLimiting
{
    /// <summary>
    /// Limits every write (any method but GET, HEAD and OPTIONS) with ASP.NET Core's rate limiter; reads are not
    /// limited. A refused write is a 429 problem with Retry-After.
    /// </summary>
    public static IServiceCollection AddWriteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WriteRateLimitOptions>(configuration.GetSection(WriteRateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WriteRateLimitOptions>>((options, configured) =>
        {
            var settings = configured.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var method = context.Request.Method;
                if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }
                var partition = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } keyId
                    ? "key:" + keyId
                    : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.TokenLimit,
                    TokensPerPeriod = settings.TokensPerPeriod,
                    ReplenishmentPeriod = settings.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.ReplenishmentPeriod;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = ReasonPhrases.For(StatusCodes.Status429TooManyRequests),
                        Detail = $"Too many writes from this API key; retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }
}
