using Dapper;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// How a page of the project list is found, for any filters in any order. Two ways, each with a cost that stays small
/// whatever the values (db/PERFORMANCE.md, "The list, for every query"):
/// <list type="bullet">
/// <item><b>Walk</b>: read the list in its order from an index until a page is found, one status at a time (and, for a
/// district, one place and status at a time), then merge. An index that leads with the status holds each status's
/// projects in order, so a status whose projects all sort last (intent projects have no signing date) is reached at
/// once instead of after every other project; and the walk indexes hold every column a filter reads, so the filters
/// are checked without reading rows. Cheap when matches are common: about a page's worth of index entries per branch.</item>
/// <item><b>Collect</b>: find every match through the index of its most selective filter and sort them. Cheap when
/// matches are few: a park, a rare search term, or filters with an index of their own (sector, ranges of dates,
/// amounts and changes, investors) that PostgreSQL's planner expects to match few projects (<see cref="ProjectListOptions"/>),
/// where a walk would pass many rows for each match; the more so where a range of one date is read in the order of
/// another (projects started in 2021, newest signing first, lie far down that order).</item>
/// </list>
/// </summary>
internal sealed class ProjectListing(ProjectFilter filter, ProjectSort sort, int limit, PageCursor? cursor, ReferenceSnapshot reference, ProjectListOptions options)
{
    /// <summary>A district that expands to more places than this is checked row by row rather than walked place by place.</summary>
    public const int MostWalkedPlaces = 40;

    private static readonly ProjectStatus[] AllStatuses = Enum.GetValues<ProjectStatus>();

    /// <summary>Syncs (updatedSince) list deleted projects too, which only the walk indexes by status hold.</summary>
    private bool IncludeDeleted => filter.UpdatedSince is not null;

    /// <summary>Filters that match few projects by their nature (a park, a batch's projects, a rare term): collected at once.</summary>
    public bool IsSelective(bool rareText) => filter.Park is not null || filter.Batch is not null || rareText;

    /// <summary>
    /// Whether a filter other than places and statuses (which the walk's branches answer exactly) could make a walk pass
    /// many entries for each match; then the planner's estimates (<see cref="Estimates"/>) decide between walking and
    /// collecting (<see cref="ShouldCollect"/>).
    /// </summary>
    public bool NeedsEstimate =>
        filter.Sector is not null || filter.Currency is not null || !string.IsNullOrWhiteSpace(filter.Investor)
        || HasSigned || HasStarted || HasCompleted || filter.MinAmount is not null || filter.MaxAmount is not null || filter.UpdatedSince is not null;

    /// <summary>
    /// Whether collecting costs less than walking, by the planner's estimates of the matches and of the projects the walk's
    /// branches hold. A walk passes about (page + 1) × branches × held ÷ matches entries, if matches are spread evenly through
    /// the order; collecting reads each match (<see cref="ProjectListOptions.CollectCostPerWalkedEntry"/>). A range of one date
    /// in the order of another is not spread evenly (<see cref="IsAcrossDates"/>), and a currency alone has no index to
    /// collect through.
    /// </summary>
    /// <param name="matches">The projects expected to match.</param>
    /// <param name="held">The projects the walk's branches hold (its places and statuses).</param>
    /// <param name="heldByStatus">
    /// For a walk by place, the projects of its statuses wherever they are: a walk by status checks the places from its
    /// index, and passes fewer entries than one by place, which reads a row for each, when the places are many or hold
    /// much of the data: Wuhan's 19 places and three statuses, the largest signings of 2026, read 34,000 rows in 57
    /// branches by place (0.5 s warm, 18 s cold) and check 34,000 index entries in 3 branches by status (23 ms).
    /// That walk is chosen then.
    /// </param>
    public bool ShouldCollect(double matches, double held, double? heldByStatus = null)
    {
        var walkedEntries = (limit + 1.0) * Walked.Branches * held / Math.Max(matches, 1) * Walked.CostPerEntry;
        if (Walked.ByPlace && heldByStatus is { } statusHeld)
        {
            var byStatus = Walked with { Places = null };
            var byStatusEntries = (limit + 1.0) * byStatus.Branches * statusHeld / Math.Max(matches, 1) * byStatus.CostPerEntry;
            if (byStatusEntries < walkedEntries) (walked, walkedEntries) = (byStatus, byStatusEntries);
        }
        if (IsAcrossDates) return matches <= options.CollectAcrossDatesAtMost;
        if (!HasIndexOfItsOwn) return false;
        return matches * options.CollectCostPerWalkedEntry < walkedEntries;
    }

