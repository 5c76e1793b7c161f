using System.Text.Json;
using Dapper;
using FluentValidation;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Writes;
using ProjectTracker.Api.Events;
using ProjectTracker.Api.Intake.Reading;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Intake;

/// <summary>
/// Submitted documents, their drafts and batches, and the decisions on them. Accepting goes through the API's own write
/// paths — a draft through <see cref="ProjectRepository.CreateAsync(NpgsqlConnection, NpgsqlTransaction, ProjectRequest, bool, Actor, ReferenceSnapshot, string?, CancellationToken)"/>
/// (validator, district scope, duplicate check, history, audit), a batch through <see cref="EventRepository"/> — in the
/// transaction that marks the draft decided and records the document and quote as the project's source.
/// </summary>
public sealed class IntakeRepository(Database database, ReferenceCatalog referenceData, ProjectRepository projects, EventRepository events,
    IValidator<ProjectRequest> projectValidator, IValidator<EventRequest> eventValidator, IValidator<IntakeDocumentRequest> documentValidator)
{
    private static JsonSerializerOptions Json => ApiServices.Json;

    /// <summary>Reads the text, registers the document as a source and stores what was found, in one transaction.</summary>
    public async Task<IntakeDocument> SubmitAsync(IntakeDocumentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var text = request.Text!;
        var extraction = new IntakeExtractor(reference).Extract(text, request.PublishedOn?.End);
        var id = await database.InTransactionAsync(async (connection, transaction) =>
        {
            const string Sql = """
                WITH document AS (
                    INSERT INTO documents (code, title, published_on, published_on_precision)
                    VALUES ('intake-' || nextval('intake_document_codes'), @title, @publishedOn, @precision::date_precision)
                    RETURNING code)
                INSERT INTO intake_documents (document_code, text, source, submitted_by)
                SELECT code, @text, @source, @actor FROM document
                RETURNING id
                """;
            var documentId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new
            {
                title = request.Title,
                publishedOn = request.PublishedOn?.Start,
                precision = request.PublishedOn is { } published ? EnumNames.Of(published.Precision) : null,
                text,
                source = request.Source,
                actor = actor.Name,
            }, transaction, cancellationToken: cancellationToken));
            var draftIds = await InsertDraftsAsync(connection, transaction, documentId, extraction.Drafts, cancellationToken);
            await InsertBatchesAsync(connection, transaction, documentId, extraction.Batches, draftIds, cancellationToken);
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.IntakeSubmitted, AuditActions.IntakeDocumentEntity, documentId, null,
                new { request.Title, request.Source, request.PublishedOn, drafts = extraction.Drafts.Count, batches = extraction.Batches.Count }, cancellationToken);
            return documentId;
        }, _ => true, cancellationToken);
        return (await GetDocumentAsync(id, cancellationToken))!;
    }

    /// <summary>
    /// An uploaded file as a document request — its text, and its title from the form, the page or the file's name — checked
    /// by the same validator as a JSON submission; field errors when the file cannot be read or the request is invalid.
    /// </summary>
    public async Task<Decision<IntakeDocumentRequest>> ReadFileAsync(IntakeFileForm form, CancellationToken cancellationToken)
    {
        if (await DocumentFiles.ReadAsync(form.File!, cancellationToken) is not var (text, pageTitle))
            return Decisions.Invalid<IntakeDocumentRequest>(new Dictionary<string, string[]> { ["file"] = ["file could not be read as the document its name says it is."] });
        var request = new IntakeDocumentRequest
        {
            Text = text,
            Title = form.Title ?? pageTitle ?? Path.GetFileNameWithoutExtension(form.File!.FileName),
            Source = form.Source,
            PublishedOn = form.PublishedOn,
        };
        var result = await documentValidator.ValidateAsync(request, cancellationToken);
        return result.IsValid ? new WriteOutcome<IntakeDocumentRequest>.Saved(request) : Decisions.Invalid<IntakeDocumentRequest>(result.ToDictionary());
    }

    private static async Task<IReadOnlyDictionary<int, long>> InsertDraftsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId,
        IReadOnlyList<ExtractedProject> drafts, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO intake_drafts (document_id, position, project, quote_start, quote_end, quote_text, mentions, confidence, uncertainties, place_code)
            SELECT @documentId, d.position, d.project, d.quote_start, d.quote_end, d.quote_text, d.mentions, d.confidence,
                   ARRAY(SELECT jsonb_array_elements_text(d.uncertainties)), d.place_code
            FROM jsonb_to_recordset(@drafts::jsonb) AS d(position int, project jsonb, quote_start int, quote_end int, quote_text text,
                                                         mentions jsonb, confidence numeric, uncertainties jsonb, place_code text)
            RETURNING position, id
            """;
        var rows = drafts.Select(draft => new Dictionary<string, object?>
        {
            ["position"] = draft.Key,
            ["project"] = draft.Project,
            ["quote_start"] = draft.Quote.Start,
            ["quote_end"] = draft.Quote.End,
            ["quote_text"] = draft.Quote.Text,
            ["mentions"] = draft.Mentions,
            ["confidence"] = draft.Confidence,
            ["uncertainties"] = draft.Uncertainties,
            ["place_code"] = draft.Project.District,
        });
        var ids = await connection.QueryAsync<(int Position, long Id)>(new CommandDefinition(Sql,
            new { documentId, drafts = JsonSerializer.Serialize(rows, Json) }, transaction, cancellationToken: cancellationToken));
        return ids.ToDictionary(row => row.Position, row => row.Id);
    }

    private static Task InsertBatchesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long documentId, IReadOnlyList<ExtractedBatch> batches,
        IReadOnlyDictionary<int, long> draftIds, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO intake_batches (document_id, position, batch, quote_start, quote_end, quote_text, draft_ids, place_code)
            SELECT @documentId, b.position, b.batch, b.quote_start, b.quote_end, b.quote_text,
                   ARRAY(SELECT jsonb_array_elements_text(b.draft_ids)::bigint), b.place_code
            FROM jsonb_to_recordset(@batches::jsonb) AS b(position int, batch jsonb, quote_start int, quote_end int, quote_text text, draft_ids jsonb, place_code text)
            """;
        var rows = batches.Select(batch => new Dictionary<string, object?>
        {
            ["position"] = batch.Key,
            ["batch"] = batch with { DraftKeys = [] },
            ["quote_start"] = batch.Quote.Start,
            ["quote_end"] = batch.Quote.End,
            ["quote_text"] = batch.Quote.Text,
            ["draft_ids"] = batch.DraftKeys.Select(key => draftIds[key]).ToArray(),
            ["place_code"] = batch.District,
        });
        return connection.ExecuteAsync(new CommandDefinition(Sql, new { documentId, batches = JsonSerializer.Serialize(rows, Json) }, transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IntakeDocument?> GetDocumentAsync(long id, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT i.id, i.document_code, d.title, i.source, d.published_on, d.published_on_precision, i.text, i.submitted_by, i.submitted_at
            FROM intake_documents i JOIN documents d ON d.code = i.document_code
            WHERE i.id = @id;
            {DraftColumns} WHERE document_id = @id ORDER BY position;
            {BatchColumns} WHERE document_id = @id ORDER BY position;
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        var document = await results.ReadSingleOrDefaultAsync<DocumentRow>();
        if (document is null) return null;
        var drafts = (await results.ReadAsync<DraftRow>()).Select(row => row.ToDraft()).ToList();
        var batches = (await results.ReadAsync<BatchRow>()).Select(row => row.ToBatch()).ToList();
        return new IntakeDocument(document.Id, document.DocumentCode, document.Title, document.Source,
            PartialDate.FromColumns(document.PublishedOn, document.PublishedOnPrecision), document.Text, document.SubmittedBy, document.SubmittedAt.AsUtc(), drafts, batches);
    }

    private const string DraftColumns = """
        SELECT id, document_id, state, project::text AS project, quote_start, quote_end, quote_text, mentions::text AS mentions, confidence, uncertainties,
               project_id, reason, decided_by, decided_at
        FROM intake_drafts
        """;

    private const string BatchColumns = """
        SELECT id, document_id, state, batch::text AS batch, quote_start, quote_end, quote_text, draft_ids, event_id, reason
        FROM intake_batches
        """;

    /// <summary>Drafts by document, place (and within it) and state, oldest first, in pages after an id.</summary>
    public async Task<IntakeDraftPage> ListDraftsAsync(IntakeDraftQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            {DraftColumns}
            WHERE (@document::bigint IS NULL OR document_id = @document)
              AND (@places::text[] IS NULL OR place_code = ANY(@places))
              AND (@state::intake_state IS NULL OR state = @state::intake_state)
              AND id > @after
            ORDER BY id
            LIMIT @limit
            """;
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var places = reference.PlacesWithin(query.District);
        var limit = query.Limit ?? IntakeDraftQuery.DefaultLimit;
        await using var connection = await database.QueryAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DraftRow>(new CommandDefinition(sql, new
        {
            query.Document,
            places,
            state = query.State is { } state ? EnumNames.Of(state) : null,
            after = query.After ?? 0,
            limit = limit + 1,
        }, cancellationToken: cancellationToken))).Select(row => row.ToDraft()).ToList();
        long? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            next = rows[^1].Id;
        }
        return new IntakeDraftPage(rows, next);
    }

    public async Task<IntakeDraft?> GetDraftAsync(long id, CancellationToken cancellationToken) =>
        (await RowsAsync<DraftRow>(DraftColumns, [id], cancellationToken)).SingleOrDefault()?.ToDraft();

    /// <summary>Drafts or batches by id, in the order of <paramref name="ids"/>.</summary>
    private async Task<List<TRow>> RowsAsync<TRow>(string columns, long[] ids, CancellationToken cancellationToken)
    {
        var sql = $"{columns} WHERE id = ANY(@ids) ORDER BY array_position(@ids, id)";
        await using var connection = await database.ReadAsync(cancellationToken);
        return (await connection.QueryAsync<TRow>(new CommandDefinition(sql, new { ids }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Records the draft (or the reviewer's correction of it) as a project, through the same checks and write as POST
    /// /api/projects, and keeps the document and quote as the project's source. Field errors are keyed <c>project.*</c>.
    /// </summary>
    public async Task<Decision<IntakeDraft>> AcceptDraftAsync(long id, AcceptDraftRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (await GetDraftAsync(id, cancellationToken) is not { } draft) return new WriteOutcome<IntakeDraft>.NotFound($"There is no draft {id}.");
        var project = request.Project ?? draft.Project;
        var errors = await projectValidator.ValidateAsync(project, cancellationToken);
        if (!errors.IsValid) return Decisions.Invalid<IntakeDraft>(errors.ToDictionary().ToDictionary(pair => $"project.{pair.Key}", pair => pair.Value));

        var reference = await referenceData.CurrentAsync(cancellationToken);
        return await database.InTransactionAsync<WriteOutcome<IntakeDraft>>(async (connection, transaction) =>
        {
            if (await LockPendingAsync<IntakeDraft>(connection, transaction, "intake_drafts", "draft", id, cancellationToken) is { } refused) return refused;
            var created = await projects.CreateAsync(connection, transaction, project, request.AllowDuplicate == true, actor, reference,
                note: $"intake draft {id}", cancellationToken);
            if (created is not WriteOutcome<Project>.Saved(var saved)) return created.AsPartOf<IntakeDraft>("project");
            var accepted = await MarkAcceptedAsync(connection, transaction, draft, saved.Id, actor, cancellationToken);
            return new WriteOutcome<IntakeDraft>.Saved(accepted);
        }, outcome => outcome.Succeeded, cancellationToken);
    }

    private static async Task<IntakeDraft> MarkAcceptedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IntakeDraft draft, long projectId, Actor actor,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO project_sources (project_id, document_code, locator, facts)
            SELECT @projectId, document_code, @locator, @facts FROM intake_documents WHERE id = @documentId
            ON CONFLICT DO NOTHING;
            UPDATE intake_drafts SET state = 'accepted', project_id = @projectId, decided_by = @actor, decided_at = now() WHERE id = @id AND state = 'pending';
            """;
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            projectId,
            locator = Locator(draft.Quote),
            facts = Facts(draft.Project),
            documentId = draft.DocumentId,
            actor = actor.Name,
            id = draft.Id,
        }, transaction, cancellationToken: cancellationToken));
        var accepted = draft with { State = IntakeState.Accepted, ProjectId = projectId, DecidedBy = actor.Name, DecidedAt = DateTimeOffset.UtcNow };
        await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.IntakeDraftAccepted, AuditActions.IntakeDraftEntity, draft.Id, draft, accepted, cancellationToken);
        return accepted;
    }

    /// <summary>Where in the document: the quote's offsets and its first words (the source list shows it as the seeds' locators are shown).</summary>
    private static string Locator(Quote quote)
    {
        var words = quote.Text.Length > 60 ? quote.Text[..60] + "…" : quote.Text;
        return $"字符 {quote.Start}–{quote.End}: {words.ReplaceLineEndings(" ")}";
    }

    /// <summary>The facts the text gave for the draft, as the seeds name them.</summary>
    private static string[] Facts(ProjectRequest project) =>
    [
        .. new (string Name, bool Present)[]
        {
            ("name", true),
            ("district", project.District is not null),
            ("park", project.Park is not null),
            ("amount", project.Amount is not null || project.Phases is { Count: > 0 }),
            ("status", project.Status is not null),
            ("signedOn", project.SignedOn is not null),
            ("startedOn", project.StartedOn is not null),
            ("completedOn", project.CompletedOn is not null),
            ("investors", project.Investors is { Count: > 0 }),
        }.Where(fact => fact.Present).Select(fact => fact.Name),
    ];

    /// <summary>Rejects a pending draft, with the reason; editors only within their districts.</summary>
    public Task<WriteOutcome<IntakeDraft>> RejectDraftAsync(long id, RejectRequest request, Actor actor, CancellationToken cancellationToken) =>
        RejectAsync<IntakeDraft>("intake_drafts", "draft", AuditActions.IntakeDraftRejected, AuditActions.IntakeDraftEntity, id, request, actor,
            async () => await GetDraftAsync(id, cancellationToken), cancellationToken);

    public Task<WriteOutcome<IntakeBatch>> RejectBatchAsync(long id, RejectRequest request, Actor actor, CancellationToken cancellationToken) =>
        RejectAsync<IntakeBatch>("intake_batches", "batch", AuditActions.IntakeBatchRejected, AuditActions.IntakeBatchEntity, id, request, actor,
            async () => await GetBatchAsync(id, cancellationToken), cancellationToken);

    private async Task<WriteOutcome<T>> RejectAsync<T>(string table, string what, string action, string entity, long id, RejectRequest request, Actor actor,
        Func<Task<T?>> read, CancellationToken cancellationToken) where T : class
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var outcome = await database.InTransactionAsync<WriteOutcome<T>>(async (connection, transaction) =>
        {
            if (await LockPendingAsync<T>(connection, transaction, table, what, id, cancellationToken) is { } refused) return refused;
            var place = await connection.ExecuteScalarAsync<string?>(new CommandDefinition($"SELECT place_code FROM {table} WHERE id = @id", new { id }, transaction,
                cancellationToken: cancellationToken));
            // A key limited to districts decides only what lies in them; what the text placed nowhere needs an unlimited key.
            if (actor.PlaceCodes.Count > 0 && (place is null || !actor.Covers(place, reference)))
                return new WriteOutcome<T>.Forbidden(actor.ScopeRefusal($"intake {what}s", place ?? "(no place)"));
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET state = 'rejected', reason = @reason, decided_by = @actor, decided_at = now() WHERE id = @id",
                new { id, reason = request.Reason, actor = actor.Name }, transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, actor, action, entity, id, null, new { state = "rejected", request.Reason }, cancellationToken);
            return new WriteOutcome<T>.Deleted();
        }, result => result.Succeeded, cancellationToken);
        return outcome is WriteOutcome<T>.Deleted && await read() is { } rejected ? new WriteOutcome<T>.Saved(rejected) : outcome;
    }

    /// <summary>Locks a draft or batch row; a refusal when it does not exist or is already decided.</summary>
    private static async Task<WriteOutcome<T>?> LockPendingAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string what, long id,
        CancellationToken cancellationToken)
    {
        var state = await connection.ExecuteScalarAsync<string?>(new CommandDefinition($"SELECT state::text FROM {table} WHERE id = @id FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));
        return state switch
        {
            null => new WriteOutcome<T>.NotFound($"There is no {what} {id}."),
            "pending" => null,
            _ => new WriteOutcome<T>.Refused($"{what}-decided", $"{what} {id} is already {state}."),
        };
    }

    public async Task<IntakeBatch?> GetBatchAsync(long id, CancellationToken cancellationToken) =>
        (await RowsAsync<BatchRow>(BatchColumns, [id], cancellationToken)).SingleOrDefault()?.ToBatch();

    /// <summary>
    /// Records the batch as an event through POST /api/events's path, in one transaction: its pending drafts become the
    /// event's new projects (each with the document and quote as its source), its drafts accepted earlier are linked.
    /// Field errors are keyed by the draft: <c>drafts[12].sector</c>.
    /// </summary>
    public async Task<Decision<AcceptedBatch>> AcceptBatchAsync(long id, AcceptBatchRequest request, Actor actor, CancellationToken cancellationToken)
    {
        // The batch, its drafts in its order and its document's title, in one round trip.
        const string DraftIds = "(SELECT draft_ids FROM intake_batches WHERE id = @id)::bigint[]";
        const string Sql = $"""
            {BatchColumns} WHERE id = @id;
            {DraftColumns} WHERE id = ANY({DraftIds}) ORDER BY array_position({DraftIds}, id);
            SELECT d.title FROM intake_batches b JOIN intake_documents i ON i.id = b.document_id JOIN documents d ON d.code = i.document_code WHERE b.id = @id;
            """;
        IntakeBatch batch;
        List<IntakeDraft> drafts;
        string title;
        await using (var connection = await database.ReadAsync(cancellationToken))
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { id }, cancellationToken: cancellationToken));
            if ((await results.ReadSingleOrDefaultAsync<BatchRow>())?.ToBatch() is not { } found) return new WriteOutcome<AcceptedBatch>.NotFound($"There is no batch {id}.");
            batch = found;
            drafts = (await results.ReadAsync<DraftRow>()).Select(row => row.ToDraft()).Where(draft => draft.State != IntakeState.Rejected).ToList();
            title = request.Title ?? await results.ReadSingleOrDefaultAsync<string>() ?? "";
        }
        var eventRequest = new EventRequest
        {
            Kind = batch.Kind,
            Date = request.Date ?? batch.Date,
            District = request.District ?? batch.District,
            Title = title,
            ReportedProjectCount = batch.ReportedProjectCount,
            ReportedAmount = batch.ReportedAmount,
            ReportedQualifier = batch.ReportedQualifier,
            Notes = $"摘自“{batch.Quote.Text}”",
            Projects = drafts.Select(draft => draft.ProjectId is { } projectId
                ? new EventProjectRequest { Id = projectId }
                : EventItem(draft.Project, request.AllowDuplicates == true)).ToArray(),
        };
        var errors = await eventValidator.ValidateAsync(eventRequest, cancellationToken);
        if (!errors.IsValid)
        {
            return Decisions.Invalid<AcceptedBatch>(errors.ToDictionary().ToDictionary(
                pair => ByDraft(pair.Key, drafts), pair => pair.Value));
        }

        var reference = await referenceData.CurrentAsync(cancellationToken);
        return await database.InTransactionAsync<WriteOutcome<AcceptedBatch>>(async (connection, transaction) =>
        {
            if (await LockPendingAsync<AcceptedBatch>(connection, transaction, "intake_batches", "batch", id, cancellationToken) is { } refused) return refused;
            if (await LockDraftsAsync(connection, transaction, drafts, cancellationToken) is { } decided) return decided;
            var recorded = await events.RecordAsync(connection, transaction, eventRequest, actor, reference, cancellationToken);
            if (recorded is not WriteOutcome<InvestmentEvent>.Saved(var saved)) return Renamed(recorded, drafts);
            var accepted = new List<IntakeDraft>();
            for (var index = 0; index < drafts.Count; index++)
            {
                var draft = drafts[index];
                if (draft.State == IntakeState.Pending)
                {
                    accepted.Add(await MarkAcceptedAsync(connection, transaction, draft, saved.Projects[index].Id, actor, cancellationToken));
                }
                else accepted.Add(draft);
            }
            const string Sql = """
                UPDATE batches SET document_code = (SELECT document_code FROM intake_documents WHERE id = @documentId), locator = @locator WHERE id = @eventId;
                UPDATE intake_batches SET state = 'accepted', event_id = @eventId, decided_by = @actor, decided_at = now() WHERE id = @id;
                """;
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { documentId = batch.DocumentId, locator = Locator(batch.Quote), eventId = saved.Id, actor = actor.Name, id },
                transaction, cancellationToken: cancellationToken));
            var acceptedBatch = batch with { State = IntakeState.Accepted, EventId = saved.Id };
            await AuditLog.AppendAsync(connection, transaction, actor, AuditActions.IntakeBatchAccepted, AuditActions.IntakeBatchEntity, id, batch, acceptedBatch, cancellationToken);
            return new WriteOutcome<AcceptedBatch>.Saved(new AcceptedBatch(acceptedBatch, saved.Id, accepted));
        }, outcome => outcome.Succeeded, cancellationToken);
    }

    /// <summary>
    /// Locks the batch's drafts (in id order, so two batches sharing drafts cannot deadlock); a refusal when one read as
    /// pending has since been decided on its own, which would otherwise get a second project.
    /// </summary>
    private static async Task<WriteOutcome<AcceptedBatch>?> LockDraftsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<IntakeDraft> drafts, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT id, state::text FROM intake_drafts WHERE id = ANY(@ids) ORDER BY id FOR UPDATE";
        var states = (await connection.QueryAsync<(long Id, string State)>(new CommandDefinition(Sql, new { ids = drafts.Select(draft => draft.Id).ToArray() },
            transaction, cancellationToken: cancellationToken))).ToDictionary(row => row.Id, row => row.State);
        return drafts.FirstOrDefault(draft => draft.State == IntakeState.Pending && states.GetValueOrDefault(draft.Id) != "pending") is { } decided
            ? new WriteOutcome<AcceptedBatch>.Refused("draft-decided", $"draft {decided.Id} is already {states.GetValueOrDefault(decided.Id) ?? "gone"}.")
            : null;
    }

    private static EventProjectRequest EventItem(ProjectRequest project, bool allowDuplicate) => new(project) { AllowDuplicate = allowDuplicate };

    /// <summary>"projects[2].sector" as the reviewer knows it: "drafts[17].sector".</summary>
    private static string ByDraft(string key, IReadOnlyList<IntakeDraft> drafts)
    {
        if (!key.StartsWith("projects[", StringComparison.Ordinal)) return key;
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(key.AsSpan(9, close - 9), out var index) && index < drafts.Count ? $"drafts[{drafts[index].Id}]{key[(close + 1)..]}" : key;
    }

    private static WriteOutcome<AcceptedBatch> Renamed(WriteOutcome<InvestmentEvent> outcome, IReadOnlyList<IntakeDraft> drafts) => outcome switch
    {
        WriteOutcome<InvestmentEvent>.Invalid(var field, var message) => new WriteOutcome<AcceptedBatch>.Invalid(ByDraft(field, drafts), message),
        WriteOutcome<InvestmentEvent>.Duplicate(var existing, var path, var detail, var at) =>
            new WriteOutcome<AcceptedBatch>.Duplicate(existing, path, detail, at is null ? null : ByDraft(at, drafts)),
        _ => outcome.AsPartOf<AcceptedBatch>("event"),
    };

    private sealed class DocumentRow
    {
        public long Id { get; init; }
        public string DocumentCode { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Source { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public DatePrecision? PublishedOnPrecision { get; init; }
        public string Text { get; init; } = "";
        public string SubmittedBy { get; init; } = "";
        public DateTime SubmittedAt { get; init; }
    }

    private sealed class DraftRow
    {
        public long Id { get; init; }
        public long DocumentId { get; init; }
        public IntakeState State { get; init; }
        public string Project { get; init; } = "{}";
        public int QuoteStart { get; init; }
        public int QuoteEnd { get; init; }
        public string QuoteText { get; init; } = "";
        public string Mentions { get; init; } = "[]";
        public decimal Confidence { get; init; }
        public string[] Uncertainties { get; init; } = [];
        public long? ProjectId { get; init; }
        public string? Reason { get; init; }
        public string? DecidedBy { get; init; }
        public DateTime? DecidedAt { get; init; }

        public IntakeDraft ToDraft() => new(Id, DocumentId, State, JsonSerializer.Deserialize<ProjectRequest>(Project, Json)!, new Quote(QuoteStart, QuoteEnd, QuoteText),
            JsonSerializer.Deserialize<Quote[]>(Mentions, Json) ?? [], Confidence, Uncertainties, ProjectId, Reason, DecidedBy, DecidedAt?.AsUtc());
    }

    private sealed class BatchRow
    {
        public long Id { get; init; }
        public long DocumentId { get; init; }
        public IntakeState State { get; init; }
        public string Batch { get; init; } = "{}";
        public int QuoteStart { get; init; }
        public int QuoteEnd { get; init; }
        public string QuoteText { get; init; } = "";
        public long[] DraftIds { get; init; } = [];
        public long? EventId { get; init; }
        public string? Reason { get; init; }

        public IntakeBatch ToBatch()
        {
            var read = JsonSerializer.Deserialize<ExtractedBatch>(Batch, Json)!;
            return new IntakeBatch(Id, DocumentId, State, read.Kind, read.Date, read.District, read.ReportedProjectCount, read.ReportedAmount, read.ReportedQualifier,
                read.Currency, read.MinProjectAmount, read.Breakdown, DraftIds, new Quote(QuoteStart, QuoteEnd, QuoteText), read.Uncertainties, EventId, Reason);
        }
    }
}

/// <summary>A decision's outcome: a write's outcome, or the field errors that stopped it before any write.</summary>
public sealed record Decision<T>(WriteOutcome<T>? Outcome, IDictionary<string, string[]>? Errors)
{
    public static implicit operator Decision<T>(WriteOutcome<T> outcome) => new(outcome, null);
}

public static class Decisions
{
    /// <summary>Field errors found before any write.</summary>
    public static Decision<T> Invalid<T>(IDictionary<string, string[]> errors) => new(null, errors);
}
