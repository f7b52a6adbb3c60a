using System.Text.Json;

namespace StudyBot.Discord.Models;

public enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,
}

/// <summary>One gateway frame as received: <c>d</c> stays raw until the opcode says what it is.</summary>
public sealed record GatewayPayload
{
    public GatewayOpcode Op { get; init; }
    public JsonElement? D { get; init; }
    public int? S { get; init; }
    public string? T { get; init; }
}

/// <summary>A gateway frame to send, with a typed <c>d</c>.</summary>
public sealed record GatewayCommand<T>
{
    public GatewayOpcode Op { get; init; }
    public T? D { get; init; }
}

public sealed record Hello
{
    public int HeartbeatInterval { get; init; }
}

public sealed record IdentifyProperties
{
    public string Os { get; init; } = "";
    public string Browser { get; init; } = "";
    public string Device { get; init; } = "";
}

public sealed record Identify
{
    public string Token { get; init; } = "";
    public GatewayIntents Intents { get; init; }
    public IdentifyProperties Properties { get; init; } = new();
    public IReadOnlyList<int>? Shard { get; init; }
    public int? LargeThreshold { get; init; }

    // Never print the token.
    public override string ToString() => $"Identify {{ Intents = {Intents}, Shard = [{string.Join(", ", Shard ?? [])}] }}";
}

public sealed record Resume
{
    public string Token { get; init; } = "";
    public string SessionId { get; init; } = "";
    public int Seq { get; init; }

    public override string ToString() => $"Resume {{ SessionId = {SessionId}, Seq = {Seq} }}";
}

public sealed record ReadyApplication
{
    public Snowflake Id { get; init; }
    public int? Flags { get; init; }
}

public sealed record Ready
{
    public int V { get; init; }
    public User User { get; init; } = new();
    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];
    public string SessionId { get; init; } = "";
    public string ResumeGatewayUrl { get; init; } = "";
    public IReadOnlyList<int>? Shard { get; init; }
    public ReadyApplication? Application { get; init; }
}

public sealed record SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }
    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }
    public int MaxConcurrency { get; init; } = 1;
}

/// <summary>Answer of GET /gateway/bot.</summary>
public sealed record GatewayBot
{
    public string Url { get; init; } = "";
    public int Shards { get; init; } = 1;
    public SessionStartLimit SessionStartLimit { get; init; } = new();
}