    /// <summary>
    /// A range of one stage's date read in the order of another's: matches lie where the two dates meet, far down the
    /// order (projects started in 2021 were signed in 2019–2021, below every later signing).
    /// </summary>
    private bool IsAcrossDates => sort.Key.Name switch
    {
        "signedOn" => HasStarted || HasCompleted,
        "startedOn" => HasSigned || HasCompleted,
        "completedOn" => HasSigned || HasStarted,
        _ => false,
    };

    private bool HasSigned => filter.SignedFrom is not null || filter.SignedTo is not null;
    private bool HasStarted => filter.StartedFrom is not null || filter.StartedTo is not null;
    private bool HasCompleted => filter.CompletedFrom is not null || filter.CompletedTo is not null;

    /// <summary>Whether an index finds the matches (a currency alone has none: collecting it would read every project).</summary>
    private bool HasIndexOfItsOwn => filter.District is { Count: > 0 } || filter.Sector is not null || !string.IsNullOrWhiteSpace(filter.Investor)
        || HasSigned || HasStarted || HasCompleted || filter.MinAmount is not null || filter.MaxAmount is not null || filter.UpdatedSince is not null;

    /// <summary>
    /// The planner's estimates (EXPLAIN: no rows are read) of the projects that match, of those the walk's branches hold
    /// (their places and statuses), and, for a walk by place, of those its statuses hold anywhere.
    /// </summary>
    public (string Sql, DynamicParameters Parameters) Estimates()
    {
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(Ranged, reference, parameters, includeDeleted: IncludeDeleted);
        // The second statement names the same parameters as the first (places, statuses), with the same values.
        var held = ProjectFilterSql.Conditions(new ProjectFilter { District = Walked.ByPlace ? filter.District : null, Status = Ranged.Status },
            reference, new DynamicParameters(), includeDeleted: IncludeDeleted);
        var sql = $"EXPLAIN (FORMAT JSON) SELECT 1 FROM projects p WHERE {where};\nEXPLAIN (FORMAT JSON) SELECT 1 FROM projects p WHERE {held}";
        if (Walked.ByPlace)
        {
            var heldByStatus = ProjectFilterSql.Conditions(new ProjectFilter { Status = Ranged.Status }, reference, new DynamicParameters(), includeDeleted: IncludeDeleted);
            sql += $";\nEXPLAIN (FORMAT JSON) SELECT 1 FROM projects p WHERE {heldByStatus}";
        }
        return (sql, parameters);
    }

    /// <summary>How many projects match, up to one more than <see cref="ProjectListOptions.CountAtMost"/>.</summary>
    public (string Sql, DynamicParameters Parameters) Total()
    {
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(Ranged, reference, parameters, includeDeleted: IncludeDeleted);
        parameters.Add("upTo", options.CountAtMost + 1);
        return ("SELECT count(*) FROM (SELECT 1 FROM projects p WHERE " + where + " LIMIT @upTo) matches", parameters);
    }

    private ProjectFilter Ranged => ProjectFilterSql.WithEveryStatusNamed(filter);

