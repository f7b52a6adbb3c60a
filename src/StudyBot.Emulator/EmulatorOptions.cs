using StudyBot.Emulator.RateLimits;

namespace StudyBot.Emulator;

/// <summary>How the loopback Discord behaves; every limit the tests need to provoke is here.</summary>
public sealed class EmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public string BotToken { get; set; } = "emulator-bot-token";
    public string ApplicationId { get; set; } = "1100000000000000001";
    public string BotUserId { get; set; } = "1100000000000000001";
    public string BotUsername { get; set; } = "StudyBot";

    /// <summary>The shard count GET /gateway/bot recommends.</summary>
    public int RecommendedShards { get; set; } = 1;
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Fewer shards than this closes IDENTIFY with 4011 (sharding required).</summary>
    public int MinimumShards { get; set; } = 1;

    /// <summary>Privileged intent bits the application may use; others close IDENTIFY with 4014.</summary>
    public long AllowedPrivilegedIntents { get; set; }

    /// <summary>
    /// Identify window per max_concurrency bucket (Discord: 5 s); a faster IDENTIFY gets op 9 false.
    /// Tests that re-identify quickly (after op 9) may shorten it.
    /// </summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int SessionStartTotal { get; set; } = 1000;

    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>Close (resumably) a connection that stops heartbeating for 1.5 intervals plus <see cref="HeartbeatGrace"/>, as Discord does.</summary>
    public bool EnforceHeartbeats { get; set; } = true;

    /// <summary>Slack on top of 1.5 intervals, so a busy test machine does not look like a dead client.</summary>
    public TimeSpan HeartbeatGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gateway sends allowed per connection per <see cref="GatewaySendWindow"/> (Discord: 120 per 60 s).</summary>
    public int GatewaySendLimit { get; set; } = 120;
    public TimeSpan GatewaySendWindow { get; set; } = TimeSpan.FromSeconds(60);
    public int GatewayMaxPayloadBytes { get; set; } = 4096;

    /// <summary>Events kept per session for RESUME.</summary>
    public int ResumeBufferSize { get; set; } = 1000;

    public RateLimitOptions RateLimits { get; set; } = new();

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The first callback must come within this (Discord: 3 s).</summary>
    public TimeSpan InitialResponseWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Interaction tokens work this long (Discord: 15 min).</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Directory for the JSON-lines request record; defaults to STUDYBOT_RECORD_DIR.</summary>
    public string? RecordDirectory { get; set; } = Environment.GetEnvironmentVariable("STUDYBOT_RECORD_DIR");
}
