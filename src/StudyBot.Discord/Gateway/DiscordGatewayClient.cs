using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Discord.Diagnostics;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// Runs every shard Discord recommends (GET /gateway/bot), identifying them no faster than
/// <c>max_concurrency</c> allows. Dispatches go to <see cref="DispatchReceived"/>; state changes to
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

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The gateway client runs once per process; it is already running or has run.");
        }

        var gateway = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        var shardCount = settings.Gateway.ShardCount ?? Math.Max(1, gateway.Shards);
        var limit = gateway.SessionStartLimit;
        if (limit.Total > 0 && limit.Remaining < shardCount)
        {
            // Identifying now would be refused (and count against the daily allowance): wait for the reset.
            _logger.LogWarning("Only {Remaining} of {Total} session starts left; waiting {Reset} ms for the reset", limit.Remaining, limit.Total, limit.ResetAfter);
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), time, cancellationToken).ConfigureAwait(false);
        }

        var identifyLimiter = new IdentifyLimiter(limit.MaxConcurrency, settings.Gateway.IdentifyWindow, time);
        _logger.LogInformation("Starting {Shards} shard(s), max_concurrency {Concurrency}", shardCount, identifyLimiter.MaxConcurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var id = 0; id < shardCount; id++)
        {
            _shards.Add(new GatewayShard(
                id, shardCount, gateway.Url, settings, identifyLimiter, time,
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
