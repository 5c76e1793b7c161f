using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using FsCheck;
using FsCheck.Fluent;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Reliability;

/// <summary>
/// Thousands of generated malformed requests against every write endpoint and query parameter: wrong types, huge and
/// negative numbers, NaN-like values, control characters, SQL metacharacters and injection strings, unknown enum
/// values, far-past and far-future dates, deep nesting, invalid UTF-8, oversized bodies — every combination of the
/// curated values, and for queries also strings FsCheck generates. Never a 5xx; always problem details (naming the field
/// when there is one); and the database is exactly as it was.
/// </summary>
public sealed class HostileInputTests(TestDatabase database) : DatabaseTests(database)
{
    private const int GeneratedQueries = 1_000;
    private const int GeneratedPairs = 1_200;

    /// <summary>Project fields whose hostile values are wrong whatever the other fields hold.</summary>
    private static readonly string[] Independent = ["nameZh", "nameEn", "kind", "investors", "sector", "currency", "landAreaSqm", "notes", "unknownField"];

    /// <summary>Values no field accepts where they are put (each case breaks one field, so no case may write anything).</summary>
    private static readonly string[] Injections =
    [
        "' OR 1=1 --", "'; DROP TABLE projects; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)", "$$; DELETE FROM audit_log; $$",
        "%' AND 1=1 AND '%'='", "\\x27", "<script>alert(1)</script>", "${jndi:ldap://x}", "../../etc/passwd", "Robert'); DROP TABLE students;--",
    ];

    private static readonly string[] NotText = ["0", "-1", "1e400", "[]", "{}", "true", "[\"a\",\"b\"]", "{\"$ne\":null}"];

    private static readonly string[] BadText =
    [
        "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u001b[31mred\"", "\"\\ud800\"", "\"\\udfff lonely\"",
        JsonSerializer.Serialize(new string('项', 10_000)), JsonSerializer.Serialize("一\n二"),
    ];

    /// <summary>Not a code of anything. (An empty string is not among them: for an optional field it means "none".)</summary>
    private static readonly string[] BadCodes = [.. Injections.Select(text => JsonSerializer.Serialize(text)), "\"jiangxia\\u0000\"", "\"unknown_value\"", "\"420115' OR '1'='1\""];

    private static readonly string[] BadAmounts =
    [
        "-1", "0", "-0.0001", "100000", "1e400", "123456789012345678901234567890", "1.00001", "\"12\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
        "true", "[]", "{}", "\"约1亿元\"", "0.00001",
    ];

    private static readonly string[] BadDates =
    [
        "\"1900-01-01\"", "\"1989-12-31\"", "\"9999-12-31\"", "\"3000\"", "\"2023-13-01\"", "\"2023-02-30\"", "\"2023-00\"", "\"明年\"",
        "\"2023/01/31\"", "20230131", "\"0001-01-01\"", "\"2023-01-31T00:00:00Z\"", "\"\"", "[]", JsonSerializer.Serialize(Injections[0]),
    ];

    private static string Deep(int levels) => new string('[', levels) + new string(']', levels);

    /// <summary>A valid body and, per field, the hostile values that make it invalid.</summary>
    private sealed record Endpoint(string Name, HttpMethod Method, string Path, JsonObject Body, Dictionary<string, string[]> Fields, bool Admin = false);

    private static Dictionary<string, string[]> ProjectFields() => new()
    {
        ["nameZh"] = [.. BadText, .. NotText, "null", Deep(40)],
        ["nameEn"] = [.. NotText.Where(v => v != "0"), "\"\\u0000\"", JsonSerializer.Serialize(new string('a', 400))],
        ["kind"] = [.. BadCodes, "\"\"", "0", "null", "1"],
        ["investors"] = ["\"湖北医疗\"", "[1]", "[{}]", "[\"\\u0000\"]", JsonSerializer.Serialize(Enumerable.Repeat("公司", 21)), Deep(50)],
        ["district"] = [.. BadCodes, "\"\"", "null", "420115", "[]"],
        ["park"] = [.. BadCodes, "\"longyanghu-health\"", "1"],
        ["sector"] = [.. BadCodes, "\"\"", "null", "13"],
        ["status"] = [.. BadCodes, "\"\"", "null", "2", "\"intent\""],
        ["amount"] = BadAmounts,
        ["amountQualifier"] = [.. BadCodes, "3"],
        ["currency"] = [.. BadCodes, "\"EUR\"", "\"usd\"", "1"],
        ["phases"] = ["\"一期\"", "[null]", "[{}]", "[{\"name\":\"一期\",\"amount\":-1}]", "[{\"name\":\"一期\",\"amount\":100},{\"name\":\"一期\"}]", "{}", Deep(40)],
        ["signedOn"] = BadDates,
        ["startedOn"] = ["\"2020-01-01\"", .. BadDates],
        ["completedOn"] = ["\"2020-01-01\"", .. BadDates],
        ["projectCode"] = [.. BadCodes, "\"2023-420115-35-03-01234\"", "\"1899-420115-35-03-012345\"", "12345"],
        ["landAreaSqm"] = BadAmounts.Where(v => v is not "100000" and not "1.00001").Concat(["1000000000", "0.001"]).ToArray(),
        ["notes"] = ["\"\\u0000\"", JsonSerializer.Serialize(new string('注', 4_001)), .. NotText],
        ["unknownField"] = ["1", "\"x\"", "null"],
    };

