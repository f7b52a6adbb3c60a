using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Emulator.State;

namespace StudyBot.Emulator.Gateway;

/// <summary>The gateway's sessions and connections: IDENTIFY, RESUME, sharded dispatch, and the faults tests inject.</summary>
internal sealed class GatewayServer
{
    private const long PrivilegedIntents = 1 << 1 | 1 << 8 | 1 << 15;
    private readonly EmulatorCore _core;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GatewaySession> _sessions = [];
    private readonly List<GatewayConnection> _connections = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private int _sessionStartsUsed;

    public GatewayServer(EmulatorCore core)
    {
        _core = core;
        core.State.GuildAdded += guild => _ = DispatchAsync("GUILD_CREATE", core.State.GuildCreateJson(guild), guild.Id);
    }

    public bool WithholdAllHeartbeatAcks { get; set; }
    public int IdentifyCount { get; private set; }
    public int ResumeCount { get; private set; }
    public int IdentifyRateViolations { get; private set; }
    public int SessionStartsRemaining => _core.Options.SessionStartTotal - _sessionStartsUsed;

    public IReadOnlyList<GatewayConnection> Connections { get { lock (_lock) { return [.. _connections]; } } }
    public IReadOnlyList<GatewaySession> Sessions { get { lock (_lock) { return [.. _sessions.Values]; } } }

    private readonly List<int?> _closedCodes = [];
    private readonly List<GatewayIdentify> _identifies = [];
    private readonly List<GatewayOverlap> _overlaps = [];

    /// <summary>Every accepted IDENTIFY, oldest first.</summary>
    public IReadOnlyList<GatewayIdentify> Identifies { get { lock (_lock) { return [.. _identifies]; } } }

    /// <summary>IDENTIFYs accepted while another session of the same shard still had an open connection.</summary>
    public IReadOnlyList<GatewayOverlap> Overlaps { get { lock (_lock) { return [.. _overlaps]; } } }

