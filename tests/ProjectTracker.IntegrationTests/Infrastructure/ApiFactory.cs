using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Auth;
using Microsoft.Extensions.Logging;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// The real API, in memory, over a given database; its log lines are kept for assertions. Its clients send an
/// admin API key (created on first use) unless <paramref name="authenticate"/> is false, e.g. over a database
/// that is not migrated.
/// </summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, bool authenticate = true)
    : WebApplicationFactory<Program>
{
    public const string Pepper = "integration-tests-pepper";
    private string? adminKey;

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>A new API key with this role (and districts), through the API's own repository.</summary>
    public string CreateKey(ApiRole role, params string[] districts) =>
        Services.GetRequiredService<ApiKeyRepository>()
            .CreateAsync(new ApiKeyRequest { Name = $"tests {role} {string.Join(",", districts)}".Trim(), Role = role, Districts = districts }, Actor.Command("tests"), CancellationToken.None)
            .GetAwaiter().GetResult().Secret;

    /// <summary>A client sending this key, or none at all.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyAuthenticationHandler.HeaderName);
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (!authenticate) return;
        adminKey ??= CreateKey(ApiRole.Admin);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, adminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ProjectTracker", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Auth:KeyPepper", Pepper);
        // Tests write in bursts; the rate limit has tests of its own.
        builder.UseSetting("RateLimiting:Writes:TokenLimit", "1000000");
        builder.UseSetting("RateLimiting:Writes:TokensPerPeriod", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(LogLines)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);
        public void Dispose() { }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
