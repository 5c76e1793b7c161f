using System.Text.Json;
using Dapper;
using ProjectTracker.Api.Common.Data;
using FluentValidation;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>
/// Imports a spreadsheet of projects in two passes over the saved file, in constant memory: first every row is read,
/// converted and checked with the same validator as POST /api/projects (plus the key's districts and duplicate names and
/// project codes, within the file and against the database); then, unless the file is rejected, the good rows are read
/// again and streamed by binary COPY into a staging table and merged, in one transaction with the audit record.
/// </summary>
public sealed class ProjectImporter(
    Database database,
    ImportRepository imports,
    ReferenceCatalog referenceData,
    IValidator<ProjectRequest> validator,
    ILogger<ProjectImporter> logger)
{
    private const int DatabaseCheckBatch = 5_000;
    private const int ValidationChunk = 2_000;

    /// <summary>The running import's counters, read by the heartbeat that reports progress.</summary>
    public sealed class Progress
    {
        private int processed;
        private volatile ImportState state = ImportState.Validating;
        public ImportState State { get => state; set => state = value; }
        public int Processed => Volatile.Read(ref processed);
        public void Step() => Interlocked.Increment(ref processed);
        public void Restart() => Volatile.Write(ref processed, 0);
    }

    /// <summary>Which column of the file each index holds (null: ignored), or what is wrong with the header row.</summary>
    public static (ProjectColumn?[] Columns, List<string> Problems) MapHeader(IReadOnlyList<string?> headers)
    {
        var problems = new List<string>();
        var columns = new ProjectColumn?[headers.Count];
        var seen = new HashSet<ProjectColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i]?.Trim();
            if (string.IsNullOrEmpty(header)) continue;
            if (ProjectSheet.Find(header) is not { } column)
            {
                problems.Add($"the column '{(header.Length > 40 ? header[..40] + "…" : header)}' is not known.");
                continue;
            }
            if (!seen.Add(column)) problems.Add($"the column {column.Zh} ({column.Field}) appears twice.");
            if (column != ProjectSheet.Id) columns[i] = column;
        }
        foreach (var missing in ProjectSheet.Columns.Where(column => column.Required && !seen.Contains(column)))
        {
            problems.Add($"the column {missing.Zh} ({missing.Field}) is required.");
        }
        if (problems.Count > 0)
        {
            problems.Add("Known columns: " + string.Join(", ", ProjectSheet.Columns.Select(column => $"{column.Zh} ({column.Field})")) + ".");
        }
        return (columns, problems);
    }

    public async Task RunAsync(long id, string path, Progress progress, CancellationToken cancellationToken)
    {
        // The file's SHA-256 was taken as it was uploaded; the audit record names the file by it.
        if (await imports.JobAsync(id, cancellationToken) is not var (actor, mode, allowDuplicates, format, fileName, sha256)) return;
        try
        {
            var reference = await referenceData.CurrentAsync(cancellationToken);
            var checkedFile = await ValidateAsync(path, format, actor, allowDuplicates, reference, progress, cancellationToken);
            var errors = checkedFile.Errors;
            var good = checkedFile.Total - checkedFile.BadRows.Count;
            if (errors.Count > 0 && mode == ImportMode.AllOrNothing)
            {
                await imports.FinishAsync(id, ImportState.Rejected, checkedFile.Total, errors.Count, errors, null, cancellationToken);
                logger.LogInformation("Import {Id} rejected: {Errors} problems in {Rows} rows", id, errors.Count, checkedFile.Total);
                return;
            }

            progress.State = ImportState.Writing;
            progress.Restart();
            await using var connection = await database.BulkAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var written = await ProjectBulkWriter.InsertAsync(connection, transaction, good,
                GoodRows(path, format, checkedFile.BadRows, reference, progress), actor.Name, skipExistingSeedKeys: false, cancellationToken);
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ImportCompleted, AuditActions.ImportEntity, id, null, new
            {
                importId = id, fileName, sha256 = Convert.ToHexStringLower(sha256), mode, rowsTotal = checkedFile.Total,
                rowsWritten = written.Inserted, badRows = checkedFile.BadRows.Count, firstProjectId = written.FirstId, lastProjectId = written.LastId,
            }, cancellationToken);
            await ImportRepository.FinishAsync(connection, transaction, id, ImportState.Succeeded, checkedFile.Total, written.Inserted, errors.Count, errors, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Import {Id} wrote {Written} projects ({Bad} bad rows left out)", id, written.Inserted, checkedFile.BadRows.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Import {Id} failed", id);
            var reason = e switch
            {
                PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => "a project code or name was recorded by someone else while the file was being checked; upload it again.",
                NpgsqlException or TimeoutException => "the database was unavailable; nothing was written. Upload the file again.",
                CsvHelper.CsvFormatException or InvalidDataException or IOException => $"the file could not be read ({e.Message}); nothing was written.",
                _ => "an unexpected error stopped the import; nothing was written. It has been logged.",
            };
            await imports.FinishAsync(id, ImportState.Failed, 0, 0, [], reason, CancellationToken.None);
        }
    }

    private sealed record CheckedFile(int Total, List<ImportError> Errors, HashSet<int> BadRows);

    /// <summary>The first pass: every row read, converted and checked; nothing written.</summary>
    private async Task<CheckedFile> ValidateAsync(string path, SheetFormat format, Actor actor, bool allowDuplicates, ReferenceSnapshot reference,
        Progress progress, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var badRows = new HashSet<int>();
        var namesInFile = new Dictionary<(string Place, string Name), int>();
        var codesInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(int Row, string Place, string Name, string? Code)>(DatabaseCheckBatch);
        var total = 0;

        using var reader = SheetReader.Open(path, format);
        var (columns, _) = MapHeader(reader.Headers);
        string HeaderOf(string field) =>
            Array.FindIndex(columns, column => column?.Field == field) is var index and >= 0 ? reader.Headers[index]?.Trim() ?? "" : "";
        void Fail(int row, string field, string message)
        {
            badRows.Add(row);
            errors.Add(new ImportError(row, HeaderOf(field), field, message));
        }

        // Rows are converted and validated in parallel, a chunk at a time (the validator is the costly part); the checks
        // that depend on earlier rows (duplicates) then run over the chunk in file order.
        foreach (var chunk in reader.Rows().Chunk(ValidationChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var results = new (ProjectRequest Request, List<(ProjectColumn Column, string Message)> Problems, FluentValidation.Results.ValidationResult Result)[chunk.Length];
            await Parallel.ForAsync(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken }, async (i, token) =>
            {
                var problems = new List<(ProjectColumn Column, string Message)>();
                var request = ProjectSheet.ToRequest(Cells(columns, chunk[i].Cells), reference, problems);
                results[i] = (request, problems, await validator.ValidateAsync(request, token));
                progress.Step();
            });

            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i].Row;
                var (request, problems, result) = results[i];
                total++;
                foreach (var (column, message) in problems) Fail(row, column.Field, message);
                foreach (var failure in result.Errors) Fail(row, FieldOf(failure.PropertyName), failure.ErrorMessage);
                if (problems.Count > 0 || !result.IsValid) continue;

                var place = reference.FindPlace(request.District)!.Code;
                if (!actor.Covers(place, reference))
                {
                    Fail(row, ProjectSheet.District.Field, actor.ScopeRefusal("projects", place));
                    continue;
                }
                var name = Text.Fold(request.NameZh!);
                if (!allowDuplicates && !namesInFile.TryAdd((place, name), row))
                {
                    Fail(row, ProjectSheet.NameZh.Field, $"row {namesInFile[(place, name)]} has the same name in the same place (set allowDuplicates=true to import both).");
                    continue;
                }
                if (request.ProjectCode is { } code && !codesInFile.TryAdd(code, row))
                {
                    Fail(row, ProjectSheet.ProjectCode.Field, $"row {codesInFile[code]} has the same project code.");
                    continue;
                }
                pending.Add((row, place, name, request.ProjectCode));
                if (pending.Count == DatabaseCheckBatch) await CheckAgainstDatabaseAsync(pending, allowDuplicates, Fail, cancellationToken);
            }
        }
        await CheckAgainstDatabaseAsync(pending, allowDuplicates, Fail, cancellationToken);
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new CheckedFile(total, errors, badRows);
    }

    /// <summary>Names already recorded in the same place, and project codes already taken, for a batch of good rows.</summary>
    private async Task CheckAgainstDatabaseAsync(List<(int Row, string Place, string Name, string? Code)> rows, bool allowDuplicates,
        Action<int, string, string> fail, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        const string Sql = """
            SELECT t.row, p.id, false AS by_code
            FROM unnest(@rows, @places, @names) AS t(row, place_code, normalized_name)
            JOIN projects p ON p.place_code = t.place_code AND p.normalized_name = t.normalized_name AND p.deleted_at IS NULL
            WHERE NOT @allowDuplicates
            UNION ALL
            SELECT t.row, p.id, true
            FROM unnest(@rows, @codes) AS t(row, project_code)
            JOIN projects p ON p.project_code = t.project_code;
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        var clashes = await connection.QueryAsync<(int Row, long Id, bool ByCode)>(new CommandDefinition(Sql, new
        {
            rows = rows.Select(r => r.Row).ToArray(),
            places = rows.Select(r => r.Place).ToArray(),
            names = rows.Select(r => r.Name).ToArray(),
            codes = rows.Select(r => r.Code).ToArray(),
            allowDuplicates,
        }, cancellationToken: cancellationToken));
        foreach (var (row, id, byCode) in clashes.DistinctBy(clash => (clash.Row, clash.ByCode)))
        {
            if (byCode) fail(row, ProjectSheet.ProjectCode.Field, $"project {id} already has this project code.");
            else fail(row, ProjectSheet.NameZh.Field, $"project {id} already has this name in this place (set allowDuplicates=true to import it anyway).");
        }
        rows.Clear();
    }

    /// <summary>The second pass: the good rows again, as the projects table stores them.</summary>
    private static IEnumerable<ProjectBulkWriter.Row> GoodRows(string path, SheetFormat format, HashSet<int> badRows, ReferenceSnapshot reference, Progress progress)
    {
        using var reader = SheetReader.Open(path, format);
        var (columns, _) = MapHeader(reader.Headers);
        var ignored = new List<(ProjectColumn, string)>();
        foreach (var (row, cells) in reader.Rows())
        {
            progress.Step();
            if (badRows.Contains(row)) continue;
            var request = ProjectSheet.ToRequest(Cells(columns, cells), reference, ignored);
            yield return new ProjectBulkWriter.Row(ProjectWrite.From(request, reference), SeedKey: null);
        }
    }

    private static Dictionary<ProjectColumn, string?> Cells(ProjectColumn?[] columns, string?[] cells)
    {
        var byColumn = new Dictionary<ProjectColumn, string?>(columns.Length);
        for (var i = 0; i < columns.Length && i < cells.Length; i++)
        {
            if (columns[i] is { } column) byColumn[column] = cells[i];
        }
        return byColumn;
    }

    /// <summary>The JSON field of a validator's property path: <c>Phases[0].Amount</c> → <c>phases</c>.</summary>
    private static string FieldOf(string propertyName)
    {
        var end = propertyName.IndexOfAny(['.', '[']);
        return JsonNamingPolicy.CamelCase.ConvertName(end < 0 ? propertyName : propertyName[..end]);
    }
}
