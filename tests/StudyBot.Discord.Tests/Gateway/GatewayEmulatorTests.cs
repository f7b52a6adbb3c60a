using StudyBot.Discord.Gateway;
using StudyBot.Discord.Models;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Discord.Tests.Gateway;

/// <summary>The real gateway client against the loopback emulator: sessions, resumes, faults, shards.</summary>
public class GatewayEmulatorTests
{
    [Fact]
    public async Task Run_Identify_ReceivesReadyAndAnswersCommand()
    {
        var emulator = await StartEmulatorAsync();
        var (_, channel, user) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator);

        await bot.WaitForStateAsync(GatewayState.Connected);
        var handle = await user.RunCommandAsync(channel.Id, "ping");
        var outcome = await handle.WaitAsync();

        Assert.Equal(1, emulator.Gateway.IdentifyCount);
        var ready = Assert.Single(bot.Dispatches, d => d.EventName == "READY");
        Assert.Equal(emulator.ApplicationId, ready.Data.GetProperty("application").GetProperty("id").GetString());
        Assert.Equal(4, outcome.CallbackType);
        Assert.True(outcome.Ephemeral);
        Assert.Equal("pong", outcome.Content);
        Assert.Equal(1, bot.Handled[Snowflake.Parse(handle.Id)]);
    }

    [Fact]
    public async Task Run_ZombieConnection_ResumesAndHandlesEveryInteractionOnce()
    {
        var emulator = await StartEmulatorAsync(o => o.HeartbeatIntervalMs = 250);
        var (_, channel, user) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);

        // Users keep clicking through the whole outage: some interactions land on the zombie socket,
        // some while no socket exists (to be replayed on RESUME).
        var handles = new List<InteractionHandle>();
        using var sending = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            while (!sending.IsCancellationRequested)
            {
                handles.Add(await user.RunCommandAsync(channel.Id, "ping"));
                await Task.Delay(20);
            }
        });
        await Task.Delay(200);
        emulator.Gateway.MakeZombies();
        await bot.WaitForStateAsync(GatewayState.Resumed);
        await Task.Delay(300);
        await sending.CancelAsync();
        await sender;

        foreach (var handle in handles)
        {
            Assert.Equal(4, (await handle.WaitAsync(TimeSpan.FromSeconds(5))).CallbackType);
        }

        Assert.True(handles.Count > 10, $"only {handles.Count} interactions were sent");
        Assert.All(handles, h => Assert.Equal(1, bot.Handled.GetValueOrDefault(Snowflake.Parse(h.Id))));
        Assert.Equal(handles.Count, bot.Handled.Count);
        Assert.Equal(1, emulator.Gateway.IdentifyCount);
        Assert.True(emulator.Gateway.ResumeCount >= 1);
        Assert.Contains(4000, emulator.Gateway.ClosedCodes);
        Assert.DoesNotContain(1000, emulator.Gateway.ClosedCodes);
        Assert.Contains(bot.States, s => s.State == GatewayState.Reconnecting && s.Detail.Contains("zombie"));
        var sequences = bot.Dispatches.Select(d => d.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);

        // Every click sent to the dead socket never reached the bot there: each came back on RESUME and was handled once.
        var lost = emulator.Gateway.SentToZombieSequences;
        Assert.NotEmpty(lost);
        Assert.Subset(emulator.Gateway.ReplayedSequences.ToHashSet(), lost.ToHashSet());
        var replayed = bot.Dispatches.Where(d => lost.Contains(d.Sequence)).ToList();
        Assert.Equal(lost.Count, replayed.Count);
        Assert.All(replayed, d => Assert.Equal(1, bot.Handled.GetValueOrDefault(Snowflake.Parse(d.Data.GetProperty("id").GetString()!))));
    }

    [Fact]
    public async Task Run_Reconnect_ResumesSameSession()
    {
        var emulator = await StartEmulatorAsync();
        var (_, channel, user) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);

        await emulator.Gateway.SendReconnectAsync();
        await bot.WaitForStateAsync(GatewayState.Resumed);
        var outcome = await (await user.RunCommandAsync(channel.Id, "ping")).WaitAsync();

        Assert.Equal(1, emulator.Gateway.IdentifyCount);
        Assert.Equal(1, emulator.Gateway.ResumeCount);
        Assert.Equal("pong", outcome.Content);
    }

    [Fact]
    public async Task Run_InvalidSessionNotResumable_IdentifiesAgain()
    {
        var emulator = await StartEmulatorAsync();
        var (_, channel, user) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);

        await emulator.Gateway.SendInvalidSessionAsync(resumable: false);
        await bot.WaitForStateAsync(GatewayState.Connected, count: 2);
        var outcome = await (await user.RunCommandAsync(channel.Id, "ping")).WaitAsync();

        Assert.Equal(2, emulator.Gateway.IdentifyCount);
        Assert.Equal(0, emulator.Gateway.ResumeCount);
        Assert.Equal("pong", outcome.Content);
    }

    [Fact]
    public async Task Run_InvalidSessionResumable_Resumes()
    {
        var emulator = await StartEmulatorAsync();
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);

        await emulator.Gateway.SendInvalidSessionAsync(resumable: true);
        await bot.WaitForStateAsync(GatewayState.Resumed);

        Assert.Equal(1, emulator.Gateway.IdentifyCount);
        Assert.Equal(1, emulator.Gateway.ResumeCount);
    }

    [Fact]
    public async Task Run_ServerRequestsHeartbeat_BeatsAtOnce()
    {
        var emulator = await StartEmulatorAsync();
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);
        int Beats() => emulator.Core.Gateway.Connections.Sum(c => c.HeartbeatsReceived);
        var before = Beats();

        await emulator.Gateway.RequestHeartbeatAsync();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Beats() == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        // HELLO asked for a beat every 41 s, so only the op 1 request explains a beat this soon.
        Assert.True(Beats() > before);
    }

    [Fact]
    public async Task Run_AuthenticationFailedClose_StopsWithClearErrorAndNoRetry()
    {
        var emulator = await StartEmulatorAsync();
        await using var bot = await BotHarness.StartAsync(emulator);
        await bot.WaitForStateAsync(GatewayState.Connected);

        await emulator.Gateway.CloseAsync(4004, "Authentication failed.");
        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Running.WaitAsync(TimeSpan.FromSeconds(10)));
        await Task.Delay(500);

        Assert.Equal(4004, error.CloseCode);
        Assert.Contains("DISCORD_TOKEN", error.Message);
        Assert.DoesNotContain(emulator.BotToken, error.Message);
        Assert.Equal(1, emulator.Gateway.IdentifyCount);
        Assert.Equal(0, emulator.Gateway.ResumeCount);
        Assert.Equal(0, emulator.Gateway.ConnectionCount);
        Assert.Single(bot.States, s => s.State == GatewayState.Fatal);
        Assert.DoesNotContain(bot.States, s => s.State == GatewayState.Reconnecting);
    }

    [Fact]
    public async Task Run_TwoShards_GuildEventsArriveOnTheirShard()
    {
        var emulator = await StartEmulatorAsync(o =>
        {
            o.RecommendedShards = 2;
            o.MaxConcurrency = 1;
            o.IdentifyInterval = TimeSpan.FromMilliseconds(250);
        });

        // The server times identifies on arrival, which lags the send on a loaded machine: like a
        // careful bot on Discord's 5 s window, the client keeps a margin over the server's window.
        await using var bot = await BotHarness.StartAsync(emulator, new() { ["Discord:Gateway:IdentifyWindow"] = "00:00:00.400" });
        await bot.WaitForStateAsync(GatewayState.Connected, count: 2);

        // (id >> 22) % 2: the first guild belongs to shard 0, the second to shard 1.
        var guildIds = new[] { (1000UL << 22) + 17, (1001UL << 22) + 17 };
        var users = guildIds.Select((id, i) => emulator.AddGuildWithUser($"Guild {i}", "study", $"student{i}", id.ToString())).ToList();
        foreach (var (_, channel, user) in users)
        {
            await (await user.RunCommandAsync(channel.Id, "ping")).WaitAsync();
        }

        foreach (var id in guildIds)
        {
            var expectedShard = new Snowflake(id).ShardFor(2);
            var created = bot.Dispatches.Where(d => d.EventName == "GUILD_CREATE" && d.Data.GetProperty("id").GetString() == id.ToString()).ToList();
            Assert.Equal(expectedShard, Assert.Single(created).ShardId);
            var interaction = Assert.Single(bot.Dispatches, d => d.EventName == "INTERACTION_CREATE" && d.Data.GetProperty("guild_id").GetString() == id.ToString());
            Assert.Equal(expectedShard, interaction.ShardId);
        }

        Assert.Equal([0, 1], bot.Gateway.Shards.Select(s => s.ShardId));
        Assert.Equal(2, emulator.Gateway.IdentifyCount);
        Assert.Equal(0, emulator.Gateway.IdentifyRateViolations);
    }

    [Fact]
    public async Task Run_ShardRangesInTwoProcesses_EachIdentifiesOnlyItsShardsAndGetsOnlyTheirEvents()
    {
        // max_concurrency 4: every shard has its own identify bucket, so both processes identify at once.
        var emulator = await StartEmulatorAsync(o => o.MaxConcurrency = 4);
        await using var first = await BotHarness.StartAsync(emulator, new() { ["Discord:ShardCount"] = "4", ["Discord:Shards"] = "0-1" });
        await using var second = await BotHarness.StartAsync(emulator, new() { ["Discord:ShardCount"] = "4", ["Discord:Shards"] = "2-3" }, ownsEmulator: false);
        await first.WaitForStateAsync(GatewayState.Connected, count: 2);
        await second.WaitForStateAsync(GatewayState.Connected, count: 2);

        // (id >> 22) % 4 = s: one guild on each shard.
        var guildIds = Enumerable.Range(0, 4).Select(s => ((1000UL + (ulong)s) << 22) + 17).ToList();
        var users = guildIds.Select((id, i) => emulator.AddGuildWithUser($"Guild {i}", "study", $"student{i}", id.ToString())).ToList();
        foreach (var (_, channel, user) in users)
        {
            await (await user.RunCommandAsync(channel.Id, "ping")).WaitAsync();
        }

        // A DM has no guild: Discord sends it to shard 0 only, which the first process holds.
        var dm = emulator.State.GetOrCreateDm(users[3].User.Id);
        await (await users[3].User.RunCommandAsync(dm.Id, "ping")).WaitAsync();

        Assert.Equal("0-1", first.Gateway.Held.ToString());
        Assert.Equal("2-3", second.Gateway.Held.ToString());
        Assert.Equal([0, 1], first.Gateway.Shards.Select(s => s.ShardId));
        Assert.Equal([2, 3], second.Gateway.Shards.Select(s => s.ShardId));
        Assert.All(first.Gateway.Shards.Concat(second.Gateway.Shards), s => Assert.Equal(4, s.ShardCount));
        Assert.Equal([0, 1, 2, 3], emulator.Gateway.Sessions.Where(s => s.Connected).Select(s => s.ShardId).Order());
        for (var shard = 0; shard < 4; shard++)
        {
            var id = guildIds[shard].ToString();
            var (owner, other) = shard < 2 ? (first, second) : (second, first);
            Assert.Equal(shard, Assert.Single(owner.Dispatches, d => d.EventName == "GUILD_CREATE" && d.Data.GetProperty("id").GetString() == id).ShardId);
            Assert.Equal(shard, Assert.Single(owner.Dispatches, d => d.EventName == "INTERACTION_CREATE" && d.Data.TryGetProperty("guild_id", out var g) && g.GetString() == id).ShardId);
            Assert.DoesNotContain(other.Dispatches, d => d.Data.ValueKind == System.Text.Json.JsonValueKind.Object
                && ((d.Data.TryGetProperty("guild_id", out var g) && g.GetString() == id) || (d.EventName == "GUILD_CREATE" && d.Data.GetProperty("id").GetString() == id)));
        }

        var dmInteraction = Assert.Single(first.Dispatches, d => d.EventName == "INTERACTION_CREATE" && !d.Data.TryGetProperty("guild_id", out _));
        Assert.Equal(0, dmInteraction.ShardId);
        Assert.DoesNotContain(second.Dispatches, d => d.EventName == "INTERACTION_CREATE" && !d.Data.TryGetProperty("guild_id", out _));
        Assert.Equal(5, first.Handled.Count + second.Handled.Count);
        Assert.All(first.Handled.Values.Concat(second.Handled.Values), n => Assert.Equal(1, n));
        Assert.Equal(4, emulator.Gateway.IdentifyCount);
        Assert.Equal(0, emulator.Gateway.IdentifyRateViolations);
    }

    internal static async Task<DiscordEmulator> StartEmulatorAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { IdentifyInterval = TimeSpan.Zero };
        configure?.Invoke(options);
        var emulator = new DiscordEmulator(options);
        await emulator.StartAsync();
        return emulator;
    }
}
