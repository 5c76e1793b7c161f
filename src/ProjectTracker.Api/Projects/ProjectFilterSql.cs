using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// A <see cref="ProjectFilter"/> as SQL conditions: each filter maps to one fixed fragment and its
/// values travel as parameters, so user text never becomes SQL. The project list and every
/// dashboard query use this one translation, over the projects table (<c>p</c>) or the dashboard
/// rollup (<c>r</c>), which keeps places, parks, sectors, statuses, currencies and stage periods.
/// </summary>
public static class ProjectFilterSql
{
    /// <param name="filter">The filters.</param>
    /// <param name="reference">Places and sectors, to expand a city or a category.</param>
    /// <param name="parameters">Receives the values.</param>
    /// <param name="includeDeleted">Also deleted projects (for syncing).</param>
    /// <param name="source">The projects table (default) or a rollup.</param>
    /// <param name="textByIndex">
    /// Text and investor search through their indexes of letter pairs (the default); false checks them row by row instead,
    /// which is quicker when a term is common and the rows come in the list's order anyway (see ProjectListing).
    /// </param>
    public static string Conditions(ProjectFilter filter, ReferenceSnapshot reference, DynamicParameters parameters,
        bool includeDeleted = false, FilterSource? source = null, bool textByIndex = true)
    {
        source ??= FilterSource.Projects;
        var c = source.Alias;
        List<string> where = [];
        if (!includeDeleted && source.IsProjects) where.Add("p.deleted_at IS NULL");

        if (filter.District is { Count: > 0 } districts)
        {
            parameters.Add("districts", districts.Select(reference.FindPlace).OfType<Place>()
                .SelectMany(place => reference.PlaceAndDescendants(place.Code)).Distinct().ToArray());
            where.Add($"{c}.place_code = ANY(@districts)");
        }
        if (filter.Park is { } park)
        {
            parameters.Add("park", park);
            where.Add($"{c}.park_code = @park");
        }
        if (filter.Sector is { } sector)
        {
            parameters.Add("sectors", reference.SectorAndIndustries(sector).ToArray());
            where.Add($"{c}.sector_code = ANY(@sectors)");
        }
        if (filter.Status is { Count: > 0 } statuses)
        {
            parameters.Add("statuses", statuses.Distinct().ToArray());
            where.Add($"{c}.status = ANY(@statuses)");
        }
        if (filter.Currency is { } currency)
        {
            parameters.Add("currency", EnumNames.Of(currency));
            where.Add($"{c}.currency = @currency::currency");
        }

        if (source.IsProjects)
        {
            // Dates compared in the form the indexes hold them (ProjectSort.SignedOnKey).
            AddRange(where, parameters, ProjectSort.SignedOnKey, "signed", filter.SignedFrom, filter.SignedTo);
            AddRange(where, parameters, ProjectSort.StartedOnKey, "started", filter.StartedFrom, filter.StartedTo);
            AddRange(where, parameters, ProjectSort.CompletedOnKey, "completed", filter.CompletedFrom, filter.CompletedTo);
            AddRowDetails(filter, parameters, where, textByIndex);
        }
        else
        {
            // The rollups keep one date per row (its stage's), to the month or to the year: FilterSource.For
            // and the grain decide when they can answer; a year-precise date counts from January, as it is stored.
            var (from, to) = source.StageRange(filter);
            if (from is { } start)
            {
                parameters.Add("periodFromYear", (short)start.Start.Year);
                parameters.Add("periodFromMonth", (short)start.Start.Month);
                where.Add(source.HasMonths
                    ? "r.period_year >= @periodFromYear AND (r.period_year, coalesce(r.period_month, 1)) >= (@periodFromYear, @periodFromMonth)"
                    : "r.period_year >= @periodFromYear");
            }
            if (to is { } end)
            {
                parameters.Add("periodToYear", (short)end.End.Year);
                parameters.Add("periodToMonth", (short)end.End.Month);
                where.Add(source.HasMonths
                    ? "r.period_year <= @periodToYear AND (r.period_year, coalesce(r.period_month, 1)) <= (@periodToYear, @periodToMonth)"
                    : "r.period_year <= @periodToYear");
            }
        }
        return where.Count == 0 ? "TRUE" : string.Join("\n  AND ", where);
    }

    /// <summary>Filters only the projects table can answer: amounts, investors, text, change times.</summary>
    private static void AddRowDetails(ProjectFilter filter, DynamicParameters parameters, List<string> where, bool textByIndex)
    {
        // Written on the amount as the indexes hold it (ProjectSort.AmountKey: unknown as -1), so that sorted by amount
        // a range is a range of the index.
        if (filter.MinAmount is { } minAmount)
        {
            parameters.Add("minAmount", minAmount);
            where.Add($"{ProjectSort.AmountKey} >= @minAmount");
        }
        if (filter.MaxAmount is { } maxAmount)
        {
            parameters.Add("maxAmount", maxAmount);
            where.Add(filter.MinAmount is null ? $"{ProjectSort.AmountKey} BETWEEN 0 AND @maxAmount" : $"{ProjectSort.AmountKey} <= @maxAmount");
        }
        if (!string.IsNullOrWhiteSpace(filter.Investor))
        {
            parameters.Add("investor", "%" + EscapeLike(filter.Investor.Trim()) + "%");
            // Through the index of the investors' letter pairs (V0040), or checked row by row where a walk reads rows anyway.
            if (textByIndex)
            {
                parameters.Add("investorText", filter.Investor.Trim());
                where.Add("investor_pairs(p.investors) @> investor_pairs(ARRAY[@investorText])");
            }
            where.Add("EXISTS (SELECT 1 FROM unnest(p.investors) AS investor WHERE investor ILIKE @investor)");
        }
        if (filter.UpdatedSince is { } since)
        {
            parameters.Add("updatedSince", since.UtcDateTime);
            where.Add("p.updated_at > @updatedSince");
        }
        if (!string.IsNullOrWhiteSpace(filter.Q) && ProjectSearch.ForQuery(filter.Q) is var (tokens, pattern))
        {
            parameters.Add("qPattern", pattern);
            if (textByIndex)
            {
                parameters.Add("qTokens", tokens);
                where.Add("p.search_tokens @> @qTokens AND p.search_text LIKE @qPattern");
            }
            else
            {
                where.Add("p.search_text LIKE @qPattern");
            }
        }
    }

