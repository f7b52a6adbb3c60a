using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// One shard's session: connects, identifies or resumes, keeps the heartbeat, reconnects on every
/// recoverable end, and hands each dispatch to <c>onDispatch</c> once, in sequence order, even
/// across resumes that replay events already seen.
/// </summary>
public sealed class GatewayShard
{
    /// <summary>Reconnect waits double per failure at most this many times (then the configured maximum caps them anyway).</summary>
    private const int MaxBackoffDoublings = 16;

    private readonly string _gatewayUrl;
    private readonly DiscordOptions _options;
    private readonly IdentifyLimiter _identifyLimiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<GatewayDispatch, CancellationToken, ValueTask> _onDispatch;
    private readonly Action<GatewayStateChange> _onState;
    private readonly System.Threading.Channels.Channel<GatewayDispatch> _dispatches = System.Threading.Channels.Channel.CreateUnbounded<GatewayDispatch>(new() { SingleReader = true, SingleWriter = true });
    private string? _sessionId;
    private string? _resumeUrl;
    private readonly DispatchSequence _sequence = new();
    private int _identifies;
    private int _resumes;
    private long _latencyTicks = -1;

    internal GatewayShard(
        int shardId,
        int shardCount,
        string gatewayUrl,
        DiscordOptions options,
        IdentifyLimiter identifyLimiter,
        TimeProvider time,
        ILogger logger,
        Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch,
        Action<GatewayStateChange> onState)
    {
        ShardId = shardId;
        ShardCount = shardCount;
        _gatewayUrl = gatewayUrl;
        _options = options;
        _identifyLimiter = identifyLimiter;
        _time = time;
        _logger = logger;
        _onDispatch = onDispatch;
        _onState = onState;
    }

    public int ShardId { get; }

    public int ShardCount { get; }

    /// <summary>Last sequence number received.</summary>
    public int Sequence => _sequence.Last;

    public int IdentifyCount => Volatile.Read(ref _identifies);

    public int ResumeCount => Volatile.Read(ref _resumes);

