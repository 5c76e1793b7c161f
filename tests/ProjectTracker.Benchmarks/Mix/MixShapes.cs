using System.Globalization;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>Which part of the mix a shape belongs to: the ratios to pgbench are reported per part.</summary>
public enum MixPart
{
    ReadById,
    Page,
    Dashboard,
}

/// <summary>One kind of question users ask, with the values it is asked with drawn afresh for each variant.</summary>
/// <param name="Name">What the table calls it.</param>
/// <param name="Part">Reads by id, list pages or dashboards.</param>
/// <param name="Url">A request of this shape, its values drawn from the world.</param>
/// <param name="FollowPages">The variants are pages 2 to 5 of such a list, reached through nextCursor.</param>
public sealed record MixShape(string Name, MixPart Part, Func<Random, MixWorld, string> Url, bool FollowPages = false);

/// <summary>
/// The shapes of the query mix: every filter of the list alone and in the pairs staff and dashboards use, every sort in
/// both directions (alone, by place, by status, by both), later pages, totals, large pages, and each dashboard question.
/// </summary>
public static class MixShapes
{
    private static readonly string[] Statuses = ["intent", "signed", "started", "completed", "cancelled"];
    private static readonly string[] Sorts = ["signedOn", "startedOn", "completedOn", "amount", "name", "updatedAt"];

    public static IReadOnlyList<MixShape> All(DateTimeOffset now)
    {
        var shapes = new List<MixShape>
        {
            new("get by id", MixPart.ReadById, (r, w) => $"/api/projects/{r.NextInt64(w.MinId, w.MaxId + 1)}"),
            List("no filter", (_, _) => ""),
            List("district", (r, w) => District(r, w)),
            List("city or province", (r, w) => $"district={Pick(r, w.Cities)}"),
            List("status", (r, _) => Status(r)),
            List("two statuses", (r, _) => TwoStatuses(r)),
            List("district + status", (r, w) => $"{District(r, w)}&{Status(r)}"),
            List("industry", (r, w) => $"sector={Pick(r, w.Industries)}"),
            List("sector category", (r, w) => $"sector={Pick(r, w.Categories)}"),
            List("park", (r, w) => $"park={Pick(r, w.Parks)}"),
            List("signed in a year", (r, w) => Period(r, w, "signed", month: false)),
            List("signed in a month", (r, w) => Period(r, w, "signed", month: true)),
            List("started in a year", (r, w) => Period(r, w, "started", month: false)),
            List("completed in a year", (r, w) => Period(r, w, "completed", month: false)),
            List("minAmount", (r, _) => $"minAmount={Pick(r, ["1", "5", "10", "50", "100"])}"),
            List("maxAmount", (r, _) => $"maxAmount={Pick(r, ["0.5", "1", "5"])}"),
            List("amount range", (r, _) => Pick(r, ["minAmount=1&maxAmount=5", "minAmount=10&maxAmount=20", "minAmount=100&maxAmount=500"])),
            List("currency USD", (_, _) => "currency=USD"),
            List("investor, common", (r, w) => $"investor={Escape(Pick(r, w.CommonInvestors))}"),
            List("investor, full name", (r, w) => $"investor={Escape(Pick(r, w.RareInvestors))}"),
            List("q, common term", (r, w) => $"q={Escape(Pick(r, w.CommonTerms))}"),
            List("q, rare term", (r, w) => $"q={Escape(Pick(r, w.RareTerms))}"),
            List("updatedSince an hour", (_, _) => UpdatedSince(now.AddHours(-1))),
            List("updatedSince a day", (_, _) => UpdatedSince(now.AddDays(-1))),
            List("updatedSince a month", (_, _) => UpdatedSince(now.AddMonths(-1))),
            List("district + industry", (r, w) => $"{District(r, w)}&sector={Pick(r, w.Industries)}"),
            List("district + year", (r, w) => $"{District(r, w)}&{Period(r, w, "signed", month: false)}"),
            List("district + status + year", (r, w) => $"{District(r, w)}&{Status(r)}&{Period(r, w, "signed", month: false)}"),
            List("district + q", (r, w) => $"{District(r, w)}&q={Escape(Pick(r, w.CommonTerms))}"),
            List("district + minAmount", (r, w) => $"{District(r, w)}&minAmount={Pick(r, ["1", "5", "10"])}"),
            List("status + year", (r, w) => $"{Status(r)}&{Period(r, w, "signed", month: false)}"),
            List("status + industry", (r, w) => $"{Status(r)}&sector={Pick(r, w.Industries)}"),
            List("industry + year", (r, w) => $"sector={Pick(r, w.Industries)}&{Period(r, w, "signed", month: false)}"),
            List("park + status", (r, w) => $"park={Pick(r, w.Parks)}&{Status(r)}"),
            List("status + started in a year", (r, w) => $"status=started&{Period(r, w, "started", month: false)}"),
            List("district + status, total", (r, w) => $"{District(r, w)}&{Status(r)}&includeTotal=true"),
            List("city, total", (r, w) => $"district={Pick(r, w.Cities)}&includeTotal=true"),
            List("industry + year, total", (r, w) => $"sector={Pick(r, w.Industries)}&{Period(r, w, "signed", month: false)}&includeTotal=true"),
            List("no filter, total", (_, _) => "includeTotal=true"),
            List("district, 500 rows", (r, w) => $"{District(r, w)}&limit=500"),
            List("district + status, any sort, pages 2–5", (r, w) => $"{District(r, w)}&{Status(r)}&{AnySort(r)}", followPages: true),
            List("no filter, any sort, pages 2–5", (r, _) => AnySort(r), followPages: true),
            List("q common, pages 2–5", (r, w) => $"q={Escape(Pick(r, w.CommonTerms))}", followPages: true),
        };
        foreach (var key in Sorts)
        {
            foreach (var sort in new[] { key, "-" + key })
            {
                shapes.Add(List($"sort={sort}", (_, _) => $"sort={sort}"));
                shapes.Add(List($"district, sort={sort}", (r, w) => $"{District(r, w)}&sort={sort}"));
                shapes.Add(List($"status, sort={sort}", (r, _) => $"{Status(r)}&sort={sort}"));
                shapes.Add(List($"district + status, sort={sort}", (r, w) => $"{District(r, w)}&{Status(r)}&sort={sort}"));
            }
        }
        shapes.AddRange(
        [
            Dashboard("totals by district, a year", (r, w) => $"totals?groupBy=district&measure=signed&{Period(r, w, "signed", month: false)}"),
            Dashboard("totals by district × status", (r, _) => $"totals?groupBy=district,status&measure={Pick(r, ["current", "signed"])}"),
            Dashboard("totals of a district by industry", (r, w) => $"totals?groupBy=sector&{District(r, w)}&measure=signed"),
            Dashboard("totals by park, a district", (r, w) => $"totals?groupBy=park&{District(r, w)}"),
            Dashboard("totals by district, amount ≥ 10", (r, w) => $"totals?groupBy=district&minAmount=10&{Period(r, w, "signed", month: false)}&measure=signed"),
            Dashboard("series by month, 6 years", (r, w) => Series(r, w, "month", 6)),
            Dashboard("series by quarter, a district", (r, w) => $"{Series(r, w, "quarter", 3)}&{District(r, w)}"),
            Dashboard("kpis of a year", (r, w) => $"kpis?year={Pick(r, w.Years.TakeLast(4).ToArray())}"),
            Dashboard("kpis by district", (r, w) => $"kpis?year={Pick(r, w.Years.TakeLast(4).ToArray())}&groupBy=district"),
            Dashboard("stalled", (r, _) => $"stalled?monthsSinceSigning={Pick(r, ["6", "12"])}"),
            Dashboard("stalled in a district", (r, w) => $"stalled?{District(r, w)}"),
            Dashboard("top projects", (r, w) => $"top?{Period(r, w, "signed", month: false)}"),
            Dashboard("targets", (r, w) => $"targets?year={Pick(r, w.Years.TakeLast(3).ToArray())}"),
            Dashboard("batches", (_, _) => "batches"),
        ]);
        return shapes;
    }

