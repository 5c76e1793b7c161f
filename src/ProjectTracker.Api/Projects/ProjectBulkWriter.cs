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

    /// <summary>
    /// Inserts the rows inside the caller's transaction and returns how many were inserted. With
    /// <c>skipExistingSeedKeys</c> (seed loading), rows whose seed key is already present are left out.
    /// </summary>
    public static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Row> rows,
        string actor, bool skipExistingSeedKeys, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;

        const string Staging = """
            CREATE TEMP TABLE project_staging (
                id bigint, seed_key text, name_zh text, name_en text, normalized_name text, kind text, investors text[],
                place_code text, park_code text, sector_code text, status text, amount numeric, amount_qualifier text,
                currency text, phases text, effective_amount numeric, effective_qualifier text,
                signed_on date, signed_on_precision text, started_on date, started_on_precision text,
                completed_on date, completed_on_precision text, project_code text, land_area_sqm numeric, notes text,
                search_tokens text[], search_text text
            ) ON COMMIT DROP;
            SELECT nextval(pg_get_serial_sequence('projects', 'id')) FROM generate_series(1, @count);
            """;
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(Staging, new { count = rows.Count }, transaction, cancellationToken: cancellationToken))).ToArray();

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY project_staging FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var (write, seedKey) = rows[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                await Text(importer, seedKey, cancellationToken);
                await Text(importer, write.NameZh, cancellationToken);
                await Text(importer, write.NameEn, cancellationToken);
                await Text(importer, write.NormalizedName, cancellationToken);
                await Text(importer, write.Kind, cancellationToken);
                await importer.WriteAsync(write.Investors, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await Text(importer, write.PlaceCode, cancellationToken);
                await Text(importer, write.ParkCode, cancellationToken);
                await Text(importer, write.SectorCode, cancellationToken);
                await Text(importer, write.Status, cancellationToken);
                await Numeric(importer, write.Amount, cancellationToken);
                await Text(importer, write.AmountQualifier, cancellationToken);
                await Text(importer, write.Currency, cancellationToken);
                await Text(importer, write.Phases, cancellationToken);
                await Numeric(importer, write.EffectiveAmount, cancellationToken);
                await Text(importer, write.EffectiveQualifier, cancellationToken);
                await Date(importer, write.SignedOn, cancellationToken);
                await Text(importer, write.SignedOnPrecision, cancellationToken);
                await Date(importer, write.StartedOn, cancellationToken);
                await Text(importer, write.StartedOnPrecision, cancellationToken);
                await Date(importer, write.CompletedOn, cancellationToken);
                await Text(importer, write.CompletedOnPrecision, cancellationToken);
                await Text(importer, write.ProjectCode, cancellationToken);
                await Numeric(importer, write.LandAreaSqm, cancellationToken);
                await Text(importer, write.Notes, cancellationToken);
                await importer.WriteAsync(write.SearchTokens, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await Text(importer, write.SearchText, cancellationToken);
            }
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
        return await connection.ExecuteAsync(new CommandDefinition(merge, new { actor }, transaction, cancellationToken: cancellationToken));
    }

    private static Task Text(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task Numeric(NpgsqlBinaryImporter importer, decimal? value, CancellationToken cancellationToken) =>
        value is { } number ? importer.WriteAsync(number, NpgsqlDbType.Numeric, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task Date(NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
