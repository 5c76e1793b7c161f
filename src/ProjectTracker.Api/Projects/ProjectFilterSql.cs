using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// A <see cref="ProjectFilter"/> as SQL conditions: each filter maps to one fixed fragment and its values travel as
/// parameters, so user text never becomes SQL. The project list and every dashboard query use this one translation,
/// over the projects table, or (for the columns they share) over a dashboard rollup, whose periods are the dashboard's.
/// </summary>
public static class ProjectFilterSql
{
    /// <summary>
    /// The conditions on the columns the projects table and the dashboard's rollups share (place, park, sector, status,
    /// currency), over the table aliased <paramref name="alias"/>.
    /// </summary>
    /// <param name="filter">The filters.</param>
    /// <param name="reference">Places and sectors, to expand a city or a category.</param>
    /// <param name="parameters">Receives the values.</param>
    /// <param name="alias">The table's alias in the query.</param>
    public static List<string> SharedConditions(ProjectFilter filter, ReferenceSnapshot reference, DynamicParameters parameters, string alias)
    {
        var c = alias;
        List<string> where = [];
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
        return where;
    }

    /// <summary>Every condition of the filter on the projects table (<c>p</c>).</summary>
    /// <param name="filter">The filters.</param>
    /// <param name="reference">Places and sectors, to expand a city or a category.</param>
    /// <param name="parameters">Receives the values.</param>
    /// <param name="includeDeleted">Also deleted projects (for syncing).</param>
    /// <param name="textByIndex">
    /// Text and investor search through their indexes of letter pairs (the default); false checks them row by row instead,
    /// which is quicker when a term is common and the rows come in the list's order anyway (see ProjectListing).
    /// </param>
    public static string Conditions(ProjectFilter filter, ReferenceSnapshot reference, DynamicParameters parameters,
        bool includeDeleted = false, bool textByIndex = true)
    {
        var where = SharedConditions(filter, reference, parameters, "p");
        if (!includeDeleted) where.Insert(0, "p.deleted_at IS NULL");
        // Dates compared in the form the indexes hold them (ProjectSort.SignedOnKey).
        AddRange(where, parameters, ProjectSort.SignedOnKey, "signed", filter.SignedFrom, filter.SignedTo);
        AddRange(where, parameters, ProjectSort.StartedOnKey, "started", filter.StartedFrom, filter.StartedTo);
        AddRange(where, parameters, ProjectSort.CompletedOnKey, "completed", filter.CompletedFrom, filter.CompletedTo);
        AddRowDetails(filter, parameters, where, textByIndex);
        return where.Count == 0 ? "TRUE" : string.Join("\n  AND ", where);
    }

    /// <summary>Filters only the projects table can answer: amounts, investors, text, change times, a batch's projects.</summary>
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
        if (filter.Batch is { } batch)
        {
            parameters.Add("batch", batch);
            where.Add("EXISTS (SELECT 1 FROM batch_projects bp WHERE bp.batch_id = @batch AND bp.project_id = p.id)");
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
