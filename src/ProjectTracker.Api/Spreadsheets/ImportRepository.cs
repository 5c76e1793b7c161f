using System.Text.Json;
using Dapper;
using Npgsql;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>The <c>imports</c> table: each upload's state, counters and errors.</summary>
public sealed class ImportRepository(Database database)
{
    public const int MaxStoredErrors = 10_000;
    public sealed record NewImport(string FileName, SheetFormat Format, byte[] Sha256, long Bytes, ImportMode Mode, bool AllowDuplicates);

    public async Task<ImportStatus> CreateAsync(NewImport upload, Actor actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO imports (file_name, format, file_sha256, file_bytes, mode, allow_duplicates, api_key_id, actor_name, place_codes, request_id)
            VALUES (@FileName, @format, @Sha256, @Bytes, @mode, @AllowDuplicates, @keyId, @name, @places, @requestId)
            RETURNING id
            """;
        await using var connection = await database.WriteAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new
        {
            upload.FileName,
            format = EnumNames.Of(upload.Format),
            upload.Sha256,
            upload.Bytes,
            mode = EnumNames.Of(upload.Mode),
            upload.AllowDuplicates,
            keyId = actor.KeyId,
            name = actor.Name,
            places = actor.PlaceCodes.ToArray(),
            requestId = actor.RequestId,
        }, cancellationToken: cancellationToken));
        return (await GetAsync(id, cancellationToken))!;
    }

    public async Task<ImportStatus?> GetAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT id, state, file_name, format, mode, rows_total, rows_processed, rows_written, rows_updated, error_count, errors::text AS errors,
                   failure, actor_name, created_at, finished_at
            FROM imports WHERE id = @id
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToStatus();
    }

    /// <summary>An accepted upload as the worker runs it: as whom (and where that key may write), how, and which file.</summary>
    public sealed record Job(Actor Actor, ImportMode Mode, bool AllowDuplicates, SheetFormat Format, string FileName, byte[] Sha256);

    public async Task<Job?> JobAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT api_key_id, actor_name, place_codes, request_id, mode, allow_duplicates, format, file_name, file_sha256
            FROM imports WHERE id = @id
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
        if (row is null) return null;
        var mode = row.Mode == EnumNames.Of(ImportMode.ValidRows) ? ImportMode.ValidRows : ImportMode.AllOrNothing;
        var format = row.Format == EnumNames.Of(SheetFormat.Xlsx) ? SheetFormat.Xlsx : SheetFormat.Csv;
        return new Job(new Actor(row.ApiKeyId, row.ActorName, ApiRole.Editor, row.PlaceCodes, row.RequestId), mode, row.AllowDuplicates, format, row.FileName, row.FileSha256);
    }

    /// <summary>The states of an import not yet ended.</summary>
    private const string Running = "('queued', 'validating', 'writing')";

    /// <summary>Moves the counters and state of a running import (from its own connection, outside the writing transaction).</summary>
    public async Task ProgressAsync(long id, ImportState state, int processed, int? total, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            UPDATE imports SET state = @state::import_state, rows_processed = @processed, rows_total = coalesce(@total, rows_total), updated_at = now()
            WHERE id = @id AND state IN {Running}
            """;
        await using var connection = await database.WriteAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql, new { id, state = EnumNames.Of(state), processed, total }, cancellationToken: cancellationToken));
    }

    /// <summary>Records how an import ended (inside the writing transaction when there is one, so the outcome commits with the rows).</summary>
    public static Task FinishAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, ImportState state, int total, int written,
        int updated, int errorCount, IReadOnlyList<ImportError> errors, string? failure, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE imports SET state = @state::import_state, rows_total = @total, rows_processed = @total, rows_written = @written, rows_updated = @updated,
                   error_count = @errorCount, errors = @errors::jsonb, failure = @failure,
                   -- clock_timestamp: inside the writing transaction now() would be when it began
                   updated_at = clock_timestamp(), finished_at = clock_timestamp()
            WHERE id = @id
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id, state = EnumNames.Of(state), total, written, updated, errorCount,
            errors = JsonSerializer.Serialize(errors.Take(MaxStoredErrors), ApiServices.Json),
            failure,
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task FinishAsync(long id, ImportState state, int total, int errorCount, IReadOnlyList<ImportError> errors, string? failure, CancellationToken cancellationToken)
    {
        await using var connection = await database.WriteAsync(cancellationToken);
        await FinishAsync(connection, null, id, state, total, 0, 0, errorCount, errors, failure, cancellationToken);
    }

    /// <summary>Imports left unfinished by a stopped process (none has moved for a while) are marked failed.</summary>
    public async Task<int> FailAbandonedAsync(TimeSpan quietFor, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            UPDATE imports SET state = 'failed', failure = 'interrupted: the server stopped before the import ended; nothing was written. Upload the file again.',
                   updated_at = now(), finished_at = now()
            WHERE state IN {Running} AND updated_at < now() - @quietFor
            """;
        await using var connection = await database.WriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { quietFor }, cancellationToken: cancellationToken));
    }


    private sealed class JobRow
    {
        public long? ApiKeyId { get; init; }
        public string ActorName { get; init; } = "";
        public string[] PlaceCodes { get; init; } = [];
        public string? RequestId { get; init; }
        public string Mode { get; init; } = "";
        public bool AllowDuplicates { get; init; }
        public string Format { get; init; } = "";
        public string FileName { get; init; } = "";
        public byte[] FileSha256 { get; init; } = [];
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public ImportState State { get; init; }
        public string FileName { get; init; } = "";
        public string Format { get; init; } = "";
        public string Mode { get; init; } = "";
        public int? RowsTotal { get; init; }
        public int RowsProcessed { get; init; }
        public int RowsWritten { get; init; }
        public int RowsUpdated { get; init; }
        public int ErrorCount { get; init; }
        public string Errors { get; init; } = "[]";
        public string? Failure { get; init; }
        public string ActorName { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? FinishedAt { get; init; }

        public ImportStatus ToStatus() => new(Id, State, FileName, Format,
            Mode == EnumNames.Of(ImportMode.ValidRows) ? ImportMode.ValidRows : ImportMode.AllOrNothing,
            RowsTotal, RowsProcessed, RowsWritten, RowsUpdated, ErrorCount, JsonSerializer.Deserialize<ImportError[]>(Errors, ApiServices.Json) ?? [], Failure, ActorName,
            CreatedAt.AsUtc(), FinishedAt?.AsUtc());
    }
}
