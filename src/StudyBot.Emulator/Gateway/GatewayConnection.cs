using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Gateway;

/// <summary>
/// One WebSocket: HELLO, then reads frames and enforces Discord's per-connection rules
/// (4096-byte payloads, 120 sends per 60 s, identify before anything else).
/// </summary>
internal sealed class GatewayConnection(WebSocket socket, HttpContext http, GatewayServer server, EmulatorOptions options)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Queue<DateTimeOffset> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private long _lastHeartbeatTicks = Environment.TickCount64;

    public GatewaySession? Session { get; set; }
    public bool WithholdAcks { get; set; }

    /// <summary>A half-dead link: dispatches sent here never arrive (they stay in the session's buffer for RESUME).</summary>
    public bool SwallowDispatches { get; set; }
    public bool Closed { get; private set; }
    public int? CloseCode { get; private set; }
    public int HeartbeatsReceived { get; private set; }

    public async Task RunAsync()
    {
        var version = http.Request.Query["v"].ToString();
        await SendAsync(new JsonObject { ["op"] = GatewayOpcodes.Hello, ["d"] = new JsonObject { ["heartbeat_interval"] = options.HeartbeatIntervalMs } }.ToJsonString());
        if (version.Length > 0 && version != "10")
        {
            await CloseAsync(GatewayCloseCodes.InvalidApiVersion, "Invalid API version.");
            return;
        }
        _ = WatchHeartbeatsAsync();
        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[8192];
        while (true)
        {
            buffer.Clear();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await socket.ReceiveAsync(chunk, _stop.Token);
                    buffer.Write(chunk.AsSpan(0, result.Count));
                }
                while (!result.EndOfMessage && buffer.WrittenCount <= options.GatewayMaxPayloadBytes);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await AcknowledgeCloseAsync();
                return;
            }
            if (Closed)
            {
                // After our close frame only the peer's close matters.
                continue;
            }
            if (buffer.WrittenCount > options.GatewayMaxPayloadBytes)
            {
                await CloseAsync(GatewayCloseCodes.DecodeError, "Decode error: payload too large.");
                return;
            }
            if (!WithinSendLimit())
            {
                await CloseAsync(GatewayCloseCodes.RateLimited, "Rate limited.");
                return;
            }
            JsonObject? frame;
            try
            {
                frame = JsonNode.Parse(buffer.WrittenSpan) as JsonObject;
            }
            catch (JsonException)
            {
                frame = null;
            }
            if (frame?["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
            {
                await CloseAsync(GatewayCloseCodes.DecodeError, "Decode error.");
                return;
            }
            await HandleAsync(op, frame["d"]);
        }
    }

    private async Task HandleAsync(int op, JsonNode? data)
    {
        switch (op)
        {
            case GatewayOpcodes.Heartbeat:
                HeartbeatsReceived++;
                Interlocked.Exchange(ref _lastHeartbeatTicks, Environment.TickCount64);
                if (!WithholdAcks && !server.WithholdAllHeartbeatAcks)
                {
                    await SendAsync($"{{\"op\":{GatewayOpcodes.HeartbeatAck},\"d\":null}}");
                }
                break;
            case GatewayOpcodes.Identify:
                await server.IdentifyAsync(this, data);
                break;
            case GatewayOpcodes.Resume:
                await server.ResumeAsync(this, data);
                break;
            case GatewayOpcodes.PresenceUpdate or GatewayOpcodes.VoiceStateUpdate or GatewayOpcodes.RequestGuildMembers or GatewayOpcodes.RequestSoundboardSounds:
                if (Session is null)
                {
                    await CloseAsync(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
                }
                break;
            default:
                await CloseAsync(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
                break;
        }
    }

    /// <summary>
    /// Discord closes a connection whose heartbeats stop (resumably). The allowance is one and a half
    /// intervals (the first beat may come up to a whole interval late by design) plus a grace. Heartbeats
    /// are a wall-clock matter, so this watches the real clock, not the configurable TimeProvider.
    /// </summary>
    private async Task WatchHeartbeatsAsync()
    {
        if (!options.EnforceHeartbeats)
        {
            return;
        }
        var allowance = options.HeartbeatIntervalMs * 3L / 2 + (long)options.HeartbeatGrace.TotalMilliseconds;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.HeartbeatIntervalMs / 4, 10, 1000));
        try
        {
            while (!Closed)
            {
                await Task.Delay(period, _stop.Token);
                if (Environment.TickCount64 - Interlocked.Read(ref _lastHeartbeatTicks) > allowance)
                {
                    await CloseAsync(GatewayCloseCodes.UnknownError, "Heartbeat timed out.");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private bool WithinSendLimit()
    {
        var now = options.TimeProvider.GetUtcNow();
        while (_received.Count > 0 && now - _received.Peek() >= options.GatewaySendWindow)
        {
            _received.Dequeue();
        }
        _received.Enqueue(now);
        return _received.Count <= options.GatewaySendLimit;
    }

    /// <summary>Sends one text frame; a dead socket is not an error here, the session keeps the event for RESUME.</summary>
    public async Task SendAsync(string frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            Closed = true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        CloseCode = code;
        Closed = true;
        if (Session is { } session && GatewayCloseCodes.EndsSession(code))
        {
            session.Invalidated = true;
        }
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer is already gone; the close code is recorded either way.
        }
        finally
        {
            _sendLock.Release();
        }
        // Cancelling the read at once would reset the TCP connection and could lose the close frame; give the peer time to answer it.
        _stop.CancelAfter(TimeSpan.FromSeconds(2));
    }

    /// <summary>A client closing with 1000 or 1001 ends its session, as on Discord; other codes leave it resumable.</summary>
    private async Task AcknowledgeCloseAsync()
    {
        CloseCode ??= (int?)socket.CloseStatus;
        Closed = true;
        if (Session is { } session && CloseCode is 1000 or 1001)
        {
            session.Invalidated = true;
        }
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer left without waiting for our half of the handshake.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame, as a network failure would.</summary>
    public void Abort()
    {
        Closed = true;
        lock (_stop)
        {
            if (Finished)
            {
                return;
            }
            _stop.Cancel();
            http.Abort();
        }
    }

    /// <summary>Set when the request has ended: its HttpContext is gone and there is nothing left to abort.</summary>
    public bool Finished { get; private set; }

    public void MarkFinished()
    {
        lock (_stop)
        {
            Closed = true;
            _stop.Cancel();
            Finished = true;
        }
    }
}