    private static JsonObject ValidProject(string name) => new()
    {
        ["nameZh"] = name, ["kind"] = "investment", ["district"] = "jiangxia", ["park"] = "miaoshan", ["sector"] = "biomedicine",
        ["status"] = "signed", ["amount"] = 2.5m, ["signedOn"] = "2023-02-01",
    };

    private List<Endpoint> Endpoints(long projectId, long targetId) =>
    [
        new("create project", HttpMethod.Post, "/api/projects", ValidProject("敌意创建项目"), ProjectFields()),
        new("replace project", HttpMethod.Put, $"/api/projects/{projectId}", ValidProject("敌意基准项目"), ProjectFields()),
        new("change status", HttpMethod.Post, $"/api/projects/{projectId}/status", new JsonObject { ["status"] = "started", ["date"] = "2024-03-01" }, new()
        {
            ["status"] = [.. BadCodes, "\"\"", "null", "4", "\"signed\"", "\"intent\""],
            ["date"] = BadDates.Where(v => v != "\"\"").ToArray(),
            ["note"] = ["\"\\u0000\"", JsonSerializer.Serialize(new string('注', 2_001)), .. NotText],
            ["correction"] = ["\"yes\"", "1", "[]"],
        }),
        new("record event", HttpMethod.Post, "/api/events", new JsonObject
        {
            ["kind"] = "groundbreaking", ["date"] = "2024-03-01", ["district"] = "jiangxia", ["title"] = "集中开工",
            ["projects"] = new JsonArray(new JsonObject { ["nameZh"] = "敌意活动项目", ["sector"] = "nev_icv", ["amount"] = 3 }),
        }, new()
        {
            ["kind"] = [.. BadCodes, "\"\"", "null", "1"],
            ["date"] = [.. BadDates, "null"],
            ["district"] = [.. BadCodes, "\"\"", "null"],
            ["title"] = [.. BadText, .. NotText, "null"],
            ["reportedProjectCount"] = ["-1", "100001", "1.5", "\"21\"", "1e400"],
            ["reportedAmount"] = BadAmounts,
            ["projects"] = ["{}", "\"x\"", "[null]", "[{\"id\": -1}]", "[{\"id\": 999999999}]", "[{\"id\": 1, \"nameZh\": \"x\"}]",
                "[{\"nameZh\":\"敌意子项目\",\"sector\":\"nev_icv\",\"amount\":-5}]", "[{\"nameZh\":\"' OR 1=1 --\",\"sector\":\"' OR 1=1 --\"}]", Deep(60)],
        }),
        new("create target", HttpMethod.Post, "/api/targets", TargetBody(), TargetFields()),
        new("replace target", HttpMethod.Put, $"/api/targets/{targetId}", TargetBody(), TargetFields()),
        new("create key", HttpMethod.Post, "/api/keys", new JsonObject { ["name"] = "敌意密钥", ["role"] = "viewer" }, new()
        {
            ["name"] = [.. BadText, .. NotText, "null"],
            ["role"] = [.. BadCodes, "\"superuser\"", "null", "2"],
            ["districts"] = ["[\"' OR 1=1 --\"]", "\"jiangxia\"", "[1]", "[null]"],
        }, Admin: true),
    ];

    private static JsonObject TargetBody() => new() { ["district"] = "jiangxia", ["year"] = 2024, ["measure"] = "signed_count", ["value"] = 10, ["title"] = "签约目标" };

