using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Gateway;

/// <summary>A view of one session, for assertions.</summary>
public sealed record GatewaySessionInfo(string SessionId, int ShardId, int ShardCount, int Seq, bool Connected, bool Invalidated);

/// <summary>An accepted IDENTIFY: which shard, the session it started, when (the emulator's clock).</summary>
public sealed record GatewayIdentify(int ShardId, int ShardCount, string SessionId, DateTimeOffset At);

/// <summary>A shard identified while an earlier session of it still had an open connection: two live sessions on one shard.</summary>
public sealed record GatewayOverlap(int ShardId, int ShardCount, string LiveSessionId, string NewSessionId, DateTimeOffset At);

/// <summary>What tests see of the gateway, and the faults they can inject into it. <c>shardId</c> null means every connection.</summary>
public sealed class EmulatorGateway
{
    private readonly GatewayServer _server;

    internal EmulatorGateway(GatewayServer server) => _server = server;

    public int IdentifyCount => _server.IdentifyCount;

    /// <summary>Every accepted IDENTIFY per shard, oldest first.</summary>
    public IReadOnlyList<GatewayIdentify> Identifies => _server.Identifies;

    /// <summary>Every time a shard was identified while another of its sessions was still connected; empty when no shard ever had two live sessions.</summary>
    public IReadOnlyList<GatewayOverlap> Overlaps => _server.Overlaps;

    /// <summary>True once any shard had two live sessions at the same moment.</summary>
    public bool OverlapSeen => _server.Overlaps.Count > 0;
    public int ResumeCount => _server.ResumeCount;

    /// <summary>IDENTIFYs refused because they came faster than max_concurrency allows.</summary>
    public int IdentifyRateViolations => _server.IdentifyRateViolations;
    public int ConnectionCount => _server.Connections.Count;

    /// <summary>Close codes of ended connections (null: dropped without a close frame), oldest first.</summary>
    public IReadOnlyList<int?> ClosedCodes => _server.ClosedCodes;

    public IReadOnlyList<GatewaySessionInfo> Sessions =>
        [.. _server.Sessions.Select(s => new GatewaySessionInfo(s.Id, s.ShardId, s.ShardCount, s.Seq, s.Connection is { Closed: false }, s.Invalidated))];

    /// <summary>Sequence numbers of dispatches sent on a connection whose heartbeats were withheld (a zombie), all sessions.</summary>
    public IReadOnlyList<int> SentToZombieSequences => [.. _server.Sessions.SelectMany(s => s.SentToZombie)];

    /// <summary>Sequence numbers sent again because a client resumed after them, all sessions.</summary>
    public IReadOnlyList<int> ReplayedSequences => [.. _server.Sessions.SelectMany(s => s.Replayed)];

    /// <summary>Stop answering heartbeats on every connection, including new ones, until set back.</summary>
    public bool WithholdAllHeartbeatAcks
    {
        get => _server.WithholdAllHeartbeatAcks;
        set => _server.WithholdAllHeartbeatAcks = value;
    }

    /// <summary>Stop answering heartbeats on the current connections only: a zombie the client must leave.</summary>
    public void WithholdHeartbeatAcks(int? shardId = null)
    {
        foreach (var connection in _server.ConnectionsOn(shardId))
        {
            connection.WithholdAcks = true;
        }
    }

    /// <summary>
    /// Makes the current connections zombies as a half-dead network does: heartbeats go unanswered and
    /// dispatches sent on them never arrive, so only a RESUME can bring those events to the client.
    /// </summary>
    public void MakeZombies(int? shardId = null)
    {
        foreach (var connection in _server.ConnectionsOn(shardId))
        {
            connection.WithholdAcks = true;
            connection.SwallowDispatches = true;
        }
    }

    public void DropConnections(int? shardId = null)
    {
        foreach (var connection in _server.ConnectionsOn(shardId))
        {
            connection.Abort();
        }
    }

    public Task SendReconnectAsync(int? shardId = null) =>
        Task.WhenAll(_server.ConnectionsOn(shardId).Select(c => c.SendAsync("{\"op\":7,\"d\":null}")));

    public Task SendInvalidSessionAsync(bool resumable, int? shardId = null) =>
        Task.WhenAll(_server.ConnectionsOn(shardId).Select(c => _server.InvalidSessionAsync(c, resumable)));

    /// <summary>A server-sent op 1: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync(int? shardId = null) =>
        Task.WhenAll(_server.ConnectionsOn(shardId).Select(c => c.SendAsync("{\"op\":1,\"d\":null}")));

    public Task CloseAsync(int code, string reason = "", int? shardId = null) =>
        Task.WhenAll(_server.ConnectionsOn(shardId).Select(c => c.CloseAsync(code, reason)));

    /// <summary>Sends any dispatch event to the sessions of the guild's shard (shard 0 when <paramref name="guildId"/> is null).</summary>
    public Task<int> DispatchAsync(string eventName, JsonNode data, string? guildId) => _server.DispatchAsync(eventName, data, guildId);

    /// <summary>Waits until <paramref name="count"/> connected sessions exist (READY sent).</summary>
    public async Task WaitForSessionsAsync(int count = 1, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Sessions.Count(s => s.Connected && !s.Invalidated) < count)
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} connected gateway session(s); have {Sessions.Count(s => s.Connected && !s.Invalidated)}.");
            }
            await Task.Delay(10);
        }
    }
}
