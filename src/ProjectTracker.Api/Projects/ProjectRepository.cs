using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Writes;
using Outcome = ProjectTracker.Api.Common.Writes.WriteOutcome<ProjectTracker.Api.Projects.Project>;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

public sealed class ProjectRepository(Database database, ReferenceCatalog referenceData, SearchStatistics search, IOptions<ProjectListOptions> listOptions)
{
    /// <summary>Advisory-lock namespace serialising creations of the same name in the same place.</summary>
    private const int NameLockNamespace = 7_001;

    private static readonly string SelectById = $"{ProjectColumns.Select}\nWHERE p.id = @id AND p.deleted_at IS NULL";

    public async Task<Project?> GetAsync(long id, CancellationToken cancellationToken)
    {
        ProjectRow? row;
        // The connection goes back to its pool before the row is named from the reference data, which may itself need
        // a connection of the same pool to reload: holding one while waiting for another starves a small pool.
        await using (var connection = await database.ReadAsync(cancellationToken))
        {
            row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(new CommandDefinition(SelectById, new { id }, cancellationToken: cancellationToken));
        }
        return row is null ? null : (await ToProjectsAsync([row], cancellationToken))[0];
    }

    private async Task<Project?> GetAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ProjectRow>(new CommandDefinition(SelectById, new { id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : (await ToProjectsAsync([row], cancellationToken))[0];
    }

    /// <summary>The next result set of <see cref="ProjectColumns.Select"/> rows, as projects (for queries other features run).</summary>
    public async Task<List<Project>> ReadAsync(SqlMapper.GridReader results, CancellationToken cancellationToken) =>
        await ToProjectsAsync((await results.ReadAsync<ProjectRow>()).AsList(), cancellationToken);

    /// <summary>Rows as projects, named from the reference data (reloaded first should a row name a code it lacks).</summary>
    private async Task<List<Project>> ToProjectsAsync(IReadOnlyCollection<ProjectRow> rows, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentWithAsync(snapshot => rows.All(row => row.IsDescribedBy(snapshot)), cancellationToken);
        return rows.Select(row => row.ToProject(reference)).ToList();
    }

    public Task<ProjectPage> ListAsync(ProjectListQuery query, CancellationToken cancellationToken) =>
        ListAsync(query, ProjectSort.TryParse(query.Sort, out var sort) ? sort : ProjectSort.Default,
            query.Limit ?? ProjectListQuery.DefaultLimit, query.Cursor, query.IncludeTotal, cancellationToken);

    /// <summary>How long a walk checking a common term row by row may take before the term's index answers instead (other filters can make a common term rare).</summary>
    private static readonly TimeSpan TextWalkBudget = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// One page in the given order, after the cursor, found the way that is cheap for these filters (<see cref="ProjectListing"/>);
    /// the total too when asked, counted up to <see cref="ProjectListOptions.CountAtMost"/>. Read from the replica when there is one.
    /// </summary>
    public async Task<ProjectPage> ListAsync(ProjectFilter filter, ProjectSort sort, int limit, string? cursorText, bool includeTotal, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var options = listOptions.Value;
        var listing = new ProjectListing(filter, sort, limit, PageCursor.TryDecode(cursorText, out var cursor) ? cursor : null, reference, options);
        // A common term (医疗器械: tens of thousands of matches) is found fastest by walking the list and checking the text;
        // a rare one through the bigram index (see SearchStatistics).
        var text = string.IsNullOrWhiteSpace(filter.Q) ? null : ProjectSearch.ForQuery(filter.Q);
        var commonText = text is var (tokens, _) && await search.IsCommonAsync(tokens, cancellationToken);

        var (rows, counted) = await ReadPageAsync(listing, rareText: text is not null && !commonText, commonText, includeTotal, cancellationToken);
        long? total = counted is { } count ? Math.Min(count, options.CountAtMost) : null;

        var projects = await ToProjectsAsync(rows, cancellationToken);
        string? next = null;
        if (projects.Count > limit)
        {
            projects.RemoveAt(projects.Count - 1);
            var last = projects[^1];
            next = new PageCursor(sort.Name, sort.Key.ValueOf(last), last.Id).Encode();
        }
        return new ProjectPage(projects, next, total, counted > options.CountAtMost);
    }

    /// <summary>The page's rows (and the capped count when asked), on one connection of the queries' pool, given back before the rows are named.</summary>
    private async Task<(List<ProjectRow> Rows, long? Count)> ReadPageAsync(ProjectListing listing, bool rareText, bool commonText, bool includeTotal,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.QueryAsync(cancellationToken);
        List<ProjectRow> rows;
        if (listing.IsSelective(rareText) || (listing.NeedsEstimate && await ShouldCollectAsync(connection, listing, cancellationToken)))
        {
            rows = await RowsAsync(connection, listing.Collect(), cancellationToken);
        }
        else if (commonText)
        {
            rows = await WalkTextAsync(connection, listing, cancellationToken);
        }
        else
        {
            rows = await RowsAsync(connection, listing.Walk(), cancellationToken);
        }
        return (rows, includeTotal ? await CountAsync(connection, listing.Total(), cancellationToken) : null);
    }

    /// <summary>A walk that checks a common term row by row, within a time budget; past it, the term's index answers.</summary>
    private static async Task<List<ProjectRow>> WalkTextAsync(NpgsqlConnection connection, ProjectListing listing, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition($"SET LOCAL statement_timeout = {(int)TextWalkBudget.TotalMilliseconds}", transaction: transaction, cancellationToken: cancellationToken));
            var (sql, parameters) = listing.Walk();
            var rows = (await connection.QueryAsync<ProjectRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).AsList();
            await transaction.CommitAsync(cancellationToken);
            return rows;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            return await RowsAsync(connection, listing.Collect(), cancellationToken);
        }
    }

