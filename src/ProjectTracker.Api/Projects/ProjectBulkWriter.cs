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

    /// <summary>How many projects a bulk write inserted, and the range of their ids.</summary>
    public sealed record Result(int Inserted, long? FirstId, long? LastId);

    /// <summary>
    /// Inserts the rows inside the caller's transaction. The rows are streamed into the COPY as they are enumerated
    /// (a 100,000-row import is never held in memory); <paramref name="count"/> says how many there will be. With
    /// <c>skipExistingSeedKeys</c> (seed loading), rows whose seed key is already present are left out.
    /// </summary>
    public static async Task<Result> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, IEnumerable<Row> rows,
        string actor, bool skipExistingSeedKeys, CancellationToken cancellationToken)
    {
        if (count == 0) return new Result(0, null, null);

        const string Staging = """
            CREATE TEMP TABLE project_staging (
                id bigint, seed_key text, name_zh text, name_en text, normalized_name text, kind text, investors text[],
                place_code text, park_code text, sector_code text, status text, amount numeric, amount_qualifier text,
                currency text, phases jsonb, effective_amount numeric, effective_qualifier text,
                signed_on date, signed_on_precision text, started_on date, started_on_precision text,
                completed_on date, completed_on_precision text, project_code text, land_area_sqm numeric, notes text,
                search_tokens text[], search_text text
            ) ON COMMIT DROP;
            SELECT nextval(pg_get_serial_sequence('projects', 'id')) FROM generate_series(1, @count);
            """;
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(Staging, new { count }, transaction, cancellationToken: cancellationToken))).ToArray();

        await using (var importer = await connection.BeginBinaryImportAsync("COPY project_staging FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var i = 0;
            foreach (var row in rows)
            {
                if (i == count) throw new InvalidOperationException($"more than the {count} rows announced");
                importer.StartRow();
                importer.Write(ids[i++], NpgsqlDbType.Bigint);
                Text(importer, row.SeedKey);
                WriteColumns(importer, row.Write);
            }
            if (i != count) throw new InvalidOperationException($"{i} rows instead of the {count} announced");
            await importer.CompleteAsync(cancellationToken);
        }

        var merge = $"""
            WITH inserted AS (
                INSERT INTO projects (
                    id, seed_key, name_zh, name_en, normalized_name, kind, investors, place_code, park_code, sector_code, status,
                    amount, amount_qualifier, currency, phases, effective_amount, effective_qualifier,
                    signed_on, signed_on_precision, started_on, started_on_precision, completed_on, completed_on_precision,
                    project_code, land_area_sqm, notes, search_tokens, search_text)
                OVERRIDING SYSTEM VALUE
                SELECT id, seed_key, name_zh, name_en, normalized_name, kind::project_kind, investors, place_code, park_code, sector_code,
                       status::project_status, amount, amount_qualifier::amount_qualifier, currency::currency, phases::jsonb,
                       effective_amount, effective_qualifier::amount_qualifier,
                       signed_on, signed_on_precision::date_precision, started_on, started_on_precision::date_precision,
                       completed_on, completed_on_precision::date_precision, project_code, land_area_sqm, notes, search_tokens, search_text
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
            FROM inserted
            """;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(merge, new { actor }, transaction, cancellationToken: cancellationToken));
        return new Result(inserted, ids[0], ids[^1]);
    }

    /// <summary>The project columns a COPY writes, in the order <see cref="WriteColumns"/> writes them.</summary>
    public const string Columns = """
        name_zh, name_en, normalized_name, kind, investors, place_code, park_code, sector_code, status,
        amount, amount_qualifier, currency, phases, effective_amount, effective_qualifier,
        signed_on, signed_on_precision, started_on, started_on_precision, completed_on, completed_on_precision,
        project_code, land_area_sqm, notes, search_tokens, search_text
        """;

    /// <summary>
    /// Writes one project's <see cref="Columns"/> into a binary COPY (enums as their text, which is also their
    /// binary form). Synchronous on purpose: the importer buffers, and per-field awaits halve the throughput;
    /// bulk writes run in commands and background jobs, never on a request thread.
    /// </summary>
    public static void WriteColumns(NpgsqlBinaryImporter importer, ProjectWrite write)
    {
        Text(importer, write.NameZh);
        Text(importer, write.NameEn);
        Text(importer, write.NormalizedName);
        Text(importer, write.Kind);
        importer.Write(write.Investors, NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(importer, write.PlaceCode);
        Text(importer, write.ParkCode);
        Text(importer, write.SectorCode);
        Text(importer, write.Status);
        Numeric(importer, write.Amount);
        Text(importer, write.AmountQualifier);
        Text(importer, write.Currency);
        importer.Write(write.Phases, NpgsqlDbType.Jsonb);
        Numeric(importer, write.EffectiveAmount);
        Text(importer, write.EffectiveQualifier);
        Date(importer, write.SignedOn);
        Text(importer, write.SignedOnPrecision);
        Date(importer, write.StartedOn);
        Text(importer, write.StartedOnPrecision);
        Date(importer, write.CompletedOn);
        Text(importer, write.CompletedOnPrecision);
        Text(importer, write.ProjectCode);
        Numeric(importer, write.LandAreaSqm);
        Text(importer, write.Notes);
        importer.Write(write.SearchTokens, NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(importer, write.SearchText);
    }

    internal static void Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Text);
    }

    private static void Numeric(NpgsqlBinaryImporter importer, decimal? value)
    {
        if (value is { } number) importer.Write(number, NpgsqlDbType.Numeric);
        else importer.WriteNull();
    }

    private static void Date(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date) importer.Write(date, NpgsqlDbType.Date);
        else importer.WriteNull();
    }
}
