using System.Diagnostics;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// Writes many projects at once: binary COPY into a temporary staging table, then one
/// INSERT … SELECT that also records each project's creation in its history. Ids are drawn from
/// the sequence first, so every staged row knows its project.
/// </summary>
public static class ProjectBulkWriter
{
    public sealed record Row(ProjectWrite Write, string? SeedKey);

    /// <summary>How many projects a bulk write inserted, the range of their ids, and how long the merge into <c>projects</c> took.</summary>
    public sealed record Result(int Inserted, long? FirstId, long? LastId, TimeSpan Merging);

    /// <summary>
    /// Inserts the rows inside the caller's transaction. The rows are streamed into the COPY as they are enumerated;
    /// <paramref name="count"/> says how many there will be. With <c>skipExistingSeedKeys</c> (seed loading), rows whose
    /// seed key is already present are left out. A transaction may call it again (an import writes a chunk at a time).
    /// </summary>
    public static async Task<Result> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, IEnumerable<Row> rows,
        string actor, bool skipExistingSeedKeys, CancellationToken cancellationToken)
    {
        if (count == 0) return new Result(0, null, null, TimeSpan.Zero);

        var staging = $"""
            CREATE TEMP TABLE project_staging (id bigint, seed_key text, {ProjectColumns.StagingDefinition});
            SELECT nextval(pg_get_serial_sequence('projects', 'id')) FROM generate_series(1, @count);
            """;
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(staging, new { count }, transaction, cancellationToken: cancellationToken))).ToArray();

        await using (var importer = await connection.BeginBinaryImportAsync("COPY project_staging FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var i = 0;
            foreach (var row in rows)
            {
                if (i == count) throw new InvalidOperationException($"more than the {count} rows announced");
                importer.StartRow();
                importer.Write(ids[i++], NpgsqlDbType.Bigint);
                ProjectColumns.WriteText(importer, row.SeedKey);
                ProjectColumns.Copy(importer, row.Write);
            }
            if (i != count) throw new InvalidOperationException($"{i} rows instead of the {count} announced");
            await importer.CompleteAsync(cancellationToken);
        }

        var merge = $"""
            WITH inserted AS (
                INSERT INTO projects (id, seed_key, {ProjectColumns.Names})
                OVERRIDING SYSTEM VALUE
                SELECT id, seed_key, {ProjectColumns.StagingSelect}
                FROM project_staging
                ORDER BY id
                {(skipExistingSeedKeys ? "ON CONFLICT (seed_key) DO NOTHING" : "")}
                RETURNING id, status, signed_on, signed_on_precision, started_on, started_on_precision, completed_on, completed_on_precision
            )
            INSERT INTO project_history (project_id, event, to_status, status_date, status_date_precision, actor)
            SELECT id, 'created', status,
                   CASE status WHEN 'signed' THEN signed_on WHEN 'started' THEN started_on WHEN 'completed' THEN completed_on END,
                   CASE status WHEN 'signed' THEN signed_on_precision WHEN 'started' THEN started_on_precision WHEN 'completed' THEN completed_on_precision END,
                   @actor
            FROM inserted;
            DROP TABLE project_staging;
            """;
        var started = Stopwatch.GetTimestamp();
        var inserted = await connection.ExecuteAsync(new CommandDefinition(merge, new { actor }, transaction, cancellationToken: cancellationToken));
        return new Result(inserted, ids[0], ids[^1], Stopwatch.GetElapsedTime(started));
    }
}
