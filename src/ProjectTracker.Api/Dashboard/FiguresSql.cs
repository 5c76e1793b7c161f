namespace ProjectTracker.Api.Dashboard;

/// <summary>
/// The seven figures of a group (<see cref="Figures"/>) as one SQL aggregate, over rollup rows (<c>r</c>, which hold them
/// per group already) or over projects (<c>p</c>, one each).
/// </summary>
internal static class FiguresSql
{
    public static readonly string OverRollup = Aggregate(
        "r.project_count", "r.amount_sum", "r.currency", "r.without_amount", "r.approx_count", "r.at_least_count", "r.at_most_count");

    public static readonly string OverProjects = Aggregate(
        "1", "p.effective_amount", "p.currency", "(p.effective_amount IS NULL)::int", "(p.effective_qualifier = 'approx')::int",
        "(p.effective_qualifier = 'at_least')::int", "(p.effective_qualifier = 'at_most')::int");

    private static string Aggregate(string count, string amount, string currency, string without, string approx, string atLeast, string atMost) => $"""
        coalesce(sum({count}), 0)::bigint AS project_count,
        coalesce(sum({amount}) FILTER (WHERE {currency} = 'CNY'), 0) AS amount_cny,
        coalesce(sum({amount}) FILTER (WHERE {currency} = 'USD'), 0) AS amount_usd,
        coalesce(sum({without}), 0)::bigint AS without_amount, coalesce(sum({approx}), 0)::bigint AS approx_count,
        coalesce(sum({atLeast}), 0)::bigint AS at_least_count, coalesce(sum({atMost}), 0)::bigint AS at_most_count
        """;

    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0, 0);

    public static Figures Sum(IEnumerable<Figures> figures) => figures.Aggregate(Zero, (a, b) => new Figures(
        a.ProjectCount + b.ProjectCount, a.AmountCny + b.AmountCny, a.AmountUsd + b.AmountUsd, a.WithoutAmount + b.WithoutAmount,
        a.ApproxCount + b.ApproxCount, a.AtLeastCount + b.AtLeastCount, a.AtMostCount + b.AtMostCount));
}