    private static void AddRange(List<string> where, DynamicParameters parameters, string column, string name, PartialDate? from, PartialDate? to)
    {
        if (from is { } start)
        {
            parameters.Add(name + "From", start.Start);
            where.Add($"{column} >= @{name}From");
        }
        if (to is { } end)
        {
            parameters.Add(name + "To", end.End);
            // In the indexed form unknown dates are -infinity: a range open at the start must still leave them out.
            where.Add(from is null ? $"{column} > '-infinity'::date AND {column} <= @{name}To" : $"{column} <= @{name}To");
        }
    }

    /// <summary>
    /// The filter with every status named when none is: the same projects, but then a range of an index's order (dates,
    /// amounts, changes) is a range of each status's part of a walk index (V0021), which PostgreSQL reads without a sort.
    /// </summary>
    public static ProjectFilter WithEveryStatusNamed(ProjectFilter filter) =>
        filter.Status is { Count: > 0 } ? filter : filter with { Status = Enum.GetValues<ProjectStatus>() };

    internal static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}

/// <summary>How finely a rollup table breaks projects down.</summary>
public enum RollupGrain
{
    /// <summary><c>project_rollup_year</c>: stage, year, place, status, currency.</summary>
    Year,
    /// <summary><c>project_rollup_month</c>: the same, by month.</summary>
    Month,
    /// <summary><c>project_rollup</c>: by month, place, sector, park, status, currency.</summary>
    Fine,
}

/// <summary>Where filtered rows come from: the projects table, or a dashboard rollup of one stage.</summary>
public sealed class FilterSource
{
    private readonly Dashboard.DashboardMeasure? stage;

    private FilterSource(string alias, Dashboard.DashboardMeasure? stage, RollupGrain grain)
    {
        Alias = alias;
        this.stage = stage;
        Grain = grain;
    }

    public static readonly FilterSource Projects = new("p", null, RollupGrain.Fine);

    public static FilterSource Rollup(Dashboard.DashboardMeasure stage, RollupGrain grain = RollupGrain.Fine) => new("r", stage, grain);

    public string Alias { get; }

    public RollupGrain Grain { get; }

    public bool IsProjects => stage is null;

    public bool HasMonths => Grain != RollupGrain.Year;

    public string Table => Grain switch
    {
        RollupGrain.Year => "project_rollup_year",
        RollupGrain.Month => "project_rollup_month",
        _ => "project_rollup",
    };

    /// <summary>The date range on this rollup stage's own date.</summary>
    public (PartialDate? From, PartialDate? To) StageRange(ProjectFilter filter) => stage switch
    {
        Dashboard.DashboardMeasure.Signed => (filter.SignedFrom, filter.SignedTo),
        Dashboard.DashboardMeasure.Started => (filter.StartedFrom, filter.StartedTo),
        Dashboard.DashboardMeasure.Completed => (filter.CompletedFrom, filter.CompletedTo),
        _ => (null, null),
    };

    /// <summary>
    /// The coarsest rollup of <paramref name="measure"/> that answers this filter and grouping exactly, or the
    /// projects table. A rollup can answer when there is no filter on amounts, investors, text or change times,
    /// and dates only on the measure's own date, in whole months (whole years for the yearly rollup).
    /// </summary>
    public static FilterSource For(ProjectFilter filter, Dashboard.DashboardMeasure measure, IReadOnlyCollection<Dashboard.Dimension> dimensions)
    {
        if (filter.MinAmount is not null || filter.MaxAmount is not null || !string.IsNullOrWhiteSpace(filter.Investor)
            || filter.UpdatedSince is not null || !string.IsNullOrWhiteSpace(filter.Q)) return Projects;

        var own = Rollup(measure).StageRange(filter);
        var all = new[] { filter.SignedFrom, filter.SignedTo, filter.StartedFrom, filter.StartedTo, filter.CompletedFrom, filter.CompletedTo };
        var others = all.Count(date => date is not null) - (own.From is null ? 0 : 1) - (own.To is null ? 0 : 1);
        var wholeMonths = (own.From is not { } from || from.Start.Day == 1) && (own.To is not { } to || to.End.AddDays(1).Day == 1);
        if (others != 0 || !wholeMonths) return Projects;

        if (filter.Sector is not null || filter.Park is not null ||
            dimensions.Any(d => d is Dashboard.Dimension.Sector or Dashboard.Dimension.SectorCategory or Dashboard.Dimension.Park))
            return Rollup(measure, RollupGrain.Fine);
        var wholeYears = (own.From is not { } f || f.Start.Month == 1) && (own.To is not { } t || t.End.Month == 12);
        return dimensions.Any(d => d is Dashboard.Dimension.Month or Dashboard.Dimension.Quarter) || !wholeYears
            ? Rollup(measure, RollupGrain.Month)
            : Rollup(measure, RollupGrain.Year);
    }
}