    private static MixShape List(string name, Func<Random, MixWorld, string> query, bool followPages = false) =>
        new(name, MixPart.Page, (r, w) => query(r, w) is { Length: > 0 } q ? $"/api/projects?{q}" : "/api/projects", followPages);

    private static MixShape Dashboard(string name, Func<Random, MixWorld, string> path) => new(name, MixPart.Dashboard, (r, w) => $"/api/dashboard/{path(r, w)}");

    private static string District(Random random, MixWorld world) => $"district={Pick(random, world.Places)}";

    private static string Status(Random random) => $"status={Pick(random, Statuses)}";

    private static string TwoStatuses(Random random)
    {
        var first = random.Next(Statuses.Length);
        var second = (first + 1 + random.Next(Statuses.Length - 1)) % Statuses.Length;
        return $"status={Statuses[first]}&status={Statuses[second]}";
    }

    private static string AnySort(Random random) => $"sort={Pick(random, ["", "-"])}{Pick(random, Sorts)}";

    private static string Period(Random random, MixWorld world, string stage, bool month)
    {
        var year = Pick(random, world.Years.TakeLast(8).ToArray());
        var value = month ? $"{year}-{random.Next(1, 13):00}" : year.ToString(CultureInfo.InvariantCulture);
        return $"{stage}From={value}&{stage}To={value}";
    }

    private static string Series(Random random, MixWorld world, string interval, int years)
    {
        var last = Pick(random, world.Years.TakeLast(3).ToArray());
        return $"timeseries?measure={Pick(random, ["signed", "started"])}&interval={interval}&from={last - years + 1}-01&to={last}-12";
    }

    private static string UpdatedSince(DateTimeOffset instant) =>
        "updatedSince=" + Uri.EscapeDataString(instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
