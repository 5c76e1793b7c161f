using Npgsql;
using NpgsqlTypes;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// The columns of <c>projects</c> in one place: the ones a write sets (in the order a COPY writes them), how each is
/// typed, cast and copied, and which a read returns. The select list, the INSERT, the UPDATE's SET, the bulk writer's
/// staging table and its COPY are all made from this list; a test checks it against the table, <see cref="ProjectWrite"/>
/// and <see cref="ProjectRow"/>. A new column: its migration, a line here, the request and its validator, the stored
/// form (<see cref="ProjectWrite"/>) and the read one (<see cref="ProjectRow"/>, <see cref="Project"/>).
/// </summary>
public static class ProjectColumns
{
    /// <summary>A column a write sets: its name, its type (as staged for a COPY), what its parameter is cast to (an enum, jsonb), and how it is copied.</summary>
    public sealed record Column(string Name, string Type, string? Cast, Action<NpgsqlBinaryImporter, ProjectWrite> Copy, bool Updated = true, bool Read = true)
    {
        /// <summary>The <see cref="ProjectWrite"/> property (and Dapper parameter) of the column: name_zh → NameZh.</summary>
        public string Property { get; } = string.Concat(Name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

        /// <summary>The column's value as a parameter, cast to its enum where it has one.</summary>
        public string Parameter => Cast is null ? $"@{Property}" : $"@{Property}::{Cast}";
    }

    /// <summary>What a write sets, in order. Derived columns (normalised name, effective amount, search text) are the write's.</summary>
    public static readonly IReadOnlyList<Column> Written =
    [
        Text("name_zh", w => w.NameZh),
        Text("name_en", w => w.NameEn),
        Text("normalized_name", w => w.NormalizedName, read: false),
        Enum("kind", "project_kind", w => w.Kind),
        TextArray("investors", w => w.Investors),
        Text("place_code", w => w.PlaceCode),
        Text("park_code", w => w.ParkCode),
        Text("sector_code", w => w.SectorCode),
        // A status changes only through its own endpoint, which keeps the history.
        Enum("status", "project_status", w => w.Status) with { Updated = false },
        Numeric("amount", w => w.Amount),
        Enum("amount_qualifier", "amount_qualifier", w => w.AmountQualifier),
        Enum("currency", "currency", w => w.Currency),
        new("phases", "jsonb", "jsonb", (importer, w) => importer.Write(w.Phases, NpgsqlDbType.Jsonb)),
        Numeric("effective_amount", w => w.EffectiveAmount),
        Enum("effective_qualifier", "amount_qualifier", w => w.EffectiveQualifier),
        Date("signed_on", w => w.SignedOn),
        Enum("signed_on_precision", "date_precision", w => w.SignedOnPrecision),
        Date("started_on", w => w.StartedOn),
        Enum("started_on_precision", "date_precision", w => w.StartedOnPrecision),
        Date("completed_on", w => w.CompletedOn),
        Enum("completed_on_precision", "date_precision", w => w.CompletedOnPrecision),
        Text("project_code", w => w.ProjectCode),
        Numeric("land_area_sqm", w => w.LandAreaSqm),
        Text("notes", w => w.Notes),
        TextArray("search_tokens", w => w.SearchTokens, read: false),
        Text("search_text", w => w.SearchText, read: false),
    ];

    /// <summary>What a read returns besides the written columns: the row's identity and bookkeeping.</summary>
    public static readonly IReadOnlyList<string> Bookkeeping = ["version", "created_at", "updated_at", "deleted_at"];

    /// <summary>Columns that neither the API reads nor a write sets (the seed loader's key is set by the bulk writer).</summary>
    public static readonly IReadOnlyList<string> Unlisted = ["seed_key"];

    /// <summary>The written columns, comma-separated, in order (an INSERT's or a COPY's column list).</summary>
    public static readonly string Names = string.Join(", ", Written.Select(column => column.Name));

    /// <summary>The written columns as parameters, in order (an INSERT's VALUES).</summary>
    public static readonly string Parameters = string.Join(", ", Written.Select(column => column.Parameter));

    /// <summary>The columns a correction may change.</summary>
    private static readonly IReadOnlyList<Column> Correctable = [.. Written.Where(column => column.Updated)];

    /// <summary>An UPDATE's SET of every column a correction may change.</summary>
    public static readonly string UpdateSet = string.Join(", ", Correctable.Select(column => $"{column.Name} = {column.Parameter}"));

    /// <summary>True for a row that already holds everything an UPDATE with <see cref="UpdateSet"/>'s parameters would set.</summary>
    public static readonly string HoldsUpdate =
        $"({string.Join(", ", Correctable.Select(column => column.Name))}) IS NOT DISTINCT FROM ({string.Join(", ", Correctable.Select(column => column.Parameter))})";

    /// <summary>The bulk writer's staging table columns (enums as text, cast when merged).</summary>
    public static readonly string StagingDefinition = string.Join(", ", Written.Select(column => $"{column.Name} {column.Type}"));

    /// <summary>The staged columns as the table takes them.</summary>
    public static readonly string StagingSelect = string.Join(", ", Written.Select(column => column.Cast is null ? column.Name : $"{column.Name}::{column.Cast}"));

    /// <summary>The columns a read returns (a <see cref="ProjectRow"/>), from <c>projects p</c>.</summary>
    public static readonly string Select = "SELECT " + string.Join(", ",
        new[] { "p.id" }
            .Concat(Written.Where(column => column.Read).Select(column => column.Type == "jsonb" ? $"p.{column.Name}::text AS {column.Name}" : $"p.{column.Name}"))
            .Concat(Bookkeeping.Select(name => $"p.{name}"))) + "\nFROM projects p";

    /// <summary>Writes one project's written columns into a binary COPY, in order.</summary>
    public static void Copy(NpgsqlBinaryImporter importer, ProjectWrite write)
    {
        foreach (var column in Written) column.Copy(importer, write);
    }

    private static Column Text(string name, Func<ProjectWrite, string?> value, bool read = true) =>
        new(name, "text", null, (importer, w) => WriteText(importer, value(w)), Read: read);

    // Enums travel as text (which is also their binary form) and are cast where they are stored.
    private static Column Enum(string name, string type, Func<ProjectWrite, string?> value) =>
        new(name, "text", type, (importer, w) => WriteText(importer, value(w)));

    private static Column TextArray(string name, Func<ProjectWrite, string[]> value, bool read = true) =>
        new(name, "text[]", null, (importer, w) => importer.Write(value(w), NpgsqlDbType.Array | NpgsqlDbType.Text), Read: read);

    private static Column Numeric(string name, Func<ProjectWrite, decimal?> value) =>
        new(name, "numeric", null, (importer, w) =>
        {
            if (value(w) is { } number) importer.Write(number, NpgsqlDbType.Numeric);
            else importer.WriteNull();
        });

    private static Column Date(string name, Func<ProjectWrite, DateOnly?> value) =>
        new(name, "date", null, (importer, w) =>
        {
            if (value(w) is { } date) importer.Write(date, NpgsqlDbType.Date);
            else importer.WriteNull();
        });

    internal static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Text);
    }
}