    /// <summary>Every match, sorted: the page after the cursor.</summary>
    public (string Sql, DynamicParameters Parameters) Collect()
    {
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(Ranged, reference, parameters, includeDeleted: IncludeDeleted) + After(parameters);
        // Ordered by the key in a form no index holds, so that PostgreSQL finds the matches through the filters' indexes and
        // keeps the best of them as it goes (a top-N sort), rather than walk an index of the order.
        var sql = $"""
            WITH page AS MATERIALIZED (
                SELECT p.id, {sort.Key.Sql} AS k FROM projects p WHERE {where}
                ORDER BY {sort.UnindexedOrderBy} LIMIT @limit)
            {RowsOf("page")}
            """;
        parameters.Add("limit", limit + 1);
        return (sql, parameters);
    }

    /// <summary>
    /// How a walk goes: one branch per status over projects_walk_* (status, order, id), the place checked from the index;
    /// or, for a district of at most <see cref="MostWalkedPlaces"/> places, one per place and status over projects_place_*
    /// (place, status, order, id), whose entries hold nothing else, so that any other filter reads the row.
    /// </summary>
    private sealed record WalkPlan(string[]? Places, ProjectStatus[] Statuses)
    {
        public bool ByPlace => Places is not null;
        public int Branches => (Places?.Length ?? 1) * Statuses.Length;
        public double CostPerEntry => ByPlace ? 6 : 1;
    }

    private WalkPlan Walked => walked ??= PlanWalk();
    private WalkPlan? walked;

    private WalkPlan PlanWalk()
    {
        var statuses = filter.Status is { Count: > 0 } asked ? asked.Distinct().ToArray() : AllStatuses;
        var places = filter.District is { Count: > 0 } districts
            ? districts.Select(reference.FindPlace).OfType<Place>().SelectMany(place => reference.PlaceAndDescendants(place.Code)).Distinct().ToArray()
            : null;
        return new WalkPlan(places is { Length: <= MostWalkedPlaces } && !IncludeDeleted ? places : null, statuses);
    }

    /// <summary>The page after the cursor, walked in order branch by branch; text and investors, when asked for, checked row by row.</summary>
    public (string Sql, DynamicParameters Parameters) Walk()
    {
        var parameters = new DynamicParameters();
        var plan = Walked;
        string branches, branchMatch;
        if (plan.Places is { } places)
        {
            parameters.Add("branchPlaces", places.SelectMany(place => plan.Statuses.Select(_ => place)).ToArray());
            parameters.Add("branchStatuses", places.SelectMany(_ => plan.Statuses).ToArray());
            branches = "unnest(@branchPlaces::text[], @branchStatuses::project_status[]) AS branch(place_code, status)";
            branchMatch = "p.place_code = branch.place_code AND p.status = branch.status";
        }
        else
        {
            parameters.Add("branchStatuses", plan.Statuses);
            branches = "unnest(@branchStatuses::project_status[]) AS branch(status)";
            branchMatch = "p.status = branch.status";
        }
        var rest = filter with { Status = null, District = plan.ByPlace ? null : filter.District };
        var where = ProjectFilterSql.Conditions(rest, reference, parameters, includeDeleted: IncludeDeleted, textByIndex: false) + After(parameters);
        var sql = $"""
            WITH page AS MATERIALIZED (
                SELECT b.id, b.k
                FROM {branches}
                CROSS JOIN LATERAL (
                    SELECT p.id, {sort.Key.Sql} AS k FROM projects p
                    WHERE {branchMatch} AND {where}
                    ORDER BY {sort.OrderBy} LIMIT @limit) b
                ORDER BY {sort.OrderByColumns("b")} LIMIT @limit)
            {RowsOf("page")}
            """;
        parameters.Add("limit", limit + 1);
        return (sql, parameters);
    }

    private string After(DynamicParameters parameters)
    {
        if (cursor is null || !sort.Key.TryParseValue(cursor.Value, out var value)) return "";
        parameters.Add("cursorValue", value);
        parameters.Add("cursorId", cursor.Id);
        return "\n  AND " + sort.After;
    }

    private string RowsOf(string page) =>
        $"{ProjectColumns.Select}\nJOIN {page} ON {page}.id = p.id\nORDER BY {sort.OrderByColumns(page)}";
}
