using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: framed JSON receive, serialised sends under the 120-per-60-s and
/// 4096-byte limits, and the heartbeat bookkeeping that tells a live connection from a zombie.
/// </summary>
internal sealed class GatewayConnection(ClientWebSocket socket, SlidingWindowLimiter sendLimiter) : IDisposable
{
    public const int MaxPayloadBytes = 4096;

    // Sends other than heartbeats leave this many permits free, so a burst can never starve a beat.
    private const int HeartbeatReserve = 5;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _ackPending;
    private long _beatSent;

    /// <summary>Set when the heartbeat loop gave up on the connection (no ACK between beats).</summary>
    public bool IsZombie { get; private set; }

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseDescription => socket.CloseStatusDescription;

    /// <summary>Reads one whole message; null when the server closed the socket.</summary>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize(buffer.WrittenSpan, DiscordJsonContext.Default.GatewayPayload);
            }
        }
    }

    public Task SendAsync<T>(GatewayOpcode op, T payload, JsonTypeInfo<GatewayCommand<T>> typeInfo, CancellationToken cancellationToken)
        => SendCoreAsync(JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<T> { Op = op, D = payload }, typeInfo), HeartbeatReserve, cancellationToken);

    /// <summary>Sends op 1 with the last sequence; the next beat will find out whether it was acknowledged.</summary>
    public Task SendHeartbeatAsync(int? sequence, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _ackPending, 1);
        Interlocked.Exchange(ref _beatSent, System.Diagnostics.Stopwatch.GetTimestamp());
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new GatewayCommand<int?> { Op = GatewayOpcode.Heartbeat, D = sequence }, DiscordJsonContext.Default.GatewayCommandNullableInt32);
        return SendCoreAsync(bytes, 0, cancellationToken);
    }

    /// <summary>The beat was acknowledged: returns how long after it was sent (the heartbeat latency).</summary>
    public TimeSpan? Acknowledge()
    {
        Interlocked.Exchange(ref _ackPending, 0);
        var sent = Interlocked.Read(ref _beatSent);
        return sent == 0 ? null : System.Diagnostics.Stopwatch.GetElapsedTime(sent);
    }

    /// <summary>True when the last beat was never acknowledged.</summary>
    public bool AckMissing => Volatile.Read(ref _ackPending) == 1;

    /// <summary>Closes with a non-1000 code so Discord keeps the session resumable, then drops the socket.</summary>
    public async Task CloseForResumeAsync(string reason, bool zombie = false)
    {
        IsZombie |= zombie;
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync((WebSocketCloseStatus)4000, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dead socket cannot close politely; aborting below is enough.
        }
        finally
        {
            socket.Abort();
        }
    }

    private async Task SendCoreAsync(byte[] bytes, int reserve, CancellationToken cancellationToken)
    {
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException(bytes.Length);
        }

        await sendLimiter.AcquireAsync(cancellationToken, reserve).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
