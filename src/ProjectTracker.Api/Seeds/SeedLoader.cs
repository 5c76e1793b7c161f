using System.Text.Json;
using Dapper;
using ProjectTracker.Api.Batches;
using FluentValidation;
using Microsoft.Extensions.Options;
using Npgsql;
using ProjectTracker.Api.Audit;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Indicators;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Api.Seeds;

/// <summary>What one load of the seeds did.</summary>
public sealed record SeedResult(int Documents, int ProjectsInSeeds, int ProjectsInserted, int Sources, int Batches, int Targets, int ReportedFigures);

/// <summary>
/// Loads <c>seeds/</c> idempotently: every row has a stable natural key, so a second run changes
/// nothing. Seed projects are validated exactly as API requests are, and are only ever inserted —
/// once loaded they belong to staff, whose corrections a later load must not undo. Documents,
/// sources, reported batches and targets, which staff do not edit, are brought up to date.
/// </summary>
public sealed class SeedLoader(
    Database database,
    ReferenceCatalog referenceData,
    IValidator<ProjectRequest> projectValidator,
    IValidator<TargetRequest> targetValidator,
    IOptions<DatabaseOptions> options,
    ILogger<SeedLoader> logger)
{
    private static readonly Actor Loader = Actor.Command("seed");

    /// <summary>Serialises concurrent loads (two instances starting together).</summary>
    private const long LoadLock = 7_002;

    public Task<SeedSet> ReadAsync(CancellationToken cancellationToken) => SeedSet.ReadAsync(options.Value.SeedsPath, cancellationToken);

    /// <summary>Everything wrong with the seeds, each line naming the row and field; empty when they are sound.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(SeedSet seeds, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var documents = seeds.Documents.Select(d => d.Code).ToHashSet();
        var batches = seeds.Batches.Select(b => b.Key).ToHashSet();

        void Duplicates(IEnumerable<string> keys, string what) =>
            problems.AddRange(keys.GroupBy(key => key).Where(group => group.Count() > 1).Select(group => $"{what} '{group.Key}' appears more than once"));
        Duplicates(seeds.Documents.Select(d => d.Code), "document");
        Duplicates(seeds.Projects.Select(p => p.Key), "project");
        Duplicates(seeds.Batches.Select(b => b.Key), "batch");
        Duplicates(seeds.Targets.Select(t => t.Key), "target");
        Duplicates(seeds.Figures.Select(f => f.Key), "reported figure");

        foreach (var seed in seeds.Projects)
        {
            var result = await projectValidator.ValidateAsync(seed.Project, cancellationToken);
            problems.AddRange(result.Errors.Select(error => $"project '{seed.Key}': {error.PropertyName}: {error.ErrorMessage}"));
            if (seed.Sources.Count == 0) problems.Add($"project '{seed.Key}': has no source");
            problems.AddRange(seed.Sources.Where(s => !documents.Contains(s.Document)).Select(s => $"project '{seed.Key}': unknown document '{s.Document}'"));
            problems.AddRange((seed.Batches ?? []).Where(b => !batches.Contains(b)).Select(b => $"project '{seed.Key}': unknown batch '{b}'"));
        }
        // The API refuses a second project of the same name in the same place; so do the seeds.
        problems.AddRange(seeds.Projects
            .Where(seed => seed.Project.NameZh is not null && reference.FindPlace(seed.Project.District) is not null)
            .GroupBy(seed => (reference.FindPlace(seed.Project.District)!.Code, Text.Fold(seed.Project.NameZh!)))
            .Where(group => group.Count() > 1)
            .Select(group => $"projects {string.Join(", ", group.Select(seed => seed.Key))} share a name in {group.Key.Code}"));

        foreach (var batch in seeds.Batches)
        {
            if (reference.FindPlace(batch.District) is null) problems.Add($"batch '{batch.Key}': unknown district '{batch.District}'");
            if ((batch.PeriodStart is null) != (batch.PeriodEnd is null) || batch.PeriodEnd < batch.PeriodStart)
                problems.Add($"batch '{batch.Key}': periodStart and periodEnd must both be given, in order");
            if (batch.Amount is { } amount && !ProjectRules.IsValidAmount(amount)) problems.Add($"batch '{batch.Key}': amount is not a valid amount");
            if (!documents.Contains(batch.Source.Document)) problems.Add($"batch '{batch.Key}': unknown document '{batch.Source.Document}'");
            problems.AddRange((batch.Breakdown ?? []).Where(row => reference.FindSector(row.Sector) is null)
                .Select(row => $"batch '{batch.Key}': unknown sector '{row.Sector}'"));
        }
        foreach (var target in seeds.Targets)
        {
            var result = await targetValidator.ValidateAsync(target.Target, cancellationToken);
            problems.AddRange(result.Errors.Select(error => $"target '{target.Key}': {error.PropertyName}: {error.ErrorMessage}"));
            if (!documents.Contains(target.Source.Document)) problems.Add($"target '{target.Key}': unknown document '{target.Source.Document}'");
        }
        foreach (var figure in seeds.Figures)
        {
            if (reference.FindPlace(figure.District) is null) problems.Add($"reported figure '{figure.Key}': unknown district '{figure.District}'");
            if (figure.PeriodEnd < figure.PeriodStart) problems.Add($"reported figure '{figure.Key}': periodEnd is before periodStart");
            if (figure.Value is <= 0) problems.Add($"reported figure '{figure.Key}': value must be greater than 0");
            if ((figure.Value is null) != (figure.Qualifier is null)) problems.Add($"reported figure '{figure.Key}': a value needs a qualifier, and only a value has one");
            if (!documents.Contains(figure.Source.Document)) problems.Add($"reported figure '{figure.Key}': unknown document '{figure.Source.Document}'");
        }
        return problems;
    }

    public async Task<SeedResult> LoadAsync(CancellationToken cancellationToken)
    {
        var seeds = await ReadAsync(cancellationToken);
        var problems = await ProblemsAsync(seeds, cancellationToken);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The seed data in {options.Value.SeedsPath} is invalid:\n  " + string.Join("\n  ", problems));
        }
        var reference = await referenceData.CurrentAsync(cancellationToken);

        await using var connection = await database.BulkAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@LoadLock)", new { LoadLock }, transaction, cancellationToken: cancellationToken));

        await UpsertDocumentsAsync(connection, transaction, seeds.Documents, cancellationToken);
        var rows = seeds.Projects.Select(seed => new ProjectBulkWriter.Row(ProjectWrite.From(seed.Project, reference), seed.Key)).ToList();
        var inserted = (await ProjectBulkWriter.InsertAsync(connection, transaction, rows.Count, rows, Loader.Name, skipExistingSeedKeys: true, cancellationToken)).Inserted;
        var ids = (await connection.QueryAsync<(long Id, string Key)>(new CommandDefinition(
                "SELECT id, seed_key FROM projects WHERE seed_key = ANY(@keys)", new { keys = seeds.Projects.Select(p => p.Key).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(row => row.Key, row => row.Id);
        var sources = await UpsertSourcesAsync(connection, transaction, seeds.Projects, ids, cancellationToken);
        await UpsertBatchesAsync(connection, transaction, seeds, ids, reference, cancellationToken);
        await UpsertTargetsAsync(connection, transaction, seeds.Targets, reference, cancellationToken);
        await ReportedFigureRepository.UpsertSeedsAsync(connection, transaction, seeds.Figures.Select(f => new ReportedFigureWrite(
            f.Key, reference.FindPlace(f.District)!.Code, f.Measure, f.Stance, f.PeriodStart, f.PeriodEnd, f.Value, f.Unit, f.Qualifier, f.GrowthPercent,
            f.Title, f.Source.Document, f.Source.Locator, f.Notes)).ToList(), cancellationToken);
        var result = new SeedResult(seeds.Documents.Count, seeds.Projects.Count, inserted, sources, seeds.Batches.Count, seeds.Targets.Count, seeds.Figures.Count);
        await AuditLog.AppendAsync(connection, transaction, Loader, AuditActions.SeedLoaded, AuditActions.SeedEntity, null, null, result, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Seed data loaded: {Documents} documents, {Projects} projects ({Inserted} new), {Sources} source references, {Batches} reported batches, {Targets} targets, {Figures} reported figures",
            result.Documents, result.ProjectsInSeeds, result.ProjectsInserted, result.Sources, result.Batches, result.Targets, result.ReportedFigures);
        return result;
    }

    private static Task UpsertDocumentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SeedDocument> documents, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO documents (code, title, publisher, published_on, published_on_precision, file_name)
            SELECT code, title, publisher, published_on, precision::date_precision, file_name
            FROM unnest(@codes, @titles, @publishers, @publishedOn, @precisions, @fileNames)
                 AS d(code, title, publisher, published_on, precision, file_name)
            ON CONFLICT (code) DO UPDATE SET
                title = EXCLUDED.title, publisher = EXCLUDED.publisher, published_on = EXCLUDED.published_on,
                published_on_precision = EXCLUDED.published_on_precision, file_name = EXCLUDED.file_name
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            codes = documents.Select(d => d.Code).ToArray(),
            titles = documents.Select(d => d.Title).ToArray(),
            publishers = documents.Select(d => d.Publisher).ToArray(),
            publishedOn = documents.Select(d => d.PublishedOn?.Start).ToArray(),
            precisions = documents.Select(d => d.PublishedOn is { } date ? EnumNames.Of(date.Precision) : null).ToArray(),
            fileNames = documents.Select(d => d.FileName).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<int> UpsertSourcesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SeedProject> projects,
        IReadOnlyDictionary<string, long> ids, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO project_sources (project_id, document_code, locator, facts)
            SELECT s.project_id, s.document_code, s.locator, ARRAY(SELECT jsonb_array_elements_text(s.facts::jsonb))
            FROM unnest(@projectIds, @documents, @locators, @facts) AS s(project_id, document_code, locator, facts)
            ON CONFLICT (project_id, document_code, locator) DO UPDATE SET facts = EXCLUDED.facts
            """;
        var sources = projects.SelectMany(project => project.Sources.Select(source => (Id: ids[project.Key], Source: source))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            projectIds = sources.Select(s => s.Id).ToArray(),
            documents = sources.Select(s => s.Source.Document).ToArray(),
            locators = sources.Select(s => s.Source.Locator).ToArray(),
            facts = sources.Select(s => JsonSerializer.Serialize(s.Source.Facts ?? [])).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return sources.Count;
    }

    private static Task UpsertBatchesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SeedSet seeds,
        IReadOnlyDictionary<string, long> projectIds, ReferenceSnapshot reference, CancellationToken cancellationToken) =>
        BatchRepository.UpsertReportedAsync(connection, transaction,
            seeds.Batches.Select(b => new ReportedBatch(b.Key, b.Kind, b.Title, reference.FindPlace(b.District)!.Code, b.PeriodStart, b.PeriodEnd,
                b.ProjectCount, b.Amount, b.Amount is null ? null : b.AmountQualifier ?? AmountQualifier.Exact, b.MinProjectAmount,
                b.Source.Document, b.Source.Locator, b.Notes,
                (b.Breakdown ?? []).Select(row => new ReportedBreakdown(row.Sector, row.ProjectCount, row.Amount,
                    row.Amount is null ? null : row.Qualifier ?? AmountQualifier.Exact)).ToList())).ToList(),
            seeds.Projects.SelectMany(p => (p.Batches ?? []).Select(batch => (batch, projectIds[p.Key]))).ToList(),
            cancellationToken);

    private static Task UpsertTargetsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SeedTarget> targets,
        ReferenceSnapshot reference, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO targets (seed_key, place_code, park_code, sector_code, year, measure, min_project_amount, target_value, qualifier, title, document_code, locator)
            SELECT seed_key, place_code, park_code, sector_code, year, measure::target_measure, min_amount, value, qualifier::amount_qualifier, title, document_code, locator
            FROM unnest(@keys, @places, @parks, @sectors, @years, @measures, @minAmounts, @values, @qualifiers, @titles, @documents, @locators)
                 AS t(seed_key, place_code, park_code, sector_code, year, measure, min_amount, value, qualifier, title, document_code, locator)
            ON CONFLICT (seed_key) DO UPDATE SET
                place_code = EXCLUDED.place_code, park_code = EXCLUDED.park_code, sector_code = EXCLUDED.sector_code, year = EXCLUDED.year,
                measure = EXCLUDED.measure, min_project_amount = EXCLUDED.min_project_amount, target_value = EXCLUDED.target_value,
                qualifier = EXCLUDED.qualifier, title = EXCLUDED.title, document_code = EXCLUDED.document_code, locator = EXCLUDED.locator;
            DELETE FROM targets WHERE seed_key IS NOT NULL AND seed_key <> ALL(@keys);
            """;
        return connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            keys = targets.Select(t => t.Key).ToArray(),
            places = targets.Select(t => reference.FindPlace(t.Target.District)!.Code).ToArray(),
            parks = targets.Select(t => t.Target.Park).ToArray(),
            sectors = targets.Select(t => t.Target.Sector).ToArray(),
            years = targets.Select(t => t.Target.Year!.Value).ToArray(),
            measures = targets.Select(t => EnumNames.Of(t.Target.Measure!.Value)).ToArray(),
            minAmounts = targets.Select(t => t.Target.MinProjectAmount).ToArray(),
            values = targets.Select(t => t.Target.Value!.Value).ToArray(),
            qualifiers = targets.Select(t => EnumNames.Of(t.Target.Qualifier ?? AmountQualifier.Exact)).ToArray(),
            titles = targets.Select(t => t.Target.Title!).ToArray(),
            documents = targets.Select(t => t.Source.Document).ToArray(),
            locators = targets.Select(t => t.Source.Locator).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }
}
