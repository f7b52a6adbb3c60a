using System.Text.Json.Nodes;
using StudyBot.Emulator;
using StudyBot.Emulator.State;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

public class EmulatorGatewayTests : IAsyncLifetime
{
    private DiscordEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await StartAsync(o => o.HeartbeatIntervalMs = 12_345);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Connect_Always_SendsHelloWithConfiguredInterval()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        var hello = await client.ReceiveAsync();
        Assert.Equal(10, hello!["op"]!.GetValue<int>());
        Assert.Equal(12_345, hello["d"]!["heartbeat_interval"]!.GetValue<int>());
    }

    [Fact]
    public async Task Identify_ValidToken_SendsReadyThenGuildCreate()
    {
        var guild = _emulator.State.AddGuild("Study");
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await using var _ = client;
        var d = ready["d"]!;
        Assert.Equal(1, ready["s"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(d["session_id"]!.GetValue<string>()));
        Assert.Equal(_emulator.GatewayUrl, d["resume_gateway_url"]!.GetValue<string>());
        Assert.Equal(_emulator.Options.BotUserId, d["user"]!["id"]!.GetValue<string>());
        Assert.Equal(_emulator.ApplicationId, d["application"]!["id"]!.GetValue<string>());
        Assert.True(d["guilds"]![0]!["unavailable"]!.GetValue<bool>());

        var create = await client.ReceiveDispatchAsync("GUILD_CREATE");
        Assert.Equal(2, create["s"]!.GetValue<int>());
        Assert.Equal(guild.Id, create["d"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identify_WrongToken_Closes4004()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendAsync(GatewayTestClient.Identify("wrong"));
        Assert.Equal(4004, await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public async Task Identify_InvalidShard_Closes4010(int shardId, int shardCount)
    {
        await using var client = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendAsync(GatewayTestClient.Identify(_emulator.BotToken, shardId, shardCount));
        Assert.Equal(4010, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Identify_ShardWhoseSessionIsStillConnected_IsRecordedAsAnOverlap()
    {
        await using var emulator = await StartAsync(o => { o.MaxConcurrency = 4; o.IdentifyInterval = TimeSpan.Zero; });
        var (first, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken, 1, 2);
        var (other, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken, 0, 2);
        await using var _0 = other;
        Assert.False(emulator.Gateway.OverlapSeen);

        // Shard 1 again while the first session's connection is open: two live sessions on one shard.
        var (second, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken, 1, 2);
        var overlap = Assert.Single(emulator.Gateway.Overlaps);
        Assert.Equal(1, overlap.ShardId);
        Assert.NotEqual(overlap.LiveSessionId, overlap.NewSessionId);

        // Closed first, then identified elsewhere: a clean hand-over, no new overlap.
        await second.DisposeAsync();
        await first.DisposeAsync();
        await WaitUntilAsync(() => emulator.Gateway.Sessions.Count(s => s.ShardId == 1 && s.Connected) == 0);
        var (third, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken, 1, 2);
        await using var _3 = third;
        Assert.Single(emulator.Gateway.Overlaps);
        Assert.Equal([1, 0, 1, 1], emulator.Gateway.Identifies.Select(i => i.ShardId));
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    [Fact]
    public async Task Identify_FasterThanMaxConcurrency_GetsInvalidSession()
    {
        await using var emulator = await StartAsync(o => { o.MaxConcurrency = 1; o.IdentifyInterval = TimeSpan.FromMinutes(1); });
        var (first, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken, 0, 2);
        await using var _1 = first;
        await using var second = await GatewayTestClient.ConnectAsync(emulator.GatewayUrl);
        await second.ReceiveAsync();
        await second.SendAsync(GatewayTestClient.Identify(emulator.BotToken, 1, 2));
        var answer = await second.ReceiveAsync();
        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
        Assert.Equal(1, emulator.Gateway.IdentifyRateViolations);
    }

    [Fact]
    public async Task Heartbeat_Normally_IsAcknowledged_AndWithheldOnRequest()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await using var _1 = client;
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        Assert.Equal(11, (await client.ReceiveAsync())!["op"]!.GetValue<int>());

        _emulator.Gateway.WithholdHeartbeatAcks();
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 1 });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Resume_AfterDrop_ReplaysMissedEventsThenResumed()
    {
        var guild = _emulator.State.AddGuild("Study");
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        var sessionId = ready["d"]!["session_id"]!.GetValue<string>();
        var created = await client.ReceiveDispatchAsync("GUILD_CREATE");
        var seq = created["s"]!.GetValue<int>();

        _emulator.Gateway.DropConnections();
        await client.DisposeAsync();
        await _emulator.Gateway.DispatchAsync("TEST_EVENT", new JsonObject { ["n"] = 1 }, guild.Id);
        await _emulator.Gateway.DispatchAsync("TEST_EVENT", new JsonObject { ["n"] = 2 }, guild.Id);

        await using var resumed = await GatewayTestClient.ConnectAsync(ready["d"]!["resume_gateway_url"]!.GetValue<string>());
        await resumed.ReceiveAsync();
        await resumed.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _emulator.BotToken, ["session_id"] = sessionId, ["seq"] = seq } });
        var first = await resumed.ReceiveAsync();
        var second = await resumed.ReceiveAsync();
        var done = await resumed.ReceiveAsync();
        Assert.Equal([1, 2], new[] { first!, second! }.Select(f => f["d"]!["n"]!.GetValue<int>()));
        Assert.Equal(seq + 1, first!["s"]!.GetValue<int>());
        Assert.Equal("RESUMED", done!["t"]!.GetValue<string>());
        Assert.Equal(1, _emulator.Gateway.ResumeCount);
    }

    [Fact]
    public async Task Resume_AfterClientClosedWith1000_GetsInvalidSessionFalse()
    {
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await client.DisposeAsync();
        await using var again = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await again.ReceiveAsync();
        await again.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _emulator.BotToken, ["session_id"] = ready["d"]!["session_id"]!.DeepClone(), ["seq"] = 1 } });
        var answer = await again.ReceiveAsync();
        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GuildAdded_AfterReady_SendsGuildCreateOnItsShard()
    {
        var ids = _emulator.State.Ids;
        var (shard0, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken, 0, 2);
        var (shard1, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken, 1, 2);
        await using var _0 = shard0;
        await using var _1 = shard1;
        var guild = _emulator.State.AddGuild("late", ids.NextOnShard(1, 2));
        Assert.Equal(guild.Id, (await shard1.ReceiveDispatchAsync("GUILD_CREATE"))["d"]!["id"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => shard0.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Resume_UnknownSession_GetsInvalidSessionFalse()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["op"] = 6, ["d"] = new JsonObject { ["token"] = _emulator.BotToken, ["session_id"] = "nope", ["seq"] = 3 } });
        var answer = await client.ReceiveAsync();
        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Identify_TwoShards_EachGetsItsOwnGuilds()
    {
        var ids = _emulator.State.Ids;
        var onShard0 = _emulator.State.AddGuild("zero", ids.NextOnShard(0, 2));
        var onShard1 = _emulator.State.AddGuild("one", ids.NextOnShard(1, 2));
        var (shard0, ready0) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken, 0, 2);
        var (shard1, ready1) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken, 1, 2);
        await using var _0 = shard0;
        await using var _1 = shard1;
        Assert.Equal(onShard0.Id, ready0["d"]!["guilds"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(onShard1.Id, ready1["d"]!["guilds"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(onShard0.Id, (await shard0.ReceiveDispatchAsync("GUILD_CREATE"))["d"]!["id"]!.GetValue<string>());
        Assert.Equal(onShard1.Id, (await shard1.ReceiveDispatchAsync("GUILD_CREATE"))["d"]!["id"]!.GetValue<string>());
        Assert.Equal(1, Snowflakes.ShardOf(onShard1.Id, 2));
    }

    [Fact]
    public async Task Heartbeats_Stopped_ConnectionClosedResumably()
    {
        // Short enough for a quick test, long enough that READY arrives first on a busy machine
        // (100 ms and 200 ms of grace closed the connection before READY under load).
        await using var emulator = await StartAsync(o => { o.HeartbeatIntervalMs = 1000; o.HeartbeatGrace = TimeSpan.FromSeconds(2); });
        var (client, ready) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken);
        await using var _1 = client;
        Assert.Equal(4000, await client.ReceiveCloseAsync());
        Assert.False(emulator.Gateway.Sessions.Single().Invalidated);
    }

    [Fact]
    public async Task Payload_Over4096Bytes_Closes4002()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await using var _1 = client;
        await client.SendAsync(new JsonObject { ["op"] = 3, ["d"] = new JsonObject { ["status"] = new string('x', 5000) } });
        Assert.Equal(4002, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Sends_OverLimit_Closes4008()
    {
        await using var emulator = await StartAsync(o => o.GatewaySendLimit = 5);
        var (client, _) = await GatewayTestClient.IdentifiedAsync(emulator.GatewayUrl, emulator.BotToken);
        await using var _1 = client;
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
        }
        Assert.Equal(4008, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Faults_CloseWithCode_ClientSeesThatCode()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await using var _1 = client;
        await _emulator.Gateway.CloseAsync(4000, "test");
        Assert.Equal(4000, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Faults_ReconnectAndInvalidSession_AreSent()
    {
        var (client, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await using var _1 = client;
        await _emulator.Gateway.SendReconnectAsync();
        Assert.Equal(7, (await client.ReceiveAsync())!["op"]!.GetValue<int>());
        await _emulator.Gateway.SendInvalidSessionAsync(resumable: true);
        var invalid = await client.ReceiveAsync();
        Assert.Equal(9, invalid!["op"]!.GetValue<int>());
        Assert.True(invalid["d"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Dispatch_BeforeIdentify_OpNotAllowed_Closes4003()
    {
        await using var client = await GatewayTestClient.ConnectAsync(_emulator.GatewayUrl);
        await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["op"] = 3, ["d"] = new JsonObject() });
        Assert.Equal(4003, await client.ReceiveCloseAsync());
    }
}
