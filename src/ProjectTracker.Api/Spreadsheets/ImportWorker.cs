using System.Collections.Concurrent;
using System.Threading.Channels;
using Dapper;
using ProjectTracker.Api.Common.Data;
using Npgsql;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>
/// Runs accepted imports one at a time in the background, in the instance that received them. While it holds an
/// import it reports progress and keeps it marked alive every few seconds; imports nobody has kept alive for two
/// minutes (their server stopped) are marked failed by whichever instance notices.
/// </summary>
public sealed class ImportWorker(ProjectImporter importer, ImportRepository imports, Database database, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private readonly Channel<(long Id, string Path)> queue = Channel.CreateUnbounded<(long, string)>();
    private readonly ConcurrentDictionary<long, ProjectImporter.Progress?> held = new();

    public void Enqueue(long id, string path)
    {
        held[id] = null;
        queue.Writer.TryWrite((id, path));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = KeepAliveAsync(stoppingToken);
        await foreach (var (id, path) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var progress = new ProjectImporter.Progress();
            held[id] = progress;
            try
            {
                await importer.RunAsync(id, path, progress, stoppingToken);
            }
            finally
            {
                held.TryRemove(id, out _);
                File.Delete(path);
            }
        }
        await heartbeat;
    }

    private async Task KeepAliveAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat);
        var sinceSweep = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var (id, progress) in held)
                    {
                        if (progress is not null) await imports.ProgressAsync(id, progress.State, progress.Processed, null, stoppingToken);
                    }
                    var waiting = held.Where(entry => entry.Value is null).Select(entry => entry.Key).ToArray();
                    if (waiting.Length > 0)
                    {
                        await using var connection = await database.WriteAsync(stoppingToken);
                        await connection.ExecuteAsync(new CommandDefinition("UPDATE imports SET updated_at = now() WHERE id = ANY(@waiting)", new { waiting }, cancellationToken: stoppingToken));
                    }
                    sinceSweep += Heartbeat;
                    if (sinceSweep >= TimeSpan.FromMinutes(1))
                    {
                        sinceSweep = TimeSpan.Zero;
                        if (await imports.FailAbandonedAsync(AbandonedAfter, stoppingToken) is > 0 and var abandoned)
                            logger.LogWarning("Marked {Count} abandoned imports as failed", abandoned);
                    }
                }
                catch (NpgsqlException e)
                {
                    logger.LogWarning("Could not report import progress: {Reason}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
