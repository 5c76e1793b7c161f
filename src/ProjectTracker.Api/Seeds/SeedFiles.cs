using System.Text.Json;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.Indicators;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Api.Seeds;

/// <summary>Where in a document a fact is stated, and which facts.</summary>
public sealed record SeedSource(string Document, string Locator, IReadOnlyList<string>? Facts);

public sealed record SeedDocument(string Code, string? FileName, string Title, string? Publisher, PartialDate? PublishedOn);

/// <summary>A project from the documents: the same request staff would send, plus its natural key and sources.</summary>
public sealed record SeedProject(string Key, ProjectRequest Project, IReadOnlyList<SeedSource> Sources, IReadOnlyList<string>? Batches);

public sealed record SeedBreakdown(string Sector, int? ProjectCount, decimal? Amount, AmountQualifier? Qualifier);

/// <summary>A figure a document reports for a group of projects (a groundbreaking batch, a year's signings).</summary>
public sealed record SeedBatch(
    string Key,
    BatchKind Kind,
    string Title,
    string District,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    int? ProjectCount,
    decimal? Amount,
    AmountQualifier? AmountQualifier,
    decimal? MinProjectAmount,
    IReadOnlyList<SeedBreakdown>? Breakdown,
    string? Notes,
    SeedSource Source);

public sealed record SeedTarget(string Key, TargetRequest Target, SeedSource Source);

/// <summary>A figure a document reports that is neither a project nor a batch (招商引资总额, 实际到位资金), as it happened or as planned.</summary>
public sealed record SeedFigure(
    string Key,
    string District,
    ReportedMeasure Measure,
    FigureStance Stance,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal? Value,
    FigureUnit Unit,
    AmountQualifier? Qualifier,
    decimal? GrowthPercent,
    string Title,
    string? Notes,
    SeedSource Source);

/// <summary>The contents of <c>seeds/</c>.</summary>
public sealed record SeedSet(
    IReadOnlyList<SeedDocument> Documents,
    IReadOnlyList<SeedProject> Projects,
    IReadOnlyList<SeedBatch> Batches,
    IReadOnlyList<SeedTarget> Targets,
    IReadOnlyList<SeedFigure> Figures)
{
    public static async Task<SeedSet> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        var json = new JsonSerializerOptions();
        ApiServices.Configure(json);

        async Task<IReadOnlyList<T>> Read<T>(string file)
        {
            await using var stream = File.OpenRead(Path.Combine(folder, file));
            return await JsonSerializer.DeserializeAsync<List<T>>(stream, json, cancellationToken)
                   ?? throw new InvalidDataException($"{file} is empty");
        }

        return new SeedSet(
            await Read<SeedDocument>("documents.json"),
            await Read<SeedProject>("projects.json"),
            await Read<SeedBatch>("batches.json"),
            await Read<SeedTarget>("targets.json"),
            await Read<SeedFigure>("figures.json"));
    }
}
