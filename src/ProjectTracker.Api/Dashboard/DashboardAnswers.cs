using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Api.Dashboard;

/// <summary>The <c>Dashboard</c> section of the configuration.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How long a computed answer is kept for other requests at the same data version (0 turns keeping off).</summary>
    public TimeSpan AnswerLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many answers are kept at most; the least recently used go first.</summary>
    public int AnswerLimit { get; set; } = 1_000;
}

/// <summary>
/// Computed dashboard answers, kept by their ETag: many viewers polling the same figures then cost one read of the
/// data version each instead of one aggregation each. An answer can never be stale: it is found only under the
/// version read at the start of the request, and every write moves that version inside its own transaction. The
/// local day is part of the key too, for the answers counted from today (stalled projects, this year's KPIs).
/// </summary>
public sealed class DashboardAnswers(IOptions<DashboardOptions> options, TimeProvider time) : IDisposable
{
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = options.Value.AnswerLimit });

    private bool Enabled => options.Value.AnswerLifetime > TimeSpan.Zero && options.Value.AnswerLimit > 0;

    public bool TryGet(string etag, out object? answer)
    {
        answer = null;
        return Enabled && answers.TryGetValue(Key(etag), out answer);
    }

    public void Keep(string etag, object answer)
    {
        if (!Enabled) return;
        answers.Set(Key(etag), answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.AnswerLifetime });
    }

    private (string, DateOnly) Key(string etag) => (etag, DateOnly.FromDateTime(time.GetLocalNow().DateTime));

    public void Dispose() => answers.Dispose();
}
