using System.Collections.Frozen;
using Dapper;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// How common each search bigram is, from PostgreSQL's own statistics of <c>projects.search_tokens</c>
/// (<c>pg_stats.most_common_elems</c>, kept by ANALYZE), reread every few minutes. A term is common when each of its
/// bigrams is: then walking the list in its order finds a page of matches within a few thousand rows, which beats
/// collecting every match through the index and sorting them. The planner cannot make this choice itself, because it
/// takes a term's bigrams as independent and so thinks every term of three or more characters rare.
/// </summary>
public sealed class SearchStatistics(Database database, TimeProvider time) : IDisposable
{
    /// <summary>The share of projects a term must (by its rarest bigram) at least reach to be walked.</summary>
    public const double CommonShare = 0.005;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim loading = new(1, 1);
    private FrozenDictionary<string, double> shares = FrozenDictionary<string, double>.Empty;
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    /// <summary>Whether every bigram of the term is among the common elements with at least <see cref="CommonShare"/>.</summary>
    public async ValueTask<bool> IsCommonAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0) return false;
        var current = await CurrentAsync(cancellationToken);
        return tokens.All(token => current.TryGetValue(token, out var share) && share >= CommonShare);
    }

    private async ValueTask<FrozenDictionary<string, double>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - loadedAt < RefreshEvery) return shares;
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - loadedAt < RefreshEvery) return shares;
            const string Sql = """
                SELECT e.token, e.share
                FROM pg_stats s,
                     unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(token, share)
                WHERE s.schemaname = current_schema() AND s.tablename = 'projects' AND s.attname = 'search_tokens' AND e.token IS NOT NULL
                """;
            await using var connection = await database.QueryAsync(cancellationToken);
            shares = (await connection.QueryAsync<(string Token, float Share)>(new CommandDefinition(Sql, cancellationToken: cancellationToken)))
                .ToFrozenDictionary(row => row.Token, row => (double)row.Share, StringComparer.Ordinal);
            loadedAt = time.GetUtcNow();
            return shares;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose() => loading.Dispose();
}
