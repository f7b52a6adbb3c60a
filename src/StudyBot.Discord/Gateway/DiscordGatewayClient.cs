using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Diagnostics;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Runs this process's gateway shards: <c>Discord:Shards</c> of <c>Discord:ShardCount</c>, or every
/// shard Discord recommends (GET /gateway/bot), identifying them no faster than <c>max_concurrency</c> allows. Dispatches go to <see cref="DispatchReceived"/>; state changes to
/// <see cref="StateChanged"/>. A fatal close on any shard stops all of them and is rethrown.
/// </summary>
public sealed class DiscordGatewayClient(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DiscordGatewayClient>();
    private readonly List<GatewayShard> _shards = [];
    private int _started;

    /// <summary>Called once per event, in order per shard; the next event of that shard waits for it.</summary>
    public Func<GatewayDispatch, CancellationToken, ValueTask>? DispatchReceived { get; set; }

    public event Action<GatewayStateChange>? StateChanged;

    public IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>The shards this process identifies (set once the shard count is known).</summary>
    public ShardRange? Held { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The gateway client runs once per process; it is already running or has run.");
        }

        var gateway = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        if (settings.ShardCount is null && settings.Gateway.ShardCount is not null)
        {
            _logger.LogWarning("Discord:Gateway:ShardCount is the old name of Discord:ShardCount; it still works, but rename it");
        }

        var range = settings.ShardRangeFor(gateway.Shards);
        Held = range;
        var limit = gateway.SessionStartLimit;
        if (limit.Total > 0 && limit.Remaining < range.Length)
        {
            // Identifying now would be refused (and count against the daily allowance): wait for the reset.
            _logger.LogWarning("Only {Remaining} of {Total} session starts left; waiting {Reset} ms for the reset", limit.Remaining, limit.Total, limit.ResetAfter);
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), time, cancellationToken).ConfigureAwait(false);
        }

        // Identify buckets are shard_id % max_concurrency, so a range's shards take the buckets of
        // their own ids; another process holding a shard of the same bucket may be refused once
        // (op 9) and identifies again after the wait Discord asks for.
        var identifyLimiter = new IdentifyLimiter(limit.MaxConcurrency, settings.Gateway.IdentifyWindow, time);
        _logger.LogInformation(
            "Holding gateway shard(s) {Range} of {Count} ({Held} in this process), max_concurrency {Concurrency}",
            range, range.Count, range.Length, identifyLimiter.MaxConcurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var id in range.Ids)
        {
            _shards.Add(new GatewayShard(
                id, range.Count, gateway.Url, settings, identifyLimiter, time,
                loggerFactory.CreateLogger<GatewayShard>(), DispatchAsync, RaiseState));
        }

        var running = _shards.Select(shard => shard.RunAsync(stop.Token)).ToList();
        var first = await Task.WhenAny(running).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception) when (first.IsFaulted || cancellationToken.IsCancellationRequested)
        {
            // The first failure (e.g. a fatal close code) is what the caller needs to see; it is rethrown below.
        }

        if (first.IsFaulted)
        {
            await first.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
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
}
