using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProjectTracker.Api.Dashboard;

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

    public bool TryGet(string etag, [NotNullWhen(true)] out object? answer)
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
