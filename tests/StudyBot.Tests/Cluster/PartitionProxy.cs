using System.Net;
using System.Net.Sockets;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// A TCP forwarder between one bot process and PostgreSQL, so a test can cut that process off from
/// the database while the others keep theirs. <see cref="Cut"/> behaves like a network partition:
/// connections stay open but nothing passes either way, and new ones are accepted and go nowhere, so
/// the process sees its statements hang rather than fail.
/// </summary>
public sealed class PartitionProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;
    private volatile bool _cut;

    public PartitionProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>From now on nothing passes: bytes either way are swallowed.</summary>
    public void Cut() => _cut = true;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
                var outbound = new TcpClient();
                lock (_clients)
                {
                    _clients.Add(inbound);
                    _clients.Add(outbound);
                }

                _ = ForwardAsync(inbound, outbound);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }

    private async Task ForwardAsync(TcpClient inbound, TcpClient outbound)
    {
        try
        {
            await outbound.ConnectAsync(_host, _port, _stop.Token);
            await Task.WhenAny(PumpAsync(inbound.GetStream(), outbound.GetStream()), PumpAsync(outbound.GetStream(), inbound.GetStream()));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // One side went away.
        }
        finally
        {
            if (!_cut)
            {
                inbound.Dispose();
                outbound.Dispose();
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                if (_cut)
                {
                    // A partition does not deliver the peer's goodbye either: hold on until disposed.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                return;
            }

            if (!_cut)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        await _accepting;
        _stop.Dispose();
    }
}