    private static async Task<List<ProjectRow>> RowsAsync(NpgsqlConnection connection, (string Sql, DynamicParameters Parameters) query, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ProjectRow>(new CommandDefinition(query.Sql, query.Parameters, cancellationToken: cancellationToken))).AsList();

    /// <summary>Whether the planner's estimates (of the matches, and of the projects a walk's branches hold) say to collect.</summary>
    private static async Task<bool> ShouldCollectAsync(NpgsqlConnection connection, ProjectListing listing, CancellationToken cancellationToken)
    {
        var (sql, parameters) = listing.Estimates();
        await using var plans = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        static double Rows(string plan)
        {
            using var json = System.Text.Json.JsonDocument.Parse(plan);
            return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        var matches = Rows(await plans.ReadSingleAsync<string>());
        var held = Rows(await plans.ReadSingleAsync<string>());
        double? heldByStatus = plans.IsConsumed ? null : Rows(await plans.ReadSingleAsync<string>());
        return listing.ShouldCollect(matches, held, heldByStatus);
    }

    private static Task<long> CountAsync(NpgsqlConnection connection, (string Sql, DynamicParameters Parameters) query, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(query.Sql, query.Parameters, cancellationToken: cancellationToken));

    public Task<Outcome> CreateAsync(ProjectRequest request, bool allowDuplicate, Actor actor, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction, reference) =>
            CreateAsync(connection, transaction, request, allowDuplicate, actor, reference, note: null, cancellationToken), cancellationToken);

