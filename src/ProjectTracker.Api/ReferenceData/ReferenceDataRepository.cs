using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.ReferenceData;

/// <summary>Reads parks, sectors and source documents for their list endpoints.</summary>
public sealed class ReferenceDataRepository(Database database)
{
    public async Task<IReadOnlyList<Park>> ParksAsync(string[]? placeCodes, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT code, name_zh, name_en, place_code FROM parks
            WHERE @places::text[] IS NULL OR place_code = ANY(@places)
            ORDER BY place_code, name_zh COLLATE pinyin
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        return (await connection.QueryAsync<Park>(new CommandDefinition(Sql, new { places = placeCodes }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The municipal categories with their industries.</summary>
    public async Task<IReadOnlyList<SectorCategory>> SectorTreeAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT code, category_code, name_zh, name_en, sort_order::int FROM sectors ORDER BY sort_order";
        await using var connection = await database.ReadAsync(cancellationToken);
        var sectors = (await connection.QueryAsync<Sector>(new CommandDefinition(Sql, cancellationToken: cancellationToken))).AsList();
        return sectors.Where(sector => sector.CategoryCode is null)
            .Select(category => new SectorCategory(category.Code, category.NameZh, category.NameEn,
                sectors.Where(sector => sector.CategoryCode == category.Code).Select(sector => new NamedRef(sector.Code, sector.NameZh, sector.NameEn)).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<SourceDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT code, title, publisher, published_on, published_on_precision, file_name
            FROM documents ORDER BY published_on NULLS LAST, code
            """;
        await using var connection = await database.ReadAsync(cancellationToken);
        var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return rows.Select(row => new SourceDocument(row.Code, row.Title, row.Publisher, PartialDate.FromColumns(row.PublishedOn, row.PublishedOnPrecision), row.FileName)).ToList();
    }

    private sealed class DocumentRow
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Publisher { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public DatePrecision? PublishedOnPrecision { get; init; }
        public string? FileName { get; init; }
    }
}

/// <summary>A municipal sector category (先进制造业 …) with the industries in it.</summary>
public sealed record SectorCategory(string Code, string NameZh, string NameEn, IReadOnlyList<NamedRef> Industries);
