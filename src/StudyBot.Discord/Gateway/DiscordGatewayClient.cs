using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Diagnostics;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Runs this process's gateway shards, identifying them no faster than <c>max_concurrency</c> allows.
/// Either a fixed set (<see cref="RunAsync"/>: <c>Discord:Shards</c> of <c>Discord:ShardCount</c>, or
/// every shard Discord recommends), or shards opened and closed one by one as their owner decides
/// (<see cref="PrepareAsync"/>, <see cref="Open"/>, <see cref="CloseAsync"/>: the host's shard
/// leases). Dispatches go to <see cref="DispatchReceived"/>; state changes to <see cref="StateChanged"/>.
/// A fatal close on any shard stops all of them and is rethrown.
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(DiscordTime.Key)] TimeProvider time,
    ILoggerFactory loggerFactory)
{
    /// <summary>How long a closing shard's task may take to end (its socket is aborted at once; its last event handler may still run).</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = loggerFactory.CreateLogger<DiscordGatewayClient>();
    private readonly ConcurrentDictionary<int, Running> _running = new();
    private readonly TaskCompletionSource _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GatewayPlan? _plan;
    private IdentifyLimiter? _identifyLimiter;
    private CancellationToken _lifetime;
    private int _started;

    /// <summary>
    /// Set before the gateway starts when other processes identify shards of the same bot: waits
    /// until none of them identified in the bucket within the window, and records this identify.
    /// </summary>
    public Func<int, TimeSpan, CancellationToken, Task>? SharedIdentifyGate { get; set; }

    /// <summary>Called once per event, in order per shard; the next event of that shard waits for it.</summary>
    public Func<GatewayDispatch, CancellationToken, ValueTask>? DispatchReceived { get; set; }

    public event Action<GatewayStateChange>? StateChanged;

    /// <summary>The shards open in this process now, by id.</summary>
    public IReadOnlyList<GatewayShard> Shards => [.. _running.Values.Select(r => r.Shard).OrderBy(s => s.ShardId)];

    /// <summary>The fixed range this process identifies (set once the shard count is known); null when shards come and go by lease.</summary>
    public ShardRange? Held { get; private set; }

    /// <summary>The shard count and identify limits, once <see cref="PrepareAsync"/> (or <see cref="RunAsync"/>) asked Discord.</summary>
    public GatewayPlan? Plan => _plan;

    /// <summary>Faults with the first fatal close (e.g. a rejected token); never completes otherwise.</summary>
    public Task Fatal => _fatal.Task;

    /// <summary>Runs the configured range until cancelled or a shard closes fatally.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var plan = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var range = options.Value.ShardRangeFor(plan.RecommendedShards);
        Held = range;
        await WaitForSessionStartsAsync(range.Length, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation(
            "Holding gateway shard(s) {Range} of {Count} ({Held} in this process), max_concurrency {Concurrency}",
            range, range.Count, range.Length, plan.MaxConcurrency);
        foreach (var id in range.Ids)
        {
            Open(id);
        }

        await RunUntilStoppedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a shard closes fatally (rethrown) or <paramref name="cancellationToken"/> ends, then closes every open shard.</summary>
    public async Task RunUntilStoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _fatal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await CloseAllAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks Discord for the gateway URL, the recommended shard count and the identify limits, once per
    /// process; shards opened later share its <c>max_concurrency</c> buckets.
    /// </summary>
    public async Task<GatewayPlan> PrepareAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The gateway client runs once per process; it is already running or has run.");
        }

        _lifetime = cancellationToken;
        var gateway = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        if (settings.ShardCount is null && settings.Gateway.ShardCount is not null)
        {
            _logger.LogWarning("Discord:Gateway:ShardCount is the old name of Discord:ShardCount; it still works, but rename it");
        }

        var count = settings.EffectiveShardCount ?? Math.Max(1, gateway.Shards);
        // Identify buckets are shard_id % max_concurrency, so each shard takes the bucket of its own
        // id; another process identifying a shard of the same bucket may be refused once (op 9), and
        // that shard identifies again after the wait Discord asks for.
        _identifyLimiter = new IdentifyLimiter(gateway.SessionStartLimit.MaxConcurrency, settings.Gateway.IdentifyWindow, time, SharedIdentifyGate);
        _plan = new GatewayPlan(gateway.Url, count, Math.Max(1, gateway.Shards), _identifyLimiter.MaxConcurrency);
        return _plan;
    }

    /// <summary>
    /// How many sessions may start now (Discord's <c>session_start_limit.remaining</c>), asked afresh:
    /// each IDENTIFY counts against the daily allowance, and running out resets the bot's token.
    /// </summary>
    public async Task<SessionStartLimit> SessionStartsAsync(CancellationToken cancellationToken)
        => (await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false)).SessionStartLimit;

    /// <summary>Waits for the daily reset when fewer than <paramref name="needed"/> session starts are left.</summary>
    public async Task WaitForSessionStartsAsync(int needed, CancellationToken cancellationToken)
    {
        var limit = await SessionStartsAsync(cancellationToken).ConfigureAwait(false);
        if (limit.Total > 0 && limit.Remaining < needed)
        {
            // Identifying now would be refused (and count against the daily allowance): wait for the reset.
            _logger.LogWarning("Only {Remaining} of {Total} session starts left; waiting {Reset} ms for the reset", limit.Remaining, limit.Total, limit.ResetAfter);
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts identifying shard <paramref name="shardId"/> (no-op when it is already open).</summary>
    public void Open(int shardId)
    {
        var plan = _plan ?? throw new InvalidOperationException("PrepareAsync first: the shard count is not known yet.");
        if (shardId < 0 || shardId >= plan.ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(shardId), $"Shard {shardId} is not in 0..{plan.ShardCount - 1}.");
        }

        if (_running.ContainsKey(shardId))
        {
            return;
        }

        var shard = new GatewayShard(
            shardId, plan.ShardCount, plan.Url, options.Value, _identifyLimiter!, time,
            loggerFactory.CreateLogger<GatewayShard>(), DispatchAsync, RaiseState);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_lifetime);
        var running = new Running(shard, stop);
        RaiseState(new GatewayStateChange(shardId, GatewayState.Connecting, "identifying"));
        running.Task = Task.Run(() => RunShardAsync(running), CancellationToken.None);
        _running[shardId] = running;
    }

    /// <summary>
    /// Closes shard <paramref name="shardId"/>'s connection and returns once its task ended (at most
    /// <see cref="CloseTimeout"/>): the socket is gone, so no further event of the shard reaches this
    /// process, and another process may identify it.
    /// </summary>
    public async Task CloseAsync(int shardId, string reason)
    {
        if (!_running.TryRemove(shardId, out var running))
        {
            return;
        }

        await running.Stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await running.Task!.WaitAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Gateway shard {Shard} took longer than {Timeout} s to close", shardId, CloseTimeout.TotalSeconds);
        }

        running.Stop.Dispose();
        RaiseState(new GatewayStateChange(shardId, GatewayState.Closed, reason));
    }

    private Task CloseAllAsync() => Task.WhenAll(_running.Keys.ToList().Select(id => CloseAsync(id, "stopping")));

    private async Task RunShardAsync(Running running)
    {
        try
        {
            await running.Shard.RunAsync(running.Stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (running.Stop.IsCancellationRequested)
        {
            // Closed on purpose.
        }
        catch (Exception e)
        {
            // Reported through Fatal, which stops every shard.
            _fatal.TrySetException(e);
        }
    }

    private ValueTask DispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
        => DispatchReceived?.Invoke(dispatch, cancellationToken) ?? ValueTask.CompletedTask;

    private void RaiseState(GatewayStateChange change)
    {
        var level = change.State switch
        {
            GatewayState.Fatal => LogLevel.Critical,
            GatewayState.Reconnecting => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        _logger.Log(level, "Gateway shard {Shard}: {State} — {Detail}", change.ShardId, change.State, change.Detail);
        DiscordMetrics.GatewayStateChanged(change);
        StateChanged?.Invoke(change);
    }

    private sealed class Running(GatewayShard shard, CancellationTokenSource stop)
    {
        public GatewayShard Shard { get; } = shard;

        public CancellationTokenSource Stop { get; } = stop;

        public Task? Task { get; set; }
    }
}

/// <summary>What Discord said about the gateway: where it is, how many shards the bot runs (ours or Discord's recommendation) and identifies per bucket window.</summary>
public sealed record GatewayPlan(string Url, int ShardCount, int RecommendedShards, int MaxConcurrency);