    /// <summary>
    /// One write in a transaction of its own: committed when it saved or deleted, rolled back on any refusal, and run
    /// again whole should PostgreSQL abort it as a deadlock victim (<see cref="TransientConflicts"/>).
    /// </summary>
    private Task<Outcome> WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, ReferenceSnapshot, Task<Outcome>> write,
        CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
                await write(connection, transaction, await referenceData.CurrentAsync(cancellationToken)),
            outcome => outcome.Succeeded, cancellationToken);

    /// <summary>Creates a project inside the caller's transaction (which the caller commits, or rolls back on any other result).</summary>
    internal async Task<Outcome> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ProjectRequest request,
        bool allowDuplicate, Actor actor, ReferenceSnapshot reference, string? note, CancellationToken cancellationToken)
    {
        var write = ProjectWrite.From(request, reference);
        if (OutOfScope(actor, reference, write.PlaceCode) is { } forbidden) return forbidden;
        if (!allowDuplicate && await FindSameNameAsync(connection, transaction, write, cancellationToken) is { } existing)
        {
            return new Outcome.Duplicate(existing, $"/api/projects/{existing}",
                $"Project {existing} already has this name in this place. Send allowDuplicate=true to record another one anyway.");
        }

        var id = await InsertAsync(connection, transaction, write, seedKey: null, cancellationToken);
        await AddHistoryAsync(connection, transaction, id, ProjectEvent.Created, null, request.Status, StatusDate(request), note, actor.Name, cancellationToken);
        var project = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ProjectCreated, AuditActions.ProjectEntity, id, null, project, cancellationToken);
        return new Outcome.Saved(project);
    }

    /// <summary>
    /// The id of a live project with the same folded name in the same place. Creations of one name in
    /// one place are serialised by a transaction-scoped advisory lock, so two concurrent requests
    /// cannot both find nothing and both insert.
    /// </summary>
    private static async Task<long?> FindSameNameAsync(DbConnection connection, DbTransaction transaction, ProjectWrite write, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT pg_advisory_xact_lock(@lockNamespace, hashtext(@PlaceCode || '/' || @NormalizedName));
            SELECT id FROM projects
            WHERE place_code = @PlaceCode AND normalized_name = @NormalizedName AND deleted_at IS NULL
            ORDER BY id LIMIT 1;
            """;
        var parameters = new DynamicParameters(new { write.PlaceCode, write.NormalizedName, lockNamespace = NameLockNamespace });
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
        await results.ReadAsync();
        return await results.ReadSingleOrDefaultAsync<long?>();
    }

    internal static Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, ProjectWrite write, string? seedKey, CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO projects ({ProjectColumns.Names}, seed_key)\nVALUES ({ProjectColumns.Parameters}, @seedKey)\nRETURNING id";
        var parameters = new DynamicParameters(write);
        parameters.Add("seedKey", seedKey);
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Replaces a project's fields when its version is still <paramref name="expectedVersion"/> (null: any) and its
    /// status is unchanged. The row is locked first, so the checks and the write see the same version.
    /// </summary>
    public Task<Outcome> UpdateAsync(long id, int? expectedVersion, ProjectRequest request, Actor actor, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction, reference) =>
            await UpdateAsync(connection, transaction, id, await LockAsync(connection, transaction, id, cancellationToken), expectedVersion,
                request, ProjectWrite.From(request, reference), actor, reference, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Updates a project, already locked by the caller's transaction (<paramref name="before"/>, null when there is none),
    /// to <paramref name="write"/> (the stored form of <paramref name="request"/>), and records it.
    /// </summary>
    private async Task<Outcome> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, Project? before, int? expectedVersion,
        ProjectRequest request, ProjectWrite write, Actor actor, ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        var sql = $"UPDATE projects SET {ProjectColumns.UpdateSet}, version = version + 1, updated_at = now()\nWHERE id = @id";
        if ((Refusal(id, before, expectedVersion, actor, reference) ?? OutOfScope(actor, reference, write.PlaceCode)) is { } refused) return refused;
        if (before!.Status != request.Status)
        {
            return new Outcome.Refused("status-by-its-endpoint",
                $"the project is {EnumNames.Of(before.Status)}, not {EnumNames.Of(request.Status!.Value)}: status changes go through POST /api/projects/{id}/status.");
        }

        var parameters = new DynamicParameters(write);
        parameters.Add("id", id);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        var after = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ProjectUpdated, AuditActions.ProjectEntity, id, before, after, cancellationToken);
        return new Outcome.Saved(after);
    }

    /// <summary>
    /// Makes a project what a whole record says (a spreadsheet row edited after an export), inside the caller's transaction:
    /// a new status is a status change first (its rules, history and audit, dated by the record's date for that stage), then
    /// the rest is an update. <paramref name="expectedVersion"/> is checked once, before either. A record that says what the
    /// project already holds changes nothing (no new version, no audit record): Changed is false.
    /// </summary>
    internal async Task<(Outcome Outcome, bool Changed)> ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, int expectedVersion,
        ProjectRequest request, ProjectWrite write, Actor actor, ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        var before = await LockAsync(connection, transaction, id, cancellationToken);
        if (Refusal(id, before, expectedVersion, actor, reference) is { } refused) return (refused, false);
        if (before!.Status != request.Status)
        {
            var change = new StatusChangeRequest { Status = request.Status, Date = StatusDate(request) };
            var changed = await ChangeStatusAsync(connection, transaction, id, before, expectedVersion, change, actor, reference, cancellationToken);
            if (changed is not Outcome.Saved(var project)) return (changed, false);
            before = project;
        }
        else if (await HoldsAsync(connection, transaction, id, write, cancellationToken))
        {
            return (new Outcome.Saved(before), false);
        }
        var updated = await UpdateAsync(connection, transaction, id, before, before.Version, request, write, actor, reference, cancellationToken);
        return (updated, updated.Succeeded);
    }

    /// <summary>Whether the project already holds everything an update to <paramref name="write"/> would set.</summary>
    private static Task<bool> HoldsAsync(DbConnection connection, DbTransaction transaction, long id, ProjectWrite write, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(write);
        parameters.Add("id", id);
        return connection.ExecuteScalarAsync<bool>(new CommandDefinition($"SELECT {ProjectColumns.HoldsUpdate} FROM projects WHERE id = @id", parameters, transaction,
            cancellationToken: cancellationToken));
    }

    public Task<Outcome> ChangeStatusAsync(long id, int? expectedVersion, StatusChangeRequest change, Actor actor, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction, reference) =>
            await ChangeStatusAsync(connection, transaction, id, await LockAsync(connection, transaction, id, cancellationToken), expectedVersion, change, actor, reference, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Moves a project, already locked by the caller's transaction (<paramref name="before"/>, null when there is none), to a
    /// new status, setting or (for corrections) clearing the stage dates, and records it.
    /// </summary>
    internal async Task<Outcome> ChangeStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, Project? before, int? expectedVersion,
        StatusChangeRequest change, Actor actor, ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        const string Update = """
            UPDATE projects SET
                status = @status::project_status,
                signed_on = @signedOn, signed_on_precision = @signedOnPrecision::date_precision,
                started_on = @startedOn, started_on_precision = @startedOnPrecision::date_precision,
                completed_on = @completedOn, completed_on_precision = @completedOnPrecision::date_precision,
                version = version + 1, updated_at = now()
            WHERE id = @id
            """;
        if (Refusal(id, before, expectedVersion, actor, reference) is { } refused) return refused;

        var target = change.Status!.Value;
        if (ProjectRules.TransitionRefusal(before!.Status, target, change.Correction == true) is { } refusal)
        {
            return new Outcome.Refused("status-transition", refusal);
        }
        var (signed, started, completed) = StagesAfter(before, target, change.Date);
        if (!ProjectRules.InOrder(signed, started))
            return new Outcome.Invalid("date", $"the start ({started}) cannot be before the signing ({signed}).");
        if (!ProjectRules.InOrder(started ?? signed, completed))
            return new Outcome.Invalid("date", $"the completion ({completed}) cannot be before the {(started is null ? "signing" : "start")} ({started ?? signed}).");

        await connection.ExecuteAsync(new CommandDefinition(Update, new
        {
            id,
            status = EnumNames.Of(target),
            signedOn = signed?.Start, signedOnPrecision = DbEnumName(signed),
            startedOn = started?.Start, startedOnPrecision = DbEnumName(started),
            completedOn = completed?.Start, completedOnPrecision = DbEnumName(completed),
        }, transaction, cancellationToken: cancellationToken));
        await AddHistoryAsync(connection, transaction, id, change.Correction == true ? ProjectEvent.Corrected : ProjectEvent.StatusChanged,
            before.Status, target, change.Date, change.Note, actor.Name, cancellationToken);
        var after = (await GetAsync(connection, transaction, id, cancellationToken))!;
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ProjectStatusChanged, AuditActions.ProjectEntity, id, before, after, cancellationToken);
        return new Outcome.Saved(after);
    }

    /// <summary>The stage dates once the project is in <paramref name="target"/>: its own date set, later stages' dates cleared.</summary>
    private static (PartialDate? Signed, PartialDate? Started, PartialDate? Completed) StagesAfter(Project current, ProjectStatus target, PartialDate? date) => target switch
    {
        ProjectStatus.Intent => (null, null, null),
        ProjectStatus.Signed => (date ?? current.SignedOn, null, null),
        ProjectStatus.Started => (current.SignedOn, date ?? current.StartedOn, null),
        ProjectStatus.Completed => (current.SignedOn, current.StartedOn, date ?? current.CompletedOn),
        _ => (current.SignedOn, current.StartedOn, current.CompletedOn),
    };

    /// <summary>Soft delete: the row stays (with its history) but no longer appears.</summary>
    public Task<Outcome> DeleteAsync(long id, int? expectedVersion, Actor actor, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction, reference) =>
        {
            const string Sql = "UPDATE projects SET deleted_at = now(), updated_at = now(), version = version + 1 WHERE id = @id";
            var before = await LockAsync(connection, transaction, id, cancellationToken);
            if (Refusal(id, before, expectedVersion, actor, reference) is { } refused) return refused;

            await connection.ExecuteAsync(new CommandDefinition(Sql, new { id }, transaction, cancellationToken: cancellationToken));
            await AddHistoryAsync(connection, transaction, id, ProjectEvent.Deleted, before!.Status, null, null, null, actor.Name, cancellationToken);
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.ProjectDeleted, AuditActions.ProjectEntity, id, before, null, cancellationToken);
            return new Outcome.Deleted();
        }, cancellationToken);

    /// <summary>A live project, locked until the transaction ends; null when there is none.</summary>
    private async Task<Project?> LockAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken) =>
        (await LockAllAsync(connection, transaction, [id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>
    /// Live projects, locked until the transaction ends, in id order — the order every writer takes them in, so that two
    /// transactions wanting the same projects queue instead of deadlocking. Missing ids are absent from the answer.
    /// </summary>
    internal async Task<Dictionary<long, Project>> LockAllAsync(DbConnection connection, DbTransaction transaction, long[] ids, CancellationToken cancellationToken)
    {
        var sql = $"{ProjectColumns.Select}\nWHERE p.id = ANY(@ids) AND p.deleted_at IS NULL\nORDER BY p.id\nFOR UPDATE";
        var rows = (await connection.QueryAsync<ProjectRow>(new CommandDefinition(sql, new { ids }, transaction, cancellationToken: cancellationToken))).AsList();
        return (await ToProjectsAsync(rows, cancellationToken)).ToDictionary(project => project.Id);
    }

    /// <summary>Why a write of a locked project cannot go ahead: it is gone, it changed since read, or it lies outside the key's districts.</summary>
    internal static Outcome? Refusal(long id, Project? current, int? expectedVersion, Actor actor, ReferenceSnapshot reference)
    {
        if (current is null) return new Outcome.NotFound($"There is no project {id}.");
        if (expectedVersion is { } expected && expected != current.Version) return new Outcome.Stale("project", current.Version);
        return OutOfScope(actor, reference, current.District.Code);
    }

    private static Outcome? OutOfScope(Actor actor, ReferenceSnapshot reference, string placeCode) =>
        actor.Covers(placeCode, reference)
            ? null
            : new Outcome.Forbidden(actor.ScopeRefusal("projects", placeCode));

    /// <summary>The history of a project, deleted ones included; null when there is no such project.</summary>
    public async Task<IReadOnlyList<ProjectHistoryEntry>?> HistoryAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM projects WHERE id = @id);
            SELECT id, event, from_status, to_status, status_date, status_date_precision, note, actor, recorded_at
            FROM project_history WHERE project_id = @id ORDER BY id;
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
        if (!await results.ReadSingleAsync<bool>()) return null;
        return (await results.ReadAsync<HistoryRow>()).Select(row => row.ToEntry()).ToList();
    }

    /// <summary>Where a project's facts come from; null when there is no such project.</summary>
    public async Task<IReadOnlyList<ProjectSource>?> SourcesAsync(long id, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT EXISTS (SELECT 1 FROM projects WHERE id = @id AND deleted_at IS NULL);
            SELECT d.code, d.title, d.publisher, d.published_on, d.published_on_precision, d.file_name, s.locator, s.facts
            FROM project_sources s JOIN documents d ON d.code = s.document_code
            WHERE s.project_id = @id
            ORDER BY d.published_on NULLS LAST, d.code, s.locator;
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
        if (!await results.ReadSingleAsync<bool>()) return null;
        return (await results.ReadAsync<SourceRow>()).Select(row => row.ToSource()).ToList();
    }

    internal static Task AddHistoryAsync(DbConnection connection, DbTransaction transaction, long projectId, ProjectEvent projectEvent,
        ProjectStatus? from, ProjectStatus? to, PartialDate? date, string? note, string? actor, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO project_history (project_id, event, from_status, to_status, status_date, status_date_precision, note, actor)
            VALUES (@projectId, @event::project_event, @from::project_status, @to::project_status, @date, @precision::date_precision, @note, @actor)
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            projectId,
            @event = EnumNames.Of(projectEvent),
            from = StatusName(from),
            to = StatusName(to),
            date = date?.Start,
            precision = DbEnumName(date),
            note,
            actor,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static PartialDate? StatusDate(ProjectRequest request) => request.Status switch
    {
        ProjectStatus.Signed => request.SignedOn,
        ProjectStatus.Started => request.StartedOn,
        ProjectStatus.Completed => request.CompletedOn,
        _ => null,
    };

    private static string? StatusName(ProjectStatus? status) => status is { } s ? EnumNames.Of(s) : null;

    private static string? DbEnumName(PartialDate? date) => date is { } d ? EnumNames.Of(d.Precision) : null;

    private sealed class HistoryRow
    {
        public long Id { get; init; }
        public ProjectEvent Event { get; init; }
        public ProjectStatus? FromStatus { get; init; }
        public ProjectStatus? ToStatus { get; init; }
        public DateOnly? StatusDate { get; init; }
        public DatePrecision? StatusDatePrecision { get; init; }
        public string? Note { get; init; }
        public string? Actor { get; init; }
        public DateTime RecordedAt { get; init; }

        public ProjectHistoryEntry ToEntry() => new(Id, Event, FromStatus, ToStatus,
            PartialDate.FromColumns(StatusDate, StatusDatePrecision), Note, Actor, RecordedAt.AsUtc());
    }

    private sealed class SourceRow
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Publisher { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public DatePrecision? PublishedOnPrecision { get; init; }
        public string? FileName { get; init; }
        public string Locator { get; init; } = "";
        public string[] Facts { get; init; } = [];

        public ProjectSource ToSource() => new(
            new SourceDocument(Code, Title, Publisher, PartialDate.FromColumns(PublishedOn, PublishedOnPrecision), FileName), Locator, Facts);
    }
}
