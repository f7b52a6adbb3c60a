using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;

namespace StudyBot.Discord.Diagnostics;

/// <summary>
/// The Discord client's instruments (meter <see cref="MeterName"/>). Tags carry only names the bot
/// chose itself (route keys, states, scopes): never a token, a user, a guild or anything a user typed.
/// </summary>
public static class DiscordMetrics
{
    public const string MeterName = "StudyBot.Discord";

    private static readonly Meter _meter = new(MeterName);
    private static readonly ConcurrentDictionary<int, GatewayState> _shards = new();

    private static readonly Counter<long> _interactions = _meter.CreateCounter<long>(
        "studybot.interactions", "{interaction}", "Interactions handled, by kind, route (the command or custom_id prefix) and outcome.");

    private static readonly Histogram<double> _interactionDuration = _meter.CreateHistogram<double>(
        "studybot.interaction.duration", "s", "Time from an interaction's arrival to its handler finishing, by kind and route.", tags: null, advice: SecondsBuckets.Advice);

    private static readonly Counter<long> _rateLimitWaits = _meter.CreateCounter<long>(
        "studybot.discord.rate_limit.waits", "{wait}", "Requests held back before sending because their bucket was empty.");

    private static readonly Histogram<double> _rateLimitWaitDuration = _meter.CreateHistogram<double>(
        "studybot.discord.rate_limit.wait.duration", "s", "How long requests were held back by a rate-limit bucket.", tags: null, advice: SecondsBuckets.Advice);

    private static readonly Counter<long> _tooManyRequests = _meter.CreateCounter<long>(
        "studybot.discord.rate_limited", "{response}", "429 answers from Discord, by scope (user, global, shared).");

    private static readonly Counter<long> _reconnects = _meter.CreateCounter<long>(
        "studybot.gateway.reconnects", "{reconnect}", "Gateway connections lost and retried.");

    private static readonly Histogram<double> _heartbeatLatency = _meter.CreateHistogram<double>(
        "studybot.gateway.heartbeat.latency", "s", "Time from a gateway heartbeat to Discord's acknowledgement, by shard.", tags: null, advice: SecondsBuckets.Advice);

    static DiscordMetrics()
    {
        _meter.CreateObservableGauge(
            "studybot.gateway.shards",
            ObserveShards,
            "{shard}",
            "Gateway shards held by this process, by their last state (connecting, connected, resumed, reconnecting, fatal).");
    }

    /// <summary>Route label for interactions that matched no handler.</summary>
    public const string Unrouted = "(none)";

    public static void InteractionHandled(InteractionRouteKind? kind, string route, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "kind", kind?.ToString().ToLowerInvariant() ?? "other" },
            { "route", route },
        };
        _interactionDuration.Record(elapsed.TotalSeconds, tags);
        tags.Add("outcome", outcome);
        _interactions.Add(1, tags);
    }

    public static void RateLimitWait(TimeSpan delay)
    {
        _rateLimitWaits.Add(1);
        _rateLimitWaitDuration.Record(delay.TotalSeconds);
    }

    public static void RateLimited(string scope, bool global)
        => _tooManyRequests.Add(1, new KeyValuePair<string, object?>("scope", scope), new KeyValuePair<string, object?>("global", global));

    public static void HeartbeatAcknowledged(int shardId, TimeSpan latency)
        => _heartbeatLatency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("shard", shardId));

    public static void GatewayStateChanged(GatewayStateChange change)
    {
        if (change.State == GatewayState.Closed)
        {
            // Handed over or stopped: no longer this process's shard, in no state here.
            _shards.TryRemove(change.ShardId, out _);
            return;
        }

        _shards[change.ShardId] = change.State;
        if (change.State == GatewayState.Reconnecting)
        {
            _reconnects.Add(1);
        }
    }

    private static IEnumerable<Measurement<int>> ObserveShards()
        => Enum.GetValues<GatewayState>().Where(state => state != GatewayState.Closed).Select(state => new Measurement<int>(
            _shards.Values.Count(s => s == state),
            new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
}