    /// <summary>Closed connections with their close codes, oldest first: what tests assert on.</summary>
    public IReadOnlyList<int?> ClosedCodes { get { lock (_lock) { return [.. _closedCodes]; } } }

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnection(socket, http, this, _core.Options);
        lock (_lock)
        {
            _connections.Add(connection);
        }
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            connection.MarkFinished();
            lock (_lock)
            {
                _connections.Remove(connection);
                _closedCodes.Add(connection.CloseCode);
            }
            connection.Session?.Detach(connection);
        }
    }

    public async Task IdentifyAsync(GatewayConnection connection, JsonNode? data)
    {
        if (connection.Session is { Invalidated: false })
        {
            await connection.CloseAsync(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
            return;
        }
        var options = _core.Options;
        if (data?["token"]?.GetValueKind() != JsonValueKind.String || data["token"]!.GetValue<string>() != options.BotToken)
        {
            await connection.CloseAsync(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
            return;
        }
        if (data["intents"] is not JsonValue intentsValue || !intentsValue.TryGetValue<long>(out var intents) || intents < 0 || intents >= 1L << 26)
        {
            await connection.CloseAsync(GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
            return;
        }
        if ((intents & PrivilegedIntents & ~options.AllowedPrivilegedIntents) != 0)
        {
            await connection.CloseAsync(GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
            return;
        }
        var (shardId, shardCount, validShard) = Shard(data["shard"]);
        if (!validShard)
        {
            await connection.CloseAsync(GatewayCloseCodes.InvalidShard, "Invalid shard.");
            return;
        }
        if (shardCount < options.MinimumShards)
        {
            await connection.CloseAsync(GatewayCloseCodes.ShardingRequired, "Sharding required.");
            return;
        }
        GatewaySession session;
        lock (_lock)
        {
            // max_concurrency: one IDENTIFY per bucket (shard_id % max_concurrency) per interval; Discord answers a faster one with op 9.
            var bucket = shardId % Math.Max(1, options.MaxConcurrency);
            var now = options.TimeProvider.GetUtcNow();
            if (_lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < options.IdentifyInterval)
            {
                IdentifyRateViolations++;
                session = null!;
            }
            else
            {
                _lastIdentifyByBucket[bucket] = now;
                _sessionStartsUsed++;
                IdentifyCount++;
                session = new GatewaySession(Guid.NewGuid().ToString("N"), shardId, shardCount, intents, options.ResumeBufferSize);
                _identifies.Add(new GatewayIdentify(shardId, shardCount, session.Id, now));
                foreach (var old in _sessions.Values.Where(s => s.ShardId == shardId && s.ShardCount == shardCount))
                {
                    // Discord would run both sessions and deliver the shard's events to each: two
                    // processes answering the same clicks. Recorded, then the older one is ended here.
                    if (!old.Invalidated && old.Connection is { Closed: false })
                    {
                        _overlaps.Add(new GatewayOverlap(shardId, shardCount, old.Id, session.Id, now));
                    }

                    old.Invalidated = true;
                }

                _sessions[session.Id] = session;
            }
        }
        if (session is null)
        {
            await InvalidSessionAsync(connection, resumable: false);
            return;
        }
        connection.Session = session;
        var guilds = _core.State.Guilds.Where(g => Snowflakes.ShardOf(g.Id, shardCount) == shardId).ToList();
        await session.AttachAsync(connection, async () =>
        {
            await session.SendLockedAsync("READY", Ready(session, guilds).ToJsonString());
            foreach (var guild in guilds)
            {
                await session.SendLockedAsync("GUILD_CREATE", _core.State.GuildCreateJson(guild).ToJsonString());
            }
        });
    }

    public async Task ResumeAsync(GatewayConnection connection, JsonNode? data)
    {
        if (connection.Session is { Invalidated: false })
        {
            await connection.CloseAsync(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
            return;
        }
        if (data?["token"]?.GetValueKind() != JsonValueKind.String || data["token"]!.GetValue<string>() != _core.Options.BotToken)
        {
            await connection.CloseAsync(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
            return;
        }
        var sessionId = data["session_id"]?.GetValueKind() == JsonValueKind.String ? data["session_id"]!.GetValue<string>() : "";
        var seq = data["seq"] is JsonValue seqValue && seqValue.TryGetValue<int>(out var s) ? s : 0;
        GatewaySession? session;
        lock (_lock)
        {
            session = _sessions.GetValueOrDefault(sessionId);
        }
        if (session is null || session.Invalidated)
        {
            await InvalidSessionAsync(connection, resumable: false);
            return;
        }
        connection.Session = session;
        if (!await session.ResumeAsync(connection, seq))
        {
            connection.Session = null;
            await InvalidSessionAsync(connection, resumable: false);
            return;
        }
        lock (_lock)
        {
            ResumeCount++;
        }
    }

    /// <summary>Sends an event to every live session whose shard owns the guild (DMs: shard 0); returns how many.</summary>
    public async Task<int> DispatchAsync(string eventName, JsonNode data, string? guildId)
    {
        var json = data.ToJsonString();
        var targets = Sessions.Where(s => !s.Invalidated && (guildId is null ? s.ShardId == 0 : Snowflakes.ShardOf(guildId, s.ShardCount) == s.ShardId)).ToList();
        foreach (var session in targets)
        {
            await session.DispatchAsync(eventName, json);
        }
        return targets.Count;
    }

    public async Task InvalidSessionAsync(GatewayConnection connection, bool resumable)
    {
        if (!resumable && connection.Session is { } session)
        {
            session.Invalidated = true;
        }
        await connection.SendAsync($"{{\"op\":{GatewayOpcodes.InvalidSession},\"d\":{(resumable ? "true" : "false")}}}");
    }

    public IReadOnlyList<GatewayConnection> ConnectionsOn(int? shardId) =>
        [.. Connections.Where(c => shardId is null || c.Session?.ShardId == shardId)];

    private JsonObject Ready(GatewaySession session, List<EmuGuild> guilds)
    {
        var user = _core.State.Bot.ToJson();
        user["verified"] = true;
        user["mfa_enabled"] = false;
        user["flags"] = 0;
        return new JsonObject
        {
            ["v"] = 10,
            ["user"] = user,
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["unavailable"] = true })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = _core.GatewayUrl,
            ["shard"] = new JsonArray(session.ShardId, session.ShardCount),
            ["application"] = new JsonObject { ["id"] = _core.Options.ApplicationId, ["flags"] = 0 },
            ["private_channels"] = new JsonArray(),
            ["presences"] = new JsonArray(),
            ["relationships"] = new JsonArray(),
            ["guild_join_requests"] = new JsonArray(),
            ["user_settings"] = new JsonObject(),
            ["geo_ordered_rtc_regions"] = new JsonArray(),
        };
    }

    private static (int Id, int Count, bool Valid) Shard(JsonNode? shard)
    {
        if (shard is null)
        {
            return (0, 1, true);
        }
        if (shard is JsonArray { Count: 2 } pair && pair[0] is JsonValue a && pair[1] is JsonValue b
            && a.TryGetValue<int>(out var id) && b.TryGetValue<int>(out var count) && count >= 1 && id >= 0 && id < count)
        {
            return (id, count, true);
        }
        return (0, 0, false);
    }
}