    private static Dictionary<string, string[]> TargetFields() => new()
    {
        ["district"] = [.. BadCodes, "\"\"", "null"],
        ["year"] = ["1800", "2101", "2024.5", "\"2024\"", "-1", "1e400", "null"],
        ["measure"] = [.. BadCodes, "\"\"", "null", "0"],
        ["value"] = [.. BadAmounts.Where(v => v != "100000"), "null"],
        ["title"] = [.. BadText, .. NotText, "null"],
        ["minProjectAmount"] = BadAmounts.Where(v => v != "100000").ToArray(),
    };

    /// <summary>Whole bodies that are wrong before any field is read.</summary>
    private static readonly (string Name, Func<HttpContent> Body)[] BrokenBodies =
    [
        ("empty", () => new StringContent("", Encoding.UTF8, "application/json")),
        ("not JSON", () => new StringContent("nameZh=项目", Encoding.UTF8, "application/json")),
        ("truncated", () => new StringContent("{\"nameZh\":\"项", Encoding.UTF8, "application/json")),
        ("invalid UTF-8", () => new ByteArrayContent([.. "{\"nameZh\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]) { Headers = { ContentType = new("application/json") } }),
        ("deeply nested", () => new StringContent("{\"nameZh\":" + Deep(10_000) + "}", Encoding.UTF8, "application/json")),
        ("wrong media type", () => new StringContent("{}", Encoding.UTF8, "text/plain")),
        ("a JSON array", () => new StringContent("[1,2,3]", Encoding.UTF8, "application/json")),
        ("10 MB", () => new StringContent("{\"notes\":\"" + new string('x', 10 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json")),
    ];

    private static readonly (string Path, string[] Parameters)[] Queries =
    [
        ("/api/projects", ["district", "park", "sector", "status", "signedFrom", "signedTo", "startedFrom", "startedTo", "minAmount", "maxAmount",
            "currency", "investor", "updatedSince", "q", "sort", "limit", "cursor", "includeTotal"]),
        ("/api/dashboard/totals", ["groupBy", "measure", "district", "status", "signedFrom", "minAmount", "format"]),
        ("/api/dashboard/timeseries", ["measure", "interval", "from", "to", "district"]),
        ("/api/dashboard/targets", ["year", "district", "format"]),
        ("/api/dashboard/top", ["by", "limit", "currency", "district"]),
        ("/api/dashboard/kpis", ["year", "groupBy", "thresholds", "district"]),
        ("/api/dashboard/stalled", ["monthsSinceSigning", "monthsSinceStart", "district", "limit"]),
        ("/api/projects/export", ["format", "headers", "district", "status"]),
        ("/api/events", ["district", "kind", "from", "to", "limit", "before"]),
        ("/api/audit", ["from", "to", "actor", "action", "entityType", "after", "limit"]),
    ];

    private static readonly string[] HostileQueryValues =
    [
        .. Injections, "", " ", "-1", "0", "99999999999999999999", "1e400", "NaN", "Infinity", "-Infinity", "%00", "\u0000", "\u001b", "😀😀",
        "2023-13-01", "1900", "9999-12-31", "true", "[]", "{}", "a,b,c,d,e", new string('x', 5_000), "signedOn;DROP", "-signedOn,name",
        "district,district,district", "Li4vLi4v", "eyJzIjoiLXNpZ25lZE9uIn0", "../../secret", "%27%20OR%201%3D1",
    ];

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<string>("""
            SELECT concat_ws('|',
                (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM projects p),
                (SELECT count(*) FROM project_history), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM batches),
                (SELECT count(*) FROM batch_projects), (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM targets t),
                (SELECT count(*) FROM api_keys), (SELECT count(*) FROM imports),
                (SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM project_rollup r))
            """) ?? "";
    }

    private static async Task<string?> AssertProblemAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500) return $"{what}: {status} {body[..Math.Min(body.Length, 300)]}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{what}: {status} without problem details: {body[..Math.Min(body.Length, 200)]}";
        using var problem = JsonDocument.Parse(body);
        if (status == 400 && !(problem.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any()) && !problem.RootElement.TryGetProperty("detail", out _))
            return $"{what}: 400 naming no field: {body}";
        return null;
    }

    [Fact]
    public async Task MalformedWritesAreRefusedWithProblemDetailsAndChangeNothing()
    {
        var project = await Client().CreateProjectAsync(ApiJson.Project("敌意基准项目", sector: "biomedicine", park: "miaoshan", amount: 2.5m));
        var target = await (await Client().PostAsync("/api/targets", new ProjectTracker.Api.Targets.TargetRequest
        {
            District = "jiangxia", Year = 2024, Measure = ProjectTracker.Api.Targets.TargetMeasure.SignedCount, Value = 10, Title = "签约目标",
        })).ReadAsync<ProjectTracker.Api.Targets.Target>(HttpStatusCode.Created);
        var editor = Database.Api.CreateClient(Database.Api.CreateKey(ProjectTracker.Api.Auth.ApiRole.Editor));
        var admin = Client();
        var endpoints = Endpoints(project.Id, target.Id);
        var before = await SnapshotAsync();
        var failures = new List<string>();

        // Every endpoint, every field, every hostile value for it: all combinations, so a run never depends on luck.
        var cases = endpoints.SelectMany(t => t.Fields.SelectMany(field => field.Value.Select(value => (t, new[] { (field.Key, value) })))).ToList();
        // And FsCheck's pairs: two fields broken at once, of those whose values are wrong whatever the others say.
        var pairs = from t in Gen.Elements(endpoints.Where(e => e.Path.StartsWith("/api/projects", StringComparison.Ordinal) && !e.Path.EndsWith("/status", StringComparison.Ordinal)).ToArray())
                    from first in Gen.Elements(Independent)
                    from second in Gen.Elements(Independent.Where(field => field != first).ToArray())
                    from a in Gen.Elements(t.Fields[first])
                    from b in Gen.Elements(t.Fields[second])
                    select (t, new[] { (first, a), (second, b) });
        cases.AddRange(pairs.Sample(GeneratedPairs, 100));
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancellation }, async (c, token) =>
        {
            var (endpoint, mutations) = c;
            var body = (JsonObject)endpoint.Body.DeepClone();
            foreach (var (field, _) in mutations) body.Remove(field);
            var json = body.ToJsonString();
            var extra = string.Join(",", mutations.Select(m => $"\"{m.Item1}\":{m.Item2}"));
            json = json.Length == 2 ? $"{{{extra}}}" : json[..^1] + $",{extra}}}";
            var request = new HttpRequestMessage(endpoint.Method, endpoint.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (endpoint.Method == HttpMethod.Put) request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var response = await (endpoint.Admin ? admin : editor).SendAsync(request, token);
            var what = $"{endpoint.Name} {string.Join(", ", mutations.Select(m => $"{m.Item1}={m.Item2[..Math.Min(m.Item2.Length, 60)]}"))}";
            if (await AssertProblemAsync(response, what) is { } failure)
                lock (failures) failures.Add(failure);
        });

        foreach (var t in endpoints)
        {
            foreach (var (name, body) in BrokenBodies)
            {
                var request = new HttpRequestMessage(t.Method, t.Path) { Content = body() };
                if (t.Method == HttpMethod.Put) request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                if (await AssertProblemAsync(await (t.Admin ? admin : editor).SendAsync(request, Cancellation), $"{t.Name} with a {name} body") is { } failure) failures.Add(failure);
            }
        }

        Assert.True(cases.Count + endpoints.Count * BrokenBodies.Length > 2_000, $"{cases.Count} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Every query parameter of every read endpoint with every hostile value (all combinations, not a sample).</summary>
    [Fact]
    public async Task HostileQueryParametersNeverMakeA5xx()
    {
        var client = Client();
        var before = await SnapshotAsync();
        var failures = new List<string>();
        var urls = Queries.SelectMany(q => q.Parameters.SelectMany(parameter => HostileQueryValues.Select(value => $"{q.Path}?{parameter}={Uri.EscapeDataString(value)}"))).ToList();

        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancellation }, async (url, token) =>
        {
            var response = await client.GetAsync(url, token);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified) return;
            if (await AssertProblemAsync(response, $"GET {url[..Math.Min(url.Length, 120)]}") is { } failure)
                lock (failures) failures.Add(failure);
        });

        // And what FsCheck makes up: arbitrary strings (any Unicode, control characters included) in any parameter.
        var generated = from q in Gen.Elements(Queries)
                        from parameter in Gen.Elements(q.Parameters)
                        from value in ArbMap.Default.GeneratorFor<string>().Where(text => text is not null)
                        select $"{q.Path}?{parameter}={Uri.EscapeDataString(value)}";
        var sample = generated.Sample(GeneratedQueries, 200).ToList();
        foreach (var url in sample)
        {
            var response = await client.GetAsync(url, Cancellation);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified) continue;
            if (await AssertProblemAsync(response, $"GET {url[..Math.Min(url.Length, 120)]}") is { } failure) failures.Add(failure);
        }

        Assert.True(urls.Count + sample.Count > 3_000, $"{urls.Count + sample.Count} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await SnapshotAsync());
    }
}
