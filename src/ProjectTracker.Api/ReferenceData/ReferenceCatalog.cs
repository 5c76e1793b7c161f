using Dapper;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>
/// Places, parks and sectors held in memory for validation and filters. They change only through
/// migrations, so a snapshot is loaded once and reloaded when a code is not found (a newer
/// migration may have added it) — at most every few seconds — and every few minutes regardless.
/// </summary>
public sealed class ReferenceCatalog : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MissReloadAtMost = TimeSpan.FromSeconds(10);

    private readonly Database? database;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim loading = new(1, 1);
    private ReferenceSnapshot? snapshot;
    private DateTimeOffset loadedAt;

    public ReferenceCatalog(Database database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    /// <summary>Fixed reference data, for code that runs without a database (unit tests).</summary>
    public ReferenceCatalog(ReferenceSnapshot fixedSnapshot)
    {
        snapshot = fixedSnapshot;
        time = TimeProvider.System;
        loadedAt = DateTimeOffset.MaxValue;
    }

    public async ValueTask<ReferenceSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (snapshot is not null && time.GetUtcNow() - loadedAt < RefreshEvery) return snapshot;
        return await ReloadAsync(TimeSpan.Zero, cancellationToken);
    }

    /// <summary>The current snapshot, reloaded first if it lacks what <paramref name="has"/> looks for.</summary>
    public async ValueTask<ReferenceSnapshot> CurrentWithAsync(Func<ReferenceSnapshot, bool> has, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(cancellationToken);
        return has(current) || database is null ? current : await ReloadAsync(MissReloadAtMost, cancellationToken);
    }

    public async ValueTask<Place?> FindPlaceAsync(string codeOrSlug, CancellationToken cancellationToken) =>
        (await CurrentWithAsync(s => s.FindPlace(codeOrSlug) is not null, cancellationToken)).FindPlace(codeOrSlug);

    public async ValueTask<Park?> FindParkAsync(string code, CancellationToken cancellationToken) =>
        (await CurrentWithAsync(s => s.FindPark(code) is not null, cancellationToken)).FindPark(code);

    public async ValueTask<Sector?> FindSectorAsync(string code, CancellationToken cancellationToken) =>
        (await CurrentWithAsync(s => s.FindSector(code) is not null, cancellationToken)).FindSector(code);

    public void Dispose() => loading.Dispose();

    private async Task<ReferenceSnapshot> ReloadAsync(TimeSpan unlessYoungerThan, CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is not null && time.GetUtcNow() - loadedAt < (unlessYoungerThan == TimeSpan.Zero ? RefreshEvery : unlessYoungerThan)) return snapshot;

            const string Sql = """
                SELECT code, slug, name_zh, short_zh, name_en, kind, parent_code FROM places;
                SELECT code, name_zh, name_en, place_code FROM parks;
                SELECT code, category_code, name_zh, name_en, sort_order::int FROM sectors;
                """;
            await using var connection = await database!.ReadAsync(cancellationToken);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, cancellationToken: cancellationToken));
            var places = await results.ReadAsync<Place>();
            var parks = await results.ReadAsync<Park>();
            var sectors = await results.ReadAsync<Sector>();
            snapshot = new ReferenceSnapshot(places, parks, sectors);
            loadedAt = time.GetUtcNow();
            return snapshot;
        }
        finally
        {
            loading.Release();
        }
    }
}
