using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Benchmarks.Generation;
using ProjectTracker.IntegrationTests.Dashboard;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Generation;

/// <summary>The seed data, then two generator runs with the same seed on top of it.</summary>
public sealed class GeneratedDatabase(PostgresServer server) : SeededDatabase(server)
{
    public const int Count = 4_000;

    /// <summary>The schema objects the generator drops and re-creates, as text.</summary>
    private const string SchemaShape = """
        SELECT string_agg(definition, E'\n' ORDER BY definition) FROM (
            SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index
            WHERE indrelid IN ('projects'::regclass, 'project_history'::regclass, 'project_rollup'::regclass)
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid IN ('projects'::regclass, 'project_history'::regclass, 'project_rollup'::regclass,
                               'project_sources'::regclass, 'batch_projects'::regclass)
            UNION ALL
            SELECT tgname || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid = 'projects'::regclass AND NOT tgisinternal) s
        """;

    public long FirstId { get; private set; }
    public GenerationResult? FirstRun { get; private set; }
    public string? SchemaBefore { get; private set; }
    public string? SchemaAfter { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await DataSource.OpenConnectionAsync(cancellation);
        SchemaBefore = await connection.ExecuteScalarAsync<string>(SchemaShape);
        FirstId = await connection.ExecuteScalarAsync<long>("SELECT max(id) + 1 FROM projects");
        var generator = new DataGenerator(Api.Services.GetRequiredService<Database>(), Api.Services.GetRequiredService<ReferenceCatalog>(),
            TimeProvider.System, NullLogger<DataGenerator>.Instance);
        FirstRun = await generator.GenerateAsync(Count, seed: 7, cancellation);
        await generator.GenerateAsync(Count, seed: 7, cancellation);
        SchemaAfter = await connection.ExecuteScalarAsync<string>(SchemaShape);
    }
}

/// <summary>
/// The second run must repeat the first exactly, and everything the generator takes apart for speed
/// (indexes, keys, the rollup trigger) must be whole again.
/// </summary>
public sealed class DataGeneratorTests(GeneratedDatabase database) : DatabaseTests<GeneratedDatabase>(database)
{
    private const int Count = GeneratedDatabase.Count;

    [Fact]
    public void IndexesKeysAndTriggersAreAsBefore()
    {
        Assert.Equal(Count, Database.FirstRun!.Projects);
        Assert.Contains("projects_search_tokens", Database.SchemaBefore);
        Assert.Equal(Database.SchemaBefore, Database.SchemaAfter);
    }

    [Fact]
    public async Task TheSameSeedMakesTheSameProjectsAndHistory()
    {
        var firstId = Database.FirstId;
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        const string Fingerprint = """
            SELECT md5(string_agg(concat_ws('|', p.name_zh, array_to_string(p.investors, ','), p.place_code, p.park_code, p.sector_code, p.status,
                                            p.effective_amount, p.effective_qualifier, p.currency, p.signed_on, p.signed_on_precision,
                                            p.started_on, p.completed_on,
                                            (SELECT string_agg(concat_ws(':', h.event, h.to_status, h.status_date), ',' ORDER BY h.id)
                                             FROM project_history h WHERE h.project_id = p.id)), E'\n' ORDER BY p.id))
            FROM projects p WHERE p.id >= @from AND p.id < @to
            """;
        var first = await connection.ExecuteScalarAsync<string>(Fingerprint, new { from = firstId, to = firstId + Count });
        var second = await connection.ExecuteScalarAsync<string>(Fingerprint, new { from = firstId + Count, to = firstId + 2 * Count });

        Assert.Equal(first, second);
        Assert.Equal(2 * Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE id >= @firstId", new { firstId }));
    }

    [Fact]
    public async Task TheRollupsAreExactAfterAddingToTheSeededOnes()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        Assert.Equal(0, await RollupDrift.CountAsync(connection));
    }

    [Fact]
    public async Task StatusesDatesAndHistoryAgree()
    {
        var firstId = Database.FirstId;
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        // A date known to the month or year may lie on any day of it (ProjectRules.InOrder).
        var inconsistent = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM projects p
            CROSS JOIN LATERAL (SELECT partial_date_end(p.started_on, p.started_on_precision) AS started_end,
                                       partial_date_end(p.completed_on, p.completed_on_precision) AS completed_end) e
            WHERE p.id >= @firstId AND NOT (
                CASE p.status
                    WHEN 'intent' THEN p.signed_on IS NULL AND p.started_on IS NULL AND p.completed_on IS NULL
                    WHEN 'signed' THEN p.signed_on IS NOT NULL AND p.started_on IS NULL AND p.completed_on IS NULL
                    WHEN 'started' THEN p.signed_on <= e.started_end AND p.completed_on IS NULL
                    WHEN 'completed' THEN p.signed_on <= e.started_end AND p.started_on <= e.completed_end
                    WHEN 'cancelled' THEN p.signed_on IS NOT NULL AND p.completed_on IS NULL
                END
                AND coalesce(p.completed_on, p.started_on, p.signed_on, current_date) <= current_date
                AND (p.effective_amount IS NULL OR p.effective_amount BETWEEN 0.1 AND 500)
                AND (SELECT h.to_status FROM project_history h WHERE h.project_id = p.id ORDER BY h.id DESC LIMIT 1) = p.status
                AND (SELECT h.event FROM project_history h WHERE h.project_id = p.id ORDER BY h.id LIMIT 1) = 'created')
            """, new { firstId });

        Assert.Equal(0, inconsistent);
        var statuses = await connection.QueryAsync<string>("SELECT DISTINCT status::text FROM projects WHERE id >= @firstId", new { firstId });
        Assert.Equal(["cancelled", "completed", "intent", "signed", "started"], statuses.Order());
    }

    [Fact]
    public async Task AFewDistrictsAndSectorsHoldMostProjectsAndSomeHaveNoAmount()
    {
        var firstId = Database.FirstId;
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);

        var shares = await connection.QuerySingleAsync<(double TopPlaces, double TopSectors, double WithoutAmount, int Places)>("""
            WITH generated AS (SELECT * FROM projects WHERE id >= @firstId),
                 by_place AS (SELECT count(*) AS n FROM generated GROUP BY place_code),
                 by_sector AS (SELECT count(*) AS n FROM generated GROUP BY sector_code)
            SELECT (SELECT sum(n) FROM (SELECT n FROM by_place ORDER BY n DESC LIMIT 5) t)::float8 / (SELECT count(*) FROM generated),
                   (SELECT sum(n) FROM (SELECT n FROM by_sector ORDER BY n DESC LIMIT 5) t)::float8 / (SELECT count(*) FROM generated),
                   (SELECT count(*) FILTER (WHERE effective_amount IS NULL) FROM generated)::float8 / (SELECT count(*) FROM generated),
                   (SELECT count(*) FROM by_place)::int
            """, new { firstId });

        Assert.True(shares.Places > 20, $"{shares.Places} places used");
        Assert.InRange(shares.TopPlaces, 0.35, 0.9);
        Assert.InRange(shares.TopSectors, 0.35, 0.9);
        Assert.InRange(shares.WithoutAmount, 0.05, 0.2);
    }
}
