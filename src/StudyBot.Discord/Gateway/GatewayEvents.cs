using System.Text.Json;

namespace StudyBot.Discord.Gateway;

/// <summary>One dispatch (op 0) event, delivered exactly once and in sequence order per shard.</summary>
public sealed record GatewayDispatch(int ShardId, int Sequence, string EventName, JsonElement Data);

public enum GatewayState
{
    /// <summary>The shard was opened in this process and is connecting or identifying.</summary>
    Connecting,
    /// <summary>READY arrived: a new session.</summary>
    Connected,
    /// <summary>RESUMED arrived: the session continues and missed events were replayed.</summary>
    Resumed,
    /// <summary>The connection ended; the shard will reconnect (resuming when it can).</summary>
    Reconnecting,
    /// <summary>Discord refused the session for good (e.g. 4004 bad token); the shard stopped.</summary>
    Fatal,
    /// <summary>This process closed the shard on purpose (handed over, lease lost, stopping); it is no longer held here.</summary>
    Closed,
}

/// <summary>A connection state change, raised for the host to log.</summary>
public sealed record GatewayStateChange(int ShardId, GatewayState State, string Detail);

/// <summary>A close code Discord says must not be retried. The message says what to fix.</summary>
public sealed class GatewayFatalException(int closeCode, string description)
    : Exception($"Discord closed the gateway with {closeCode}: {description}")
{
    public int CloseCode { get; } = closeCode;
}

/// <summary>A gateway payload over Discord's 4096-byte limit; sending it would close the connection.</summary>
public sealed class GatewayPayloadTooLargeException(int size)
    : Exception($"Gateway payload is {size} bytes; Discord closes the connection past 4096.");
