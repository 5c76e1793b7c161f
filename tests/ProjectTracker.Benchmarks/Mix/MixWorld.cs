using Dapper;
using Npgsql;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>
/// What the benchmark's requests are drawn from: the places, sectors, parks, years, ids, search terms and investors of
/// the database under test, so that busy and rare values alike are asked for, as users and dashboards ask.
/// </summary>
public sealed record MixWorld(
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Cities,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Parks,
    IReadOnlyList<int> Years,
    long MinId,
    long MaxId,
    IReadOnlyList<string> CommonTerms,
    IReadOnlyList<string> RareTerms,
    IReadOnlyList<string> CommonInvestors,
    IReadOnlyList<string> RareInvestors)
{
    public static async Task<MixWorld> LoadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string[]> Strings(string sql) => (await connection.QueryAsync<string>(sql)).ToArray();

        // Every place that holds projects, by code: the busiest and the rarest are drawn alike.
        var places = await Strings("SELECT DISTINCT place_code FROM project_rollup_year WHERE stage = 'current' ORDER BY 1");
        var cities = await Strings("SELECT code FROM places WHERE kind IN ('province', 'city') AND code IN (SELECT parent_code FROM places) ORDER BY code");
        var industries = await Strings("SELECT code FROM sectors WHERE category_code IS NOT NULL ORDER BY code");
        var categories = await Strings("SELECT code FROM sectors WHERE category_code IS NULL ORDER BY code");
        var parks = await Strings("SELECT code FROM parks ORDER BY code");
        var years = (await connection.QueryAsync<int>(
            "SELECT DISTINCT period_year FROM project_rollup_year WHERE stage = 'signed' AND period_year IS NOT NULL ORDER BY 1")).ToArray();
        var (minId, maxId) = await connection.QuerySingleAsync<(long, long)>("SELECT min(id), max(id) FROM projects WHERE deleted_at IS NULL");

        // Terms users type: four-character pieces of names, common ones (in many names of a sample) and rare ones (from the
        // seeded projects, whose names are real and mostly unique); investors likewise, by a company's brand or its full name.
        var sample = await Strings("SELECT name_zh FROM projects TABLESAMPLE SYSTEM (1) REPEATABLE (42) WHERE seed_key IS NULL LIMIT 5000");
        var common = sample.SelectMany(name => Pieces(name, 4)).GroupBy(piece => piece)
            .Where(group => group.Count() >= sample.Length / 100).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key).Take(20).ToArray();
        var seedNames = await Strings("SELECT name_zh FROM projects WHERE seed_key IS NOT NULL ORDER BY id");
        var rare = seedNames.Select(name => name.Length > 6 ? name.Substring(2, 4) : name).Where(term => term.Length >= 2)
            .Distinct().Take(40).Append("量子隧穿").ToArray(); // (and one that matches nothing)
        var investors = await Strings(
            "SELECT DISTINCT i FROM (SELECT unnest(investors) AS i FROM projects TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE seed_key IS NULL) s ORDER BY 1 LIMIT 400");
        var commonInvestors = investors.Where(name => name.Length >= 6).Select(name => name.Substring(2, 4)).Distinct().Take(40).ToArray();
        var rareInvestors = investors.Take(40).ToArray();
        return new MixWorld(places, cities, industries, categories, parks, years, minId, maxId, common, rare, commonInvestors, rareInvestors);
    }

    private static IEnumerable<string> Pieces(string text, int length)
    {
        for (var i = 0; i + length <= text.Length; i++)
        {
            var piece = text.Substring(i, length);
            if (piece.All(char.IsLetterOrDigit)) yield return piece;
        }
    }
}
