using Dapper;
using Npgsql;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Common.Values;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Indicators;

/// <summary>A reported figure as the seeds (and, later, intake) record it; the place is a code.</summary>
public sealed record ReportedFigureWrite(
    string Key, string PlaceCode, ReportedMeasure Measure, FigureStance Stance, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal? Value, FigureUnit Unit, AmountQualifier? Qualifier, decimal? GrowthPercent, string Title, string? Document, string? Locator, string? Notes);

/// <summary>The table <c>reported_figures</c>: its reads and the seeds' writes.</summary>
public sealed class ReportedFigureRepository(Database database, ReferenceCatalog catalog)
{
    public async Task<IReadOnlyList<ReportedFigure>> ListAsync(ReportedFigureQuery query, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT id, place_code, measure, stance, period_start, period_end, value, unit, qualifier, growth_percent, title, document_code, locator, notes
            FROM reported_figures
            WHERE (@places::text[] IS NULL OR place_code = ANY(@places))
              AND (@year::integer IS NULL OR (period_start <= make_date(@year, 12, 31) AND period_end >= make_date(@year, 1, 1)))
              AND (@from::date IS NULL OR period_end >= @from)
              AND (@to::date IS NULL OR period_start <= @to)
              AND (@measure::reported_measure IS NULL OR measure = @measure::reported_measure)
              AND (@stance::figure_stance IS NULL OR stance = @stance::figure_stance)
            ORDER BY period_start, place_code, measure, stance, id
            """;
        var reference = await catalog.CurrentAsync(cancellationToken);
        await using var connection = await database.QueryAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
        {
            places = reference.PlacesWithin(query.District),
            year = query.Year,
            from = query.From?.Start,
            to = query.To?.End,
            measure = query.Measure is { } measure ? EnumNames.Of(measure) : null,
            stance = query.Stance is { } stance ? EnumNames.Of(stance) : null,
        }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToFigure(reference)).ToList();
    }

    /// <summary>Brings the seeds' figures up to date by key, inside the caller's transaction; seed figures no longer in the seeds go.</summary>
    public static async Task UpsertSeedsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ReportedFigureWrite> figures,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO reported_figures (seed_key, place_code, measure, stance, period_start, period_end, value, unit, qualifier, growth_percent,
                                          title, document_code, locator, notes)
            SELECT seed_key, place_code, measure::reported_measure, stance::figure_stance, period_start, period_end, value, unit::figure_unit,
                   qualifier::amount_qualifier, growth, title, document_code, locator, notes
            FROM unnest(@keys, @places, @measures, @stances, @starts, @ends, @values, @units, @qualifiers, @growths, @titles, @documents, @locators, @notes)
                 AS f(seed_key, place_code, measure, stance, period_start, period_end, value, unit, qualifier, growth, title, document_code, locator, notes)
            ON CONFLICT (seed_key) DO UPDATE SET
                place_code = EXCLUDED.place_code, measure = EXCLUDED.measure, stance = EXCLUDED.stance, period_start = EXCLUDED.period_start,
                period_end = EXCLUDED.period_end, value = EXCLUDED.value, unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier,
                growth_percent = EXCLUDED.growth_percent, title = EXCLUDED.title, document_code = EXCLUDED.document_code,
                locator = EXCLUDED.locator, notes = EXCLUDED.notes;
            DELETE FROM reported_figures WHERE seed_key IS NOT NULL AND seed_key <> ALL(@keys);
            """;
        await connection.ExecuteAsync(new CommandDefinition(Sql, new
        {
            keys = figures.Select(f => f.Key).ToArray(),
            places = figures.Select(f => f.PlaceCode).ToArray(),
            measures = figures.Select(f => EnumNames.Of(f.Measure)).ToArray(),
            stances = figures.Select(f => EnumNames.Of(f.Stance)).ToArray(),
            starts = figures.Select(f => f.PeriodStart).ToArray(),
            ends = figures.Select(f => f.PeriodEnd).ToArray(),
            values = figures.Select(f => f.Value).ToArray(),
            units = figures.Select(f => EnumNames.Of(f.Unit)).ToArray(),
            qualifiers = figures.Select(f => f.Qualifier is { } q ? EnumNames.Of(q) : null).ToArray(),
            growths = figures.Select(f => f.GrowthPercent).ToArray(),
            titles = figures.Select(f => f.Title).ToArray(),
            documents = figures.Select(f => f.Document).ToArray(),
            locators = figures.Select(f => f.Locator).ToArray(),
            notes = figures.Select(f => f.Notes).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string PlaceCode { get; init; } = "";
        public ReportedMeasure Measure { get; init; }
        public FigureStance Stance { get; init; }
        public DateOnly PeriodStart { get; init; }
        public DateOnly PeriodEnd { get; init; }
        public decimal? Value { get; init; }
        public FigureUnit Unit { get; init; }
        public AmountQualifier? Qualifier { get; init; }
        public decimal? GrowthPercent { get; init; }
        public string Title { get; init; } = "";
        public string? DocumentCode { get; init; }
        public string? Locator { get; init; }
        public string? Notes { get; init; }

        public ReportedFigure ToFigure(ReferenceSnapshot reference) => new(Id, GroupedFigures.Name(Dimension.District, PlaceCode, reference),
            Measure, Stance, PeriodStart, PeriodEnd, Value, Unit, Qualifier, GrowthPercent, Title, DocumentCode, Locator, Notes);
    }
}