    /// <summary>How long Discord took to acknowledge the last acknowledged heartbeat; null before the first.</summary>
    public TimeSpan? Latency => Interlocked.Read(ref _latencyTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Runs until cancelled; throws <see cref="GatewayFatalException"/> when Discord refuses the session for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Every line logged by this shard's loops and by the handlers of its events (interactions
        // included: they run in this flow) names the shard (the JSON log format writes scopes as fields).
        using var logScope = _logger.BeginScope(new Dictionary<string, object?> { ["ShardId"] = ShardId });
        var consumer = ConsumeAsync(cancellationToken);
        try
        {
            await ConnectLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _dispatches.Writer.TryComplete();
            await consumer.ConfigureAwait(false);
        }
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            var end = await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (end.FatalCode is { } code)
            {
                var error = new GatewayFatalException(code, GatewayCloseCodes.FatalReason(code)!);
                _onState(new GatewayStateChange(ShardId, GatewayState.Fatal, error.Message));
                throw error;
            }

            if (end.EndsSession)
            {
                _sessionId = null;
                _resumeUrl = null;
            }

            failures = end.WasHealthy ? 0 : failures + 1;
            var delay = end.AfterInvalidSession
                ? Between(_options.Gateway.InvalidSessionMinDelay, _options.Gateway.InvalidSessionMaxDelay)
                : Backoff(failures);
            var next = _sessionId is null ? "identifying" : "resuming";
            _onState(new GatewayStateChange(ShardId, GatewayState.Reconnecting, $"{end.Reason}; {next} in {delay.TotalMilliseconds:0} ms"));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var resuming = _sessionId is not null;
        var url = (resuming ? _resumeUrl! : _gatewayUrl).TrimEnd('/') + "/?v=10&encoding=json";
        var limiter = new SlidingWindowLimiter(_options.Gateway.SendLimit, _options.Gateway.SendWindow, _time);
        var socket = new ClientWebSocket();
        using var connection = new GatewayConnection(socket, limiter);
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? heartbeat = null;
        var healthy = false;
        try
        {
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                handshake.CancelAfter(_options.Gateway.HandshakeTimeout);
                await socket.ConnectAsync(new Uri(url), handshake.Token).ConfigureAwait(false);
                var hello = await connection.ReceiveAsync(handshake.Token).ConfigureAwait(false);
                if (hello is not { Op: GatewayOpcode.Hello, D: { } helloData })
                {
                    return ConnectionEnd.FromClose(connection, "no HELLO from the gateway", healthy, _options.Token);
                }

                var interval = helloData.Deserialize(DiscordJsonContext.Default.Hello)!.HeartbeatInterval * _options.Gateway.HeartbeatIntervalScale;
                heartbeat = HeartbeatLoopAsync(connection, TimeSpan.FromMilliseconds(interval), connectionCts.Token);
            }

            if (resuming)
            {
                Interlocked.Increment(ref _resumes);
                var resume = new Resume { Token = _options.Token!, SessionId = _sessionId!, Seq = Sequence };
                await connection.SendAsync(GatewayOpcode.Resume, resume, DiscordJsonContext.Default.GatewayCommandResume, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await IdentifyAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                var frame = await connection.ReceiveAsync(connectionCts.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    return Ended(connection, healthy, null);
                }

                switch (frame.Op)
                {
                    case GatewayOpcode.Dispatch:
                        healthy |= OnDispatch(frame);
                        break;
                    case GatewayOpcode.Heartbeat:
                        await connection.SendHeartbeatAsync(SequenceOrNull, connectionCts.Token).ConfigureAwait(false);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        if (connection.Acknowledge() is { } latency)
                        {
                            Interlocked.Exchange(ref _latencyTicks, latency.Ticks);
                            Diagnostics.DiscordMetrics.HeartbeatAcknowledged(ShardId, latency);
                        }
                        break;
                    case GatewayOpcode.Reconnect:
                        await connection.CloseForResumeAsync("reconnect requested").ConfigureAwait(false);
                        return new ConnectionEnd("Discord asked to reconnect (op 7)", healthy);
                    case GatewayOpcode.InvalidSession:
                        var resumable = frame.D is { ValueKind: JsonValueKind.True };
                        await connection.CloseForResumeAsync("invalid session").ConfigureAwait(false);
                        return resumable
                            ? new ConnectionEnd("invalid session (op 9, resumable)", healthy)
                            : new ConnectionEnd("invalid session (op 9, not resumable)", healthy, EndsSession: true, AfterInvalidSession: true);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or JsonException or IOException or ObjectDisposedException
                                   || (e is InvalidOperationException && socket.State != WebSocketState.Open))
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                return Ended(connection, healthy, e);
            }

            // Stopping: whatever the socket was doing, the shard ends as cancelled, politely closed.
            await CloseNormallyAsync(socket).ConfigureAwait(false);
            throw new OperationCanceledException("The gateway shard was stopped.", e, cancellationToken);
        }
        finally
        {
            await connectionCts.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(false);
            }
        }
    }

    // Our own zombie close may come back as the server's echo of 4000: report the cause, not the echo.
    private ConnectionEnd Ended(GatewayConnection connection, bool healthy, Exception? error)
    {
        if (connection.IsZombie)
        {
            return new ConnectionEnd("zombie connection: no heartbeat ACK between two beats", healthy);
        }

        return connection.CloseStatus is not null || error is null
            ? ConnectionEnd.FromClose(connection, "the gateway closed the connection", healthy, _options.Token)
            : new ConnectionEnd($"connection lost ({error.GetType().Name}: {error.Message})", healthy);
    }

    private async Task IdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        _sequence.Reset();
        Interlocked.Increment(ref _identifies);
        var identify = new Identify
        {
            Token = _options.Token!,
            Intents = _options.Gateway.Intents,
            Properties = new IdentifyProperties { Os = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), Browser = "StudyBot", Device = "StudyBot" },
            Shard = [ShardId, ShardCount],
        };
        using (await _identifyLimiter.AcquireAsync(ShardId, cancellationToken).ConfigureAwait(false))
        {
            await connection.SendAsync(GatewayOpcode.Identify, identify, DiscordJsonContext.Default.GatewayCommandIdentify, cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns true when the frame proves the session is up (READY or RESUMED).
    private bool OnDispatch(GatewayPayload frame)
    {
        if (frame.S is { } sequence && !_sequence.TryAdvance(sequence))
        {
            _logger.LogDebug("Shard {Shard}: dropping replayed {Event} #{Sequence}, already dispatched", ShardId, frame.T, sequence);
            return false;
        }

        var name = frame.T ?? "";
        var data = frame.D ?? default;
        var up = false;
        if (name == "READY")
        {
            var ready = data.Deserialize(DiscordJsonContext.Default.Ready)!;
            _sessionId = ready.SessionId;
            _resumeUrl = string.IsNullOrEmpty(ready.ResumeGatewayUrl) ? _gatewayUrl : ready.ResumeGatewayUrl;
            _onState(new GatewayStateChange(ShardId, GatewayState.Connected, $"READY as {ready.User.Username} ({ready.User.Id}), {ready.Guilds.Count} guilds"));
            up = true;
        }
        else if (name == "RESUMED")
        {
            _onState(new GatewayStateChange(ShardId, GatewayState.Resumed, $"session resumed at sequence {Sequence}"));
            up = true;
        }

        _dispatches.Writer.TryWrite(new GatewayDispatch(ShardId, frame.S ?? 0, name, data));
        return up;
    }

    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // Jitter the first beat so many shards (or bots) reconnecting together do not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), _time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (connection.AckMissing)
                {
                    _logger.LogWarning("Shard {Shard}: no heartbeat ACK since the last beat; closing the zombie connection", ShardId);
                    await connection.CloseForResumeAsync("zombie connection", zombie: true).ConfigureAwait(false);
                    return;
                }

                await connection.SendHeartbeatAsync(SequenceOrNull, cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop reports why.
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dispatch in _dispatches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _onDispatch(dispatch, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogError(e, "Shard {Shard}: handler for {Event} #{Sequence} failed", ShardId, dispatch.EventName, dispatch.Sequence);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: undelivered events are dropped with the session.
        }
    }

    private static async Task CloseNormallyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Best effort: the process is stopping anyway.
        }
    }

    private int? SequenceOrNull => Sequence == 0 ? null : Sequence;

    private TimeSpan Backoff(int failures)
    {
        var min = _options.Gateway.ReconnectMinDelay;
        if (failures == 0)
        {
            return Between(TimeSpan.Zero, min);
        }

        var scaled = min.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, MaxBackoffDoublings));
        return TimeSpan.FromMilliseconds(Math.Min(scaled, _options.Gateway.ReconnectMaxDelay.TotalMilliseconds));
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max)
        => min + (max - min) * Random.Shared.NextDouble();

    private sealed record ConnectionEnd(string Reason, bool WasHealthy, bool EndsSession = false, bool AfterInvalidSession = false, int? FatalCode = null)
    {
        public static ConnectionEnd FromClose(GatewayConnection connection, string what, bool healthy, string? token)
        {
            var code = (int?)connection.CloseStatus ?? 1006;
            // The close reason is the peer's text: it is logged, so it passes the same redaction as API errors.
            var description = SecretRedactor.Redact(connection.CloseDescription ?? "", token);
            var reason = $"{what} ({code}{(description.Length == 0 ? "" : " " + description)})";
            return GatewayCloseCodes.FatalReason(code) is not null
                ? new ConnectionEnd(reason, healthy, FatalCode: code)
                : new ConnectionEnd(reason, healthy, EndsSession: GatewayCloseCodes.EndsSession(code));
        }
    }
}
