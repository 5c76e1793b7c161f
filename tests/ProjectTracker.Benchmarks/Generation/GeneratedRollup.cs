using System.Runtime.InteropServices;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Benchmarks.Generation;

/// <summary>
/// What generated projects add to the dashboard rollup, added up in memory while they are made: the
/// arithmetic of <c>project_contributions()</c> (V0006) at a fraction of the cost of aggregating a million
/// fresh rows in SQL. DataGeneratorTests compares the outcome with a fresh aggregation by that definition.
/// </summary>
internal sealed class GeneratedRollup
{
    private readonly record struct Key(
        string Stage, short? Year, short? Month, string PlaceCode, string SectorCode, string Status, string Currency, string? ParkCode);

    private struct Figures
    {
        public long ProjectCount;
        public decimal AmountSum;
        public long WithoutAmount;
        public long ApproxCount;
        public long AtLeastCount;
        public long AtMostCount;
    }

    private readonly Dictionary<Key, Figures> groups = [];

    public void Add(ProjectWrite project, ProjectStatus status, PartialDate? signed, PartialDate? started, PartialDate? completed)
    {
        var current = status switch
        {
            ProjectStatus.Signed => signed,
            ProjectStatus.Started => started,
            ProjectStatus.Completed => completed,
            _ => null,
        };
        Count(project, DashboardMeasure.Current, current);
        if (status is ProjectStatus.Signed or ProjectStatus.Started or ProjectStatus.Completed) Count(project, DashboardMeasure.Signed, signed);
        if (status is ProjectStatus.Started or ProjectStatus.Completed) Count(project, DashboardMeasure.Started, started);
        if (status is ProjectStatus.Completed) Count(project, DashboardMeasure.Completed, completed);
    }

    private void Count(ProjectWrite project, DashboardMeasure stage, PartialDate? date)
    {
        var key = new Key(EnumNames.Of(stage),
            date is { } year ? (short)year.Start.Year : null,
            date is { Precision: not DatePrecision.Year } month ? (short)month.Start.Month : null,
            project.PlaceCode, project.SectorCode, project.Status, project.Currency, project.ParkCode);
        ref var figures = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
        figures.ProjectCount++;
        figures.AmountSum += project.EffectiveAmount ?? 0;
        if (project.EffectiveAmount is null) figures.WithoutAmount++;
        switch (project.EffectiveQualifier)
        {
            case "approx": figures.ApproxCount++; break;
            case "at_least": figures.AtLeastCount++; break;
            case "at_most": figures.AtMostCount++; break;
        }
    }

    /// <summary>
    /// Makes every rollup grain what it held plus what the new rows add, inside the caller's transaction,
    /// which must hold the only writer. The fine grain is rewritten with COPY and its key built once
    /// afterwards (half a million upserts cost several times more); the coarse grains are regrouped from it.
    /// </summary>
    public async Task MergeIntoRollupsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var existing = new NpgsqlCommand("""
            SELECT stage::text, period_year, period_month, place_code, sector_code, status::text, currency::text, park_code,
                   project_count, amount_sum, without_amount, approx_count, at_least_count, at_most_count
            FROM project_rollup
            """, connection))
        await using (var reader = await existing.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new Key(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt16(1), reader.IsDBNull(2) ? null : reader.GetInt16(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
                ref var figures = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
                figures.ProjectCount += reader.GetInt64(8);
                figures.AmountSum += reader.GetDecimal(9);
                figures.WithoutAmount += reader.GetInt64(10);
                figures.ApproxCount += reader.GetInt64(11);
                figures.AtLeastCount += reader.GetInt64(12);
                figures.AtMostCount += reader.GetInt64(13);
            }
        }

        var keyDefinition = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'project_rollup_key'", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "TRUNCATE project_rollup, project_rollup_sector_year, project_rollup_month, project_rollup_year; ALTER TABLE project_rollup DROP CONSTRAINT project_rollup_key",
            cancellationToken: cancellationToken));
        await using (var importer = await connection.BeginBinaryImportAsync("COPY project_rollup FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (key, figures) in groups)
            {
                importer.StartRow();
                importer.Write(key.Stage, NpgsqlDbType.Text);
                Nullable(importer, key.Year);
                Nullable(importer, key.Month);
                importer.Write(key.PlaceCode, NpgsqlDbType.Text);
                importer.Write(key.SectorCode, NpgsqlDbType.Text);
                importer.Write(key.Status, NpgsqlDbType.Text);
                importer.Write(key.Currency, NpgsqlDbType.Text);
                ProjectColumns.WriteText(importer, key.ParkCode);
                importer.Write(figures.ProjectCount, NpgsqlDbType.Bigint);
                importer.Write(figures.AmountSum, NpgsqlDbType.Numeric);
                importer.Write(figures.WithoutAmount, NpgsqlDbType.Bigint);
                importer.Write(figures.ApproxCount, NpgsqlDbType.Bigint);
                importer.Write(figures.AtLeastCount, NpgsqlDbType.Bigint);
                importer.Write(figures.AtMostCount, NpgsqlDbType.Bigint);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition($"""
            ALTER TABLE project_rollup ADD CONSTRAINT project_rollup_key {keyDefinition};
            INSERT INTO project_rollup_sector_year
            SELECT stage, period_year, place_code, sector_code, status, currency,
                   sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM project_rollup GROUP BY 1, 2, 3, 4, 5, 6;
            INSERT INTO project_rollup_month
            SELECT stage, period_year, period_month, place_code, status, currency,
                   sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM project_rollup GROUP BY 1, 2, 3, 4, 5, 6;
            INSERT INTO project_rollup_year
            SELECT stage, period_year, place_code, status, currency,
                   sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
            FROM project_rollup GROUP BY 1, 2, 3, 4, 5;
            """, commandTimeout: 0, cancellationToken: cancellationToken));
    }

    private static void Nullable(NpgsqlBinaryImporter importer, short? value)
    {
        if (value is { } present) importer.Write(present, NpgsqlDbType.Smallint);
        else importer.WriteNull();
    }
}
