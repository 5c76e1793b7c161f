using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ProjectTracker.Benchmarks.Mix;

/// <summary>
/// Captures the SQL the API sends for each request, with its parameter values, from PostgreSQL's own statement log:
/// logging of every statement is switched on for the capture, and before each request a marker statement is logged from
/// a connection of this program's, so the API's statements between two markers are that request's. What pgbench then
/// runs is exactly what the API ran.
/// </summary>
public sealed partial class SqlCapture(string superuserConnectionString, string serverLogPath) : IAsyncDisposable
{
    private const string Application = "ProjectTracker.Mix";
    private const string LinePrefix = "@@%a@@ ";
    private NpgsqlConnection? markers;
    private long logStart;

    public async Task StartAsync()
    {
        await SetLoggingAsync(on: true);
        logStart = new FileInfo(serverLogPath).Length;
        markers = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuserConnectionString) { ApplicationName = Application, Pooling = false }.ConnectionString);
        await markers.OpenAsync();
    }

    public async Task MarkAsync(int requestIndex) => await markers!.ExecuteAsync($"SELECT 'ptmix:{requestIndex}'");

    /// <summary>Stops the capture and returns, per marked request index, the statements the API ran, values inlined.</summary>
    public async Task<Dictionary<int, List<string>>> StopAsync()
    {
        await MarkAsync(-1);
        await SetLoggingAsync(on: false);
        await Task.Delay(500); // the last lines reach the log file
        await using var log = new FileStream(serverLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(logStart, SeekOrigin.Begin);
        using var reader = new StreamReader(log, Encoding.UTF8);
        return Parse(await reader.ReadToEndAsync());
    }

    private async Task SetLoggingAsync(bool on)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(on
            ? $"ALTER SYSTEM SET log_statement = 'all'; ALTER SYSTEM SET log_line_prefix = '{LinePrefix}'; SELECT pg_reload_conf();"
            : "ALTER SYSTEM RESET log_statement; ALTER SYSTEM RESET log_line_prefix; SELECT pg_reload_conf();");
        await Task.Delay(300); // every backend rereads its settings before its next statement
    }

    /// <summary>Log entries (a prefixed line and its continuation lines) as (application, level, message).</summary>
    internal static Dictionary<int, List<string>> Parse(string log)
    {
        var statements = new Dictionary<int, List<string>>();
        var current = -2;
        string? pending = null;
        void Flush(string? parameters)
        {
            if (pending is null) return;
            if (current >= 0 && !IsBackground(pending))
            {
                if (!statements.TryGetValue(current, out var list)) statements[current] = list = [];
                list.Add(Inline(pending, parameters));
            }
            pending = null;
        }

        foreach (var (application, level, message) in Entries(log))
        {
            if (application == Application && MarkerPattern().Match(message) is { Success: true } marker)
            {
                Flush(null);
                current = int.Parse(marker.Groups[1].Value);
                continue;
            }
            if (application != "ProjectTracker.Api") continue;
            if (level == "DETAIL" && message.StartsWith("parameters: ", StringComparison.Ordinal))
            {
                Flush(message["parameters: ".Length..]);
            }
            else if (level == "LOG" && StatementPattern().Match(message) is { Success: true } statement)
            {
                Flush(null);
                pending = statement.Groups[1].Value.Trim();
            }
        }
        Flush(null);
        return statements;
    }

    private static IEnumerable<(string Application, string Level, string Message)> Entries(string log)
    {
        string? application = null, level = null;
        var message = new StringBuilder();
        foreach (var line in log.Split('\n'))
        {
            var head = EntryPattern().Match(line);
            if (head.Success)
            {
                if (application is not null) yield return (application, level!, message.ToString());
                application = head.Groups[1].Value;
                level = head.Groups[2].Value;
                message.Clear().Append(head.Groups[3].Value);
            }
            else if (application is not null)
            {
                message.Append('\n').Append(line);
            }
        }
        if (application is not null) yield return (application, level!, message.ToString());
    }

    /// <summary>What the API does on its own between requests (key checks, statistics): not the request's work.</summary>
    private static bool IsBackground(string sql) =>
        sql.Contains("api_keys", StringComparison.Ordinal) || sql.Contains("pg_stats", StringComparison.Ordinal)
        || sql.Contains("idempotency_keys", StringComparison.Ordinal) || sql.Contains(" imports", StringComparison.Ordinal)
        || sql.Contains("FROM places", StringComparison.Ordinal) || sql.Contains("FROM parks", StringComparison.Ordinal)
        || sql.Contains("FROM sectors", StringComparison.Ordinal)
        // A time limit the API sets on itself to fall back to another plan: pgbench, which stops a client at its first
        // error, runs the statement to its end instead.
        || sql.StartsWith("SET LOCAL statement_timeout", StringComparison.Ordinal);

    /// <summary>
    /// The statement with each $n replaced by its logged value (a quoted literal, or NULL). pgbench takes any <c>:name</c>
    /// in a statement for one of its variables, quoted or not, so a literal holding a colon (a time of day) is written as a
    /// Unicode-escape literal, which is the same untyped literal to PostgreSQL.
    /// </summary>
    private static string Inline(string sql, string? parameters)
    {
        if (parameters is null) return sql;
        var values = new Dictionary<string, string>();
        foreach (Match match in ParameterPattern().Matches(parameters))
        {
            var value = match.Groups[2].Value;
            values[match.Groups[1].Value] = value.Contains(':', StringComparison.Ordinal)
                ? "U&" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\003A", StringComparison.Ordinal)
                : value;
        }
        return PlaceholderPattern().Replace(sql, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
    }

    [GeneratedRegex(@"^@@([^@]*)@@ (LOG|DETAIL|ERROR|STATEMENT|WARNING|HINT|CONTEXT|FATAL):  (.*)$")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"^(?:execute [^:]+|statement): SELECT 'ptmix:(-?\d+)'$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^(?:execute [^:]+|statement): (.*)$", RegexOptions.Singleline)]
    private static partial Regex StatementPattern();

    [GeneratedRegex(@"\$(\d+) = ('(?:[^']|'')*'|NULL)")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\$(\d+)\b")]
    private static partial Regex PlaceholderPattern();

    public async ValueTask DisposeAsync()
    {
        if (markers is not null) await markers.DisposeAsync();
    }
}
