using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// The allowed orders of the project list. Each maps to a fixed SQL expression (user text never
/// reaches SQL) that never yields NULL — unknown dates and amounts sort as the smallest — so the
/// keyset condition <c>(key, id) &gt; (@value, @id)</c> works and an index serves it.
/// </summary>
public sealed class ProjectSort
{
    /// <summary>The signing date as the indexes hold it (projects_walk_signed, projects_place_status_signed …): unknown as -infinity.</summary>
    public const string SignedOnKey = "coalesce(p.signed_on, '-infinity'::date)";

    /// <summary>The start date as projects_walk_started holds it.</summary>
    public const string StartedOnKey = "coalesce(p.started_on, '-infinity'::date)";

    /// <summary>The completion date as projects_walk_completed holds it.</summary>
    public const string CompletedOnKey = "coalesce(p.completed_on, '-infinity'::date)";

    /// <summary>The effective amount as projects_walk_amount holds it: unknown as -1.</summary>
    public const string AmountKey = "coalesce(p.effective_amount, -1)";

    private static readonly SortKey[] KeysInOrder =
    [
        new("signedOn", SignedOnKey, $"{SignedOnKey} + 0", project => DateValue(project.SignedOn), TryParseDate),
        new("startedOn", StartedOnKey, $"{StartedOnKey} + 0", project => DateValue(project.StartedOn), TryParseDate),
        new("completedOn", CompletedOnKey, $"{CompletedOnKey} + 0", project => DateValue(project.CompletedOn), TryParseDate),
        new("amount", AmountKey, $"{AmountKey} + 0", project => (project.EffectiveAmount ?? -1m).ToString(CultureInfo.InvariantCulture), TryParseDecimal),
        new("name", "p.name_zh", "p.name_zh || ''", project => project.NameZh, (string text, out object value) => { value = text; return true; }),
        new("updatedAt", "p.updated_at", "p.updated_at + interval '0'", project => project.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), TryParseTicks),
    ];

    public static readonly ProjectSort Default = new(KeysInOrder.Single(key => key.Name == "signedOn"), descending: true);
    public static readonly ProjectSort LargestFirst = new(KeysInOrder.Single(key => key.Name == "amount"), descending: true);

    private ProjectSort(SortKey key, bool descending)
    {
        Key = key;
        Descending = descending;
    }

    public static IEnumerable<string> Keys => KeysInOrder.Select(key => key.Name);

    /// <summary>Every sort a list takes: each key, ascending and with - descending.</summary>
    public static readonly IReadOnlyList<string> Spellings = [.. KeysInOrder.SelectMany(key => new[] { key.Name, "-" + key.Name })];

    public SortKey Key { get; }
    public bool Descending { get; }

    /// <summary>As written in the query string: <c>-signedOn</c>.</summary>
    public string Name => (Descending ? "-" : "") + Key.Name;

    public string OrderBy => Descending ? $"{Key.Sql} DESC, p.id DESC" : $"{Key.Sql} ASC, p.id ASC";

    /// <summary>The same order, on the key in a form no index holds (a sort, never an index walk).</summary>
    public string UnindexedOrderBy => Descending ? $"{Key.Unindexed} DESC, p.id DESC" : $"{Key.Unindexed} ASC, p.id ASC";

    /// <summary>The same order over a derived table's columns <c>k</c> (the key) and <c>id</c>.</summary>
    public string OrderByColumns(string alias) => Descending ? $"{alias}.k DESC, {alias}.id DESC" : $"{alias}.k ASC, {alias}.id ASC";

    /// <summary>Rows after the cursor row in this order.</summary>
    public string After => Descending ? $"({Key.Sql}, p.id) < (@cursorValue, @cursorId)" : $"({Key.Sql}, p.id) > (@cursorValue, @cursorId)";

    public static bool TryParse(string? text, [NotNullWhen(true)] out ProjectSort? sort)
    {
        sort = null;
        if (string.IsNullOrEmpty(text))
        {
            sort = Default;
            return true;
        }
        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        var key = KeysInOrder.FirstOrDefault(candidate => candidate.Name == name);
        if (key is null) return false;
        sort = new ProjectSort(key, descending);
        return true;
    }

    private static string DateValue(PartialDate? date) =>
        date?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-infinity";

    private static bool TryParseDate(string text, out object value)
    {
        value = DateOnly.MinValue;
        if (text == "-infinity") return true;
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        value = date;
        return ok;
    }

    private static bool TryParseDecimal(string text, out object value)
    {
        var ok = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number);
        value = number;
        return ok;
    }

    private static bool TryParseTicks(string text, out object value)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;
        value = ok ? new DateTime(ticks, DateTimeKind.Utc) : DateTime.MinValue;
        return ok;
    }
}

public delegate bool SortValueParser(string text, out object value);

/// <summary>
/// One orderable key: its SQL expression (as the indexes hold it), the same values in a form no index holds, how a row's
/// value is written into a cursor, and read back.
/// </summary>
public sealed record SortKey(string Name, string Sql, string Unindexed, Func<Project, string> ValueOf, SortValueParser TryParseValue);
