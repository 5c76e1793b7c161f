using Dapper;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// A <see cref="ProjectFilter"/> as SQL conditions on <c>projects p</c>: each filter maps to one
/// fixed fragment and its values travel as parameters, so user text never becomes SQL.
/// The project list and every dashboard query use this one translation.
/// </summary>
public static class ProjectFilterSql
{
    public static string Conditions(ProjectFilter filter, ReferenceSnapshot reference, DynamicParameters parameters, bool includeDeleted = false)
    {
        List<string> where = [];
        if (!includeDeleted) where.Add("p.deleted_at IS NULL");

        if (filter.District is { Count: > 0 } districts)
        {
            parameters.Add("districts", districts.Select(reference.FindPlace).OfType<Place>()
                .SelectMany(place => reference.PlaceAndDescendants(place.Code)).Distinct().ToArray());
            where.Add("p.place_code = ANY(@districts)");
        }
        if (filter.Park is { } park)
        {
            parameters.Add("park", park);
            where.Add("p.park_code = @park");
        }
        if (filter.Sector is { } sector)
        {
            parameters.Add("sectors", reference.SectorAndIndustries(sector).ToArray());
            where.Add("p.sector_code = ANY(@sectors)");
        }
        if (filter.Status is { Count: > 0 } statuses)
        {
            parameters.Add("statuses", statuses.Distinct().ToArray());
            where.Add("p.status = ANY(@statuses)");
        }
        AddRange(where, parameters, "p.signed_on", "signed", filter.SignedFrom, filter.SignedTo);
        AddRange(where, parameters, "p.started_on", "started", filter.StartedFrom, filter.StartedTo);
        if (filter.MinAmount is { } minAmount)
        {
            parameters.Add("minAmount", minAmount);
            where.Add("p.effective_amount >= @minAmount");
        }
        if (filter.MaxAmount is { } maxAmount)
        {
            parameters.Add("maxAmount", maxAmount);
            where.Add("p.effective_amount <= @maxAmount");
        }
        if (filter.Currency is { } currency)
        {
            parameters.Add("currency", EnumNames.Of(currency));
            where.Add("p.currency = @currency::currency");
        }
        if (!string.IsNullOrWhiteSpace(filter.Investor))
        {
            parameters.Add("investor", "%" + EscapeLike(filter.Investor.Trim()) + "%");
            where.Add("EXISTS (SELECT 1 FROM unnest(p.investors) AS investor WHERE investor ILIKE @investor)");
        }
        if (filter.UpdatedSince is { } since)
        {
            parameters.Add("updatedSince", since.UtcDateTime);
            where.Add("p.updated_at > @updatedSince");
        }
        if (!string.IsNullOrWhiteSpace(filter.Q) && ProjectSearch.ForQuery(filter.Q) is var (tokens, pattern))
        {
            parameters.Add("qTokens", tokens);
            parameters.Add("qPattern", pattern);
            where.Add("p.search_tokens @> @qTokens AND p.search_text LIKE @qPattern");
        }
        return where.Count == 0 ? "TRUE" : string.Join("\n  AND ", where);
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
            where.Add($"{column} <= @{name}To");
        }
    }

    internal static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
