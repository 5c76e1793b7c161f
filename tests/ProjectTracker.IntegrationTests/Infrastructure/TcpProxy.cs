using System.Net;
using System.Net.Sockets;

namespace ProjectTracker.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of the database, so a test can make the database disappear
/// (every connection cut, new ones refused) and come back, without touching the shared server.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource stopping = new();

    public TcpProxy(string host, int port)
    {
        target = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Resume();
    }

    public int Port { get; }

    /// <summary>Cuts every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        stopping.Cancel();
        listener?.Stop();
        listener = null;
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    public void Resume()
    {
        stopping = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, stopping.Token);
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await server.AcceptTcpClientAsync(cancellationToken); }
            catch (Exception) { return; }

            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(target, cancellationToken); }
            catch (Exception) { inbound.Dispose(); outbound.Dispose(); continue; }

            lock (open) { open.Add(inbound); open.Add(outbound); }
            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken); }
        catch (Exception) { /* a cut connection ends the pump */ }
        finally { from.Dispose(); to.Dispose(); }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
