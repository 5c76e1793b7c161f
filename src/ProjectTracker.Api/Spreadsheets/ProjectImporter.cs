using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using ProjectTracker.Api.Common.Data;
using FluentValidation;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Writes;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>
/// Imports a spreadsheet of projects in one pass over the saved file, a chunk at a time and in constant memory: each
/// chunk's rows are read, converted and checked with the same validator as POST /api/projects (plus the key's districts
/// and duplicate names and project codes, within the file and against the database), and its good rows are written while
/// the next chunk is being checked: new projects by binary COPY and a merge, rows that name a project by its 编号 as an
/// update of it (a bulk edit of an export), each with its own checks, history and audit record. Everything is one
/// transaction with the import's audit record: a rejected or failed import is rolled back whole.
/// </summary>
public sealed class ProjectImporter(
    Database database,
    ImportRepository imports,
    ReferenceCatalog referenceData,
    ProjectRepository projects,
    IValidator<ProjectRequest> validator,
    Microsoft.Extensions.Options.IOptions<ImportOptions> options,
    ILogger<ProjectImporter> logger)
{
    /// <summary>The running import's counters, read by the heartbeat that reports progress.</summary>
    public sealed class Progress
    {
        private int processed;
        private volatile ImportState state = ImportState.Validating;
        public ImportState State { get => state; set => state = value; }
        public int Processed => Volatile.Read(ref processed);
        public void Step() => Interlocked.Increment(ref processed);
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
            columns[i] = column;
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
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var reference = await referenceData.CurrentAsync(cancellationToken);
            await using var connection = await database.BulkAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var file = await ReadAndWriteAsync(path, format, actor, mode, allowDuplicates, reference, progress, connection, transaction, cancellationToken);
            var errors = file.Errors;
            if (errors.Count > 0 && mode == ImportMode.AllOrNothing)
            {
                await transaction.RollbackAsync(cancellationToken);
                await imports.FinishAsync(id, ImportState.Rejected, file.Total, errors.Count, errors, null, cancellationToken);
                logger.LogInformation("Import {Id} rejected: {Errors} problems in {Rows} rows", id, errors.Count, file.Total);
                return;
            }

            progress.State = ImportState.Writing;
            var written = file.Written;
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ImportCompleted, AuditActions.ImportEntity, id, null, new
            {
                importId = id, fileName, sha256 = Convert.ToHexStringLower(sha256), mode, rowsTotal = file.Total,
                rowsWritten = written.Inserted, rowsUpdated = file.Updated, badRows = file.BadRows, firstProjectId = written.FirstId, lastProjectId = written.LastId,
            }, cancellationToken);
            await ImportRepository.FinishAsync(connection, transaction, id, ImportState.Succeeded, file.Total, written.Inserted, file.Updated, errors.Count, errors, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Import {Id} wrote {Written} projects and updated {Updated} ({Bad} bad rows left out) in {Seconds:F1} s, of which {MergeSeconds:F1} s merging new ones into projects",
                id, written.Inserted, file.Updated, file.BadRows, clock.Elapsed.TotalSeconds, written.Merging.TotalSeconds);
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

    /// <summary>What one pass over the file found and wrote (inside the transaction, not yet committed).</summary>
    private sealed record FileOutcome(int Total, List<ImportError> Errors, int BadRows, ProjectBulkWriter.Result Written, int Updated);

    /// <summary>A row that passed the checks made without the database: what it says (and stores), and the project it updates (null: a new one).</summary>
    private sealed record GoodRow(int Row, ProjectRequest Request, ProjectWrite Write, (long Id, int Version)? Updates);

    /// <summary>
    /// The one pass: every row read, converted and checked, a chunk at a time; each chunk's good rows are written while the
    /// next chunk is checked (the database writes on its core while the API checks on the others). Once an all-or-nothing
    /// import has a bad row nothing more is written, but every row is still checked so the report lists them all.
    /// </summary>
    private async Task<FileOutcome> ReadAndWriteAsync(string path, SheetFormat format, Actor actor, ImportMode mode, bool allowDuplicates,
        ReferenceSnapshot reference, Progress progress, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var reader = SheetReader.Open(path, format);
        var (columns, _) = MapHeader(reader.Headers);
        var report = new FileReport(reader.Headers, columns);
        var writer = new ChunkWriter(projects, connection, transaction, actor, reference);
        var writing = Task.FromResult(new List<ImportError>());
        // One core is left to the database, which writes the chunk before while these rows are checked.
        var checking = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<(int Row, string?[] Cells)[]>(1);
        // The file is read a chunk ahead, beside the checks: reading a workbook costs as much as checking its rows.
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in Chunks(reader.Rows(), options.Value.RowsPerChunk)) await chunks.Writer.WriteAsync(chunk, stopReading.Token);
                chunks.Writer.Complete();
            }
            catch (Exception e)
            {
                chunks.Writer.Complete(e);
            }
        }, stopReading.Token);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                // Converting and validating (the costly part) run in parallel; the checks that depend on earlier rows
                // (duplicates) then run over the chunk in file order.
                var rows = new CheckedRow[chunk.Length];
                await Parallel.ForAsync(0, chunk.Length, checking, async (i, token) =>
                {
                    rows[i] = await CheckAsync(chunk[i].Row, Cells(columns, chunk[i].Cells), reference, token);
                    progress.Step();
                });
                var good = report.Check(rows, actor, reference, allowDuplicates);
                // Against what is committed, from a connection of its own: this import's earlier chunks were checked within the file.
                await CheckAgainstDatabaseAsync(good, allowDuplicates, report.Fail, cancellationToken);

                report.Add(await writing);
                if (mode == ImportMode.AllOrNothing && report.Errors.Count > 0) continue;
                var toWrite = good.Where(row => !report.BadRows.Contains(row.Row)).ToList();
                if (toWrite.Count > 0) writing = writer.WriteAsync(toWrite, cancellationToken);
            }
            report.Add(await writing);
        }
        finally
        {
            // Never leave a command running on the connection, nor a read of the file, that the caller is about to dispose.
            await stopReading.CancelAsync();
            await Task.WhenAll(Task.WhenAny(writing), Task.WhenAny(reading));
        }
        report.Errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new FileOutcome(report.Total, report.Errors, report.BadRows.Count, writer.Written, writer.Updated);
    }

    /// <summary>A row read and checked on its own: what it says, its stored form when it is valid, and what is wrong with it.</summary>
    private sealed record CheckedRow(int Row, ProjectRequest Request, ProjectWrite? Write, (long Id, int Version)? Updates,
        List<(ProjectColumn Column, string Message)> Problems, FluentValidation.Results.ValidationResult Validation);

    private async Task<CheckedRow> CheckAsync(int row, Dictionary<ProjectColumn, string?> cells, ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        var problems = new List<(ProjectColumn Column, string Message)>();
        var updates = ProjectSheet.ToIdentity(cells, problems);
        var request = ProjectSheet.ToRequest(cells, reference, problems);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        var write = problems.Count == 0 && validation.IsValid ? ProjectWrite.From(request, reference) : null;
        return new CheckedRow(row, request, write, updates, problems, validation);
    }

    /// <summary>An import's report as it grows (its bad rows, each problem under the file's own header), and the checks that depend on earlier rows.</summary>
    private sealed class FileReport(IReadOnlyList<string?> headers, ProjectColumn?[] columns)
    {
        private readonly Dictionary<(string Place, string Name), int> namesInFile = [];
        private readonly Dictionary<string, int> codesInFile = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> idsInFile = [];

        public List<ImportError> Errors { get; } = [];
        public HashSet<int> BadRows { get; } = [];
        public int Total { get; private set; }

        public void Fail(int row, string field, string message)
        {
            BadRows.Add(row);
            var index = Array.FindIndex(columns, column => column?.Field == field);
            Errors.Add(new ImportError(row, index >= 0 ? headers[index]?.Trim() ?? "" : "", field, message));
        }

        public void Add(IEnumerable<ImportError> refusals)
        {
            foreach (var refusal in refusals) Fail(refusal.Row, refusal.Field, refusal.Message);
        }

        /// <summary>The rows of a chunk that are valid, in the key's districts, and not a repeat of an earlier row (project, name, code).</summary>
        public List<GoodRow> Check(CheckedRow[] rows, Actor actor, ReferenceSnapshot reference, bool allowDuplicates)
        {
            var good = new List<GoodRow>(rows.Length);
            foreach (var (row, request, write, updates, problems, validation) in rows)
            {
                Total++;
                foreach (var (column, message) in problems) Fail(row, column.Field, message);
                foreach (var failure in validation.Errors) Fail(row, FieldOf(failure.PropertyName), failure.ErrorMessage);
                if (write is null) continue;

                var place = write.PlaceCode;
                if (!actor.Covers(place, reference))
                {
                    Fail(row, ProjectSheet.District.Field, actor.ScopeRefusal("projects", place));
                    continue;
                }
                if (updates is var (id, _) && !idsInFile.TryAdd(id, row))
                {
                    Fail(row, ProjectSheet.Id.Field, $"row {idsInFile[id]} updates the same project {id}: keep one row per project.");
                    continue;
                }
                if (!allowDuplicates && !namesInFile.TryAdd((place, write.NormalizedName), row))
                {
                    Fail(row, ProjectSheet.NameZh.Field, $"row {namesInFile[(place, write.NormalizedName)]} has the same name in the same place (set allowDuplicates=true to import both).");
                    continue;
                }
                if (request.ProjectCode is { } code && !codesInFile.TryAdd(code, row))
                {
                    Fail(row, ProjectSheet.ProjectCode.Field, $"row {codesInFile[code]} has the same project code.");
                    continue;
                }
                good.Add(new GoodRow(row, request, write, updates));
            }
            return good;
        }
    }

    /// <summary>Writes an import's good rows a chunk at a time, in the import's transaction, and counts what it wrote.</summary>
    private sealed class ChunkWriter(ProjectRepository projects, NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, ReferenceSnapshot reference)
    {
        public ProjectBulkWriter.Result Written { get; private set; } = new(0, null, null, TimeSpan.Zero);
        public int Updated { get; private set; }

        /// <summary>
        /// New projects by COPY and one merge, then each update on its own savepoint. It runs beside the checks of the
        /// next chunk, so it answers the refused updates instead of recording them in the report itself.
        /// </summary>
        public async Task<List<ImportError>> WriteAsync(List<GoodRow> rows, CancellationToken cancellationToken)
        {
            var creations = rows.Where(row => row.Updates is null).Select(row => new ProjectBulkWriter.Row(row.Write, SeedKey: null)).ToList();
            var chunk = await ProjectBulkWriter.InsertAsync(connection, transaction, creations.Count, creations, actor.Name, skipExistingSeedKeys: false, cancellationToken);
            Written = new ProjectBulkWriter.Result(Written.Inserted + chunk.Inserted, Written.FirstId ?? chunk.FirstId, chunk.LastId ?? Written.LastId,
                Written.Merging + chunk.Merging);
            var refused = new List<ImportError>();
            foreach (var row in rows.Where(row => row.Updates is not null))
            {
                var (id, version) = row.Updates!.Value;
                await transaction.SaveAsync("import_row", cancellationToken);
                var (outcome, changed) = await projects.ReplaceAsync(connection, transaction, id, version, row.Request, row.Write, actor, reference, cancellationToken);
                if (outcome.Succeeded)
                {
                    await transaction.ReleaseAsync("import_row", cancellationToken);
                    if (changed) Updated++;
                    continue;
                }
                await transaction.RollbackAsync("import_row", cancellationToken);
                var (field, message) = UpdateRefusal(id, version, row.Request, outcome);
                refused.Add(new ImportError(row.Row, "", field, message));
            }
            return refused;
        }
    }

    /// <summary>Why a row's update of project <paramref name="id"/> was refused, as the field and message of a bad row.</summary>
    private static (string Field, string Message) UpdateRefusal(long id, int fileVersion, ProjectRequest request, WriteOutcome<Project> outcome) => outcome switch
    {
        WriteOutcome<Project>.Stale(_, var now) => (ProjectSheet.Version.Field,
            $"project {id} changed after the export (the file has 版本 {fileVersion}, it is now at {now}): export it again and redo this row's changes."),
        WriteOutcome<Project>.NotFound(var detail, _) => (ProjectSheet.Id.Field, detail + " Leave 编号 empty to create a project."),
        WriteOutcome<Project>.Forbidden(var detail) => (ProjectSheet.District.Field, detail),
        WriteOutcome<Project>.Invalid("date", var message) => (request.Status switch
        {
            ProjectStatus.Completed => ProjectSheet.CompletedOn.Field,
            ProjectStatus.Started => ProjectSheet.StartedOn.Field,
            _ => ProjectSheet.SignedOn.Field,
        }, message),
        WriteOutcome<Project>.Invalid(var field, var message) => (field, message),
        WriteOutcome<Project>.Refused(_, var detail) => (ProjectSheet.Status.Field, detail),
        WriteOutcome<Project>.Duplicate(_, _, var detail, _) => (ProjectSheet.NameZh.Field, detail),
        _ => (ProjectSheet.Id.Field, $"project {id} could not be updated."),
    };

    /// <summary>
    /// Names already recorded in the same place (for new projects; an update, like PUT, may keep or take any name) and
    /// project codes taken by another project, for a chunk's good rows.
    /// </summary>
    private async Task CheckAgainstDatabaseAsync(List<GoodRow> rows, bool allowDuplicates, Action<int, string, string> fail, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        const string Sql = """
            SELECT t.row, p.id, false AS by_code
            FROM unnest(@rows, @ids, @places, @names) AS t(row, id, place_code, normalized_name)
            JOIN projects p ON p.place_code = t.place_code AND p.normalized_name = t.normalized_name AND p.deleted_at IS NULL
            WHERE NOT @allowDuplicates AND t.id IS NULL
            UNION ALL
            SELECT t.row, p.id, true
            FROM unnest(@rows, @ids, @codes) AS t(row, id, project_code)
            JOIN projects p ON p.project_code = t.project_code AND p.id IS DISTINCT FROM t.id;
            """;
        // An import's own pool: no statement timeout made for reads by id, and never one of the connections those need.
        await using var connection = await database.BulkAsync(cancellationToken);
        var clashes = await connection.QueryAsync<(int Row, long Id, bool ByCode)>(new CommandDefinition(Sql, new
        {
            rows = rows.Select(r => r.Row).ToArray(),
            ids = rows.Select(r => r.Updates?.Id).ToArray(),
            places = rows.Select(r => r.Write.PlaceCode).ToArray(),
            names = rows.Select(r => r.Write.NormalizedName).ToArray(),
            codes = rows.Select(r => r.Request.ProjectCode).ToArray(),
            allowDuplicates,
        }, cancellationToken: cancellationToken));
        foreach (var (row, id, byCode) in clashes.DistinctBy(clash => (clash.Row, clash.ByCode)))
        {
            if (byCode) fail(row, ProjectSheet.ProjectCode.Field, $"project {id} already has this project code.");
            else fail(row, ProjectSheet.NameZh.Field, $"project {id} already has this name in this place (set allowDuplicates=true to import it anyway).");
        }
    }

    /// <summary>The rows in chunks of <paramref name="size"/>, but a tenth of that first: the database starts merging sooner.</summary>
    private static IEnumerable<T[]> Chunks<T>(IEnumerable<T> rows, int size)
    {
        var chunk = new List<T>();
        var limit = Math.Max(1, size / 10);
        foreach (var row in rows)
        {
            chunk.Add(row);
            if (chunk.Count < limit) continue;
            yield return [.. chunk];
            chunk.Clear();
            limit = size;
        }
        if (chunk.Count > 0) yield return [.. chunk];
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
