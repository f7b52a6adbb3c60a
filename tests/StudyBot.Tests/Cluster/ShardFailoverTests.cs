using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Testing;
using StudyBot.Tests.EndToEnd;
using StudyBot.Tests.Observability;
using Xunit.Abstractions;
using static StudyBot.Tests.Cluster.ClusterChecks;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// Real studybot processes (the built program, configured by environment variables only) on one
/// PostgreSQL database and one loopback Discord with 4 gateway shards, holding their shards through
/// leases (<c>Discord:Shards</c> unset: <c>auto</c> on PostgreSQL), with short lease timings so the
/// story runs in about a minute:
/// - two processes split the shards 2/2;
/// - SIGKILL of one, while it holds reminder triggers it acquired for the next minute and a quiz runs:
///   every server's clicks are answered again within 30 s (measured, printed), the 50 reminders due
///   after the kill are each sent once, and the quiz's deadlines after the kill each close their
///   question once, at most a few check-in intervals late (measured, printed);
/// - two more processes join and each takes a share from the one holding more, without any shard held twice;
/// - SIGTERM of one hands its shards over within 5 s (each survivor's /readyz lists its shards, /metrics counts them);
/// - a process cut off from the database (its connection through a proxy that stops passing bytes,
///   the others unaffected) closes its sessions before a survivor identifies those shards.
/// Throughout, the emulator's record of identifies never shows a shard with two live sessions.
/// </summary>
public sealed class ShardFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ShardCount = 4;
    private const int Reminders = 50;
    private const int QuizSeconds = 15;

    /// <summary>Students acting at once while the reminders are set up: few, so that every interaction is answered within Discord's 3 s on a loaded machine.</summary>
    private const int Parallel = 4;
    private static readonly TimeSpan _ttl = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan _renew = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _margin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan _checkin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    /// <summary>Time left for setting the reminders before their minute (a loaded machine answers slowly).</summary>
    private static readonly TimeSpan _setReminders = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-shards-").FullName;
    private readonly DiscordEmulator _discord = new(new EmulatorOptions { MaxConcurrency = ShardCount });
    private readonly List<BotProcess> _bots = [];
    private readonly List<(EmuChannel Channel, SimulatedUser Student)> _servers = [];
    private readonly List<(EmuChannel Channel, SimulatedUser Student)> _reminded = [];
    private PostgresTestDatabase? _database;
    private PartitionProxy? _proxy;

    public Task InitializeAsync() => _discord.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
            foreach (var line in bot.Lines.TakeLast(200))
            {
                output.WriteLine($"[{bot.Name}] {line}");
            }
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await _discord.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [PostgresFact]
    public async Task AutoShards_SplitKillJoinStopAndDatabaseCut_EveryServerAnsweredAgainAndNoShardEverHeldTwice()
    {
        var watch = Stopwatch.StartNew();
        _database = await PostgresTestDatabase.CreateAsync();
        var owner = _discord.AddUser("prof");
        for (var shard = 0; shard < ShardCount; shard++)
        {
            // (id >> 22) % 4 == shard: one server on each shard.
            var id = ((ulong)(3000 + shard) << 22) + 5;
            var guild = _discord.State.AddGuild($"School {shard}", id.ToString(CultureInfo.InvariantCulture), owner.Id);
            _discord.State.AddMember(guild.Id, owner.Id);
            var student = _discord.AddUser($"student{shard}");
            _discord.State.AddMember(guild.Id, student.Id);
            var channel = _discord.State.AddTextChannel(guild.Id, "study");
            _servers.Add((channel, student));
            // The students reminded after the kill: a quarter of them in each server.
            for (var i = shard; i < Reminders; i += ShardCount)
            {
                var reminded = _discord.AddUser($"r{i}");
                _discord.State.AddMember(guild.Id, reminded.Id);
                _reminded.Add((channel, reminded));
            }
        }

        // Two processes started together split the shards 2/2.
        var a = StartBot("A");
        var b = StartBot("B");
        await a.WaitForLineAsync("StudyBot is answering", _startup);
        await b.WaitForLineAsync("StudyBot is answering", _startup);
        await WaitForHoldersAsync(h => h.GetValueOrDefault("A") == 2 && h.GetValueOrDefault("B") == 2, "A and B holding 2 each");
        await AllAnsweredAsync(DateTimeOffset.UtcNow, _settle);
        output.WriteLine($"A and B hold 2 shards each, every server answered, at {watch.Elapsed.TotalSeconds:0.0} s");

        // Before the kill: the reminded students join a deck (/review; one card message per server is kept
        // for clicking after the kill) and set a reminder for the next whole minute that leaves time to set
        // them all; a quiz in server 0 runs past that minute by two questions.
        await WaitUntilAsync(
            () => a.Lines.Concat(b.Lines).Count(l => l.Contains("got its own copy of the essay decks", StringComparison.Ordinal)),
            n => n >= ShardCount,
            _wait);
        var cards = new ConcurrentDictionary<string, (EmuChannel Channel, SimulatedUser Student, JsonObject Card)>();
        await ForEachAsync(_reminded, Parallel, async r =>
        {
            var card = (await (await r.Student.RunCommandAsync(r.Channel.Id, "review", new CommandOptionInput("deck", "collapse-fears"))).WaitAsync(_wait)).Message!;
            cards.TryAdd(r.Channel.Id, (r.Channel, r.Student, card));
        });
        Assert.Equal(ShardCount, cards.Count);
        var soon = DateTimeOffset.UtcNow + _setReminders;
        var minute = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var at = minute.ToString("HH:mm", CultureInfo.InvariantCulture);
        await ForEachAsync(_reminded, Parallel, async r =>
        {
            var set = await (await r.Student.RunCommandAsync(r.Channel.Id, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", at)))).WaitAsync(_wait);
            Assert.Contains($"Every day at {at} ", set.Content);
        });
        Assert.True(DateTimeOffset.UtcNow < minute - TimeSpan.FromSeconds(2), $"the reminders were set too late for {at}");
        var quizChannel = _servers[0].Channel;
        var asking = (int)Math.Ceiling((minute + TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow) / TimeSpan.FromSeconds(QuizSeconds)) + 2;
        var started = await (await owner.RunCommandAsync(quizChannel.Id, "quiz", CommandOptionInput.Sub(
            "start", new CommandOptionInput("deck", "collapse-fears"), new CommandOptionInput("questions", asking), new CommandOptionInput("seconds", QuizSeconds)))).WaitAsync(_wait);
        Assert.Contains($"Quiz started: {asking} questions", started.Content);
        var session = await QueryAsync(_database, db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());

        // SIGKILL of A once it holds some of those reminders (Quartz acquires triggers ahead of their time),
        // or at the minute if B acquired them all: B takes A's shards over once their leases expire, and
        // A's triggers once its check-in is late.
        var held = await EventuallyAsync(
            async () => Convert.ToInt64(await _database.ScalarAsync("SELECT count(*) FROM qrtz_fired_triggers WHERE instance_name = 'A' AND trigger_group = 'reminders'"), CultureInfo.InvariantCulture),
            n => n > 0 || DateTimeOffset.UtcNow >= minute - TimeSpan.FromSeconds(1),
            minute - DateTimeOffset.UtcNow + _wait);
        await a.KillAsync();
        var killed = Stopwatch.StartNew();
        var killedAt = DateTime.UtcNow;
        Assert.All(_reminded, r => Assert.Equal(0, RemindersTo(_discord, r.Student)));
        output.WriteLine($"kill -9 of A {(minute - DateTimeOffset.UtcNow).TotalSeconds:0.0} s before the reminders' minute {at}, holding {held} acquired reminder trigger(s)");

        // Every server's click (the first button of a card shown before the kill) is answered again.
        var clicked = await AllClickedAsync(cards.Values, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        output.WriteLine($"kill -9 of A: every server's click answered again {clicked.TotalSeconds:0.0} s after the kill (lease {_ttl.TotalSeconds} s, renewal every {_renew.TotalSeconds} s)");
        Assert.True(clicked <= TimeSpan.FromSeconds(30), $"clicks answered again only after {clicked.TotalSeconds:0.0} s");
        var recovered = await AllAnsweredAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        output.WriteLine($"and every server's command {killed.Elapsed.TotalSeconds:0.0} s after the kill ({recovered.TotalSeconds:0.0} s of trying)");
        await WaitForHoldersAsync(h => h.GetValueOrDefault("B") == 4, "B holding all 4");
        Assert.Contains(b.Lines, l => l.Contains("taking over from 'A'", StringComparison.Ordinal));
        output.WriteLine($"B holds all 4 at {killed.Elapsed.TotalSeconds:0.0} s after the kill");

        // Two more processes join together, D's database connection through a proxy the test can cut:
        // each takes one shard from B (the only one over its share), handed over close-then-claim.
        var builder = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = new PartitionProxy(builder.Host!, builder.Port);
        var proxied = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString;
        var c = StartBot("C");
        var d = StartBot("D", proxied);

        // While C and D start: the reminders due after the kill go out once each (all acquisitions recovered,
        // none in flight), and the quiz's deadlines after the kill each close their question once.
        await WaitUntilAsync(() => _reminded.Select(r => RemindersTo(_discord, r.Student)).ToList(), l => l.All(n => n >= 1), minute - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60));
        await EventuallyAsync(() => NoReminderInFlightAsync(_database), none => none, _wait);
        var dms = _reminded.Select(r => RemindersTo(_discord, r.Student)).ToList();
        Assert.All(dms, n => Assert.Equal(1, n));
        var sentBy = _bots.ToDictionary(p => p.Name, p => p.Lines.Count(l => l.Contains("Reminder sent to user", StringComparison.Ordinal)));
        output.WriteLine($"reminders at {at}, after the kill: {dms.Sum()} DMs for {Reminders} students, none twice ({string.Join(", ", sentBy.Select(x => $"{x.Key} sent {x.Value}"))})");
        Assert.Equal(0, sentBy["A"]);
        Assert.Equal(Reminders, sentBy.Values.Sum());

        await WaitUntilAsync(
            () => _discord.State.MessagesIn(quizChannel.Id).Count(m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard", StringComparison.Ordinal)),
            n => n > 0,
            TimeSpan.FromSeconds(asking * QuizSeconds) + _wait);
        var asked = await QueryAsync(_database, db => db.Quizzes.Where(q => q.SessionId == session.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.All(asked, q => Assert.NotNull(q.ClosedUtc));
        Assert.DoesNotContain(asked, q => q.Skipped);
        var late = asked.Where(q => q.ClosesUtc > killedAt).Select(q => (q.ClosedUtc!.Value - q.ClosesUtc).TotalSeconds).ToList();
        Assert.True(late.Count >= 2, $"only {late.Count} deadline(s) after the kill");
        output.WriteLine($"quiz: the {late.Count} deadline(s) after the kill closed at most {late.Max():0.0} s late (check-in {_checkin.TotalSeconds} s); each question posted and closed once");
        Assert.True(late.Max() <= (_checkin * 3 + TimeSpan.FromSeconds(4)).TotalSeconds, $"a deadline after the kill closed {late.Max():0.0} s late");
        AssertEachQuestionOnce(_discord, quizChannel.Id, asking);

        await c.WaitForLineAsync("StudyBot is answering", _startup);
        await d.WaitForLineAsync("StudyBot is answering", _startup);
        await WaitForHoldersAsync(h => h.GetValueOrDefault("B") == 2 && h.GetValueOrDefault("C") == 1 && h.GetValueOrDefault("D") == 1, "B holding 2, C and D 1 each");
        await AllAnsweredAsync(DateTimeOffset.UtcNow, _settle);
        Assert.Contains(b.Lines, l => l.Contains("Released gateway shard", StringComparison.Ordinal) && l.Contains("rebalancing", StringComparison.Ordinal));
        AssertNoOverlap();
        output.WriteLine($"C and D joined and hold 1 each, B kept 2, at {watch.Elapsed.TotalSeconds:0.0} s");

        // SIGTERM of B: it closes its sessions, releases the leases, and C and D claim them at their next round.
        var terminating = Stopwatch.StartNew();
        await b.TerminateAsync(TimeSpan.FromSeconds(30));
        var stopped = terminating.Elapsed;
        await WaitForHoldersAsync(h => h.GetValueOrDefault("C") == 2 && h.GetValueOrDefault("D") == 2, "C and D holding 2 each", TimeSpan.FromSeconds(10));
        await _discord.Gateway.WaitForSessionsAsync(ShardCount, TimeSpan.FromSeconds(10));
        var handedOver = terminating.Elapsed;
        var answered = await AllAnsweredAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10));
        output.WriteLine($"SIGTERM of B: exited after {stopped.TotalSeconds:0.0} s, all 4 shards connected in C and D {handedOver.TotalSeconds:0.0} s after the signal, every server answered {answered.TotalSeconds:0.0} s later");
        Assert.Equal(0, b.ExitCode);
        Assert.True(handedOver <= TimeSpan.FromSeconds(5), $"the hand-over took {handedOver.TotalSeconds:0.0} s");
        Assert.Contains(b.Lines, l => l.Contains("Released gateway shard(s)", StringComparison.Ordinal) && l.Contains("stopping", StringComparison.Ordinal));
        AssertNoOverlap();
        await AssertReadyWithShardsAsync(c, 2);

        // D's database connection is cut (C's is not): D closes its sessions before C may identify them.
        var dShards = await ShardsOfAsync("D");
        var identifiesBefore = _discord.Gateway.Identifies.Count;
        _proxy.Cut();
        var cut = Stopwatch.StartNew();
        var dropped = await d.WaitForLineAsync("Dropping gateway shard", TimeSpan.FromSeconds(30));
        var droppedAt = cut.Elapsed;
        await WaitForHoldersAsync(h => h.GetValueOrDefault("C") == 4, "C holding all 4 after D's cut", TimeSpan.FromSeconds(30));
        var afterCut = await AllAnsweredAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        var takenOver = _discord.Gateway.Identifies.Skip(identifiesBefore).Where(i => dShards.Contains(i.ShardId)).ToList();
        output.WriteLine(
            $"database cut for D: D dropped its shards {droppedAt.TotalSeconds:0.0} s after the cut ({dropped.Trim()}); C identified shard(s) {string.Join(", ", takenOver.Select(i => i.ShardId))}; "
            + $"every server answered {cut.Elapsed.TotalSeconds:0.0} s after the cut ({afterCut.TotalSeconds:0.0} s of clicking)");
        Assert.Equal(dShards.Order(), takenOver.Select(i => i.ShardId).Distinct().Order());
        AssertNoOverlap();
        output.WriteLine($"identifies per shard: {string.Join(", ", _discord.Gateway.Identifies.GroupBy(i => i.ShardId).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}; whole test {watch.Elapsed.TotalSeconds:0.0} s");

        var (code, status) = await BotProcess.RunAsync(_directory, new Dictionary<string, string>(), _startup, "cluster", "status", "--provider", "postgres", "--connection", _database.ConnectionString);
        output.WriteLine(status);
        Assert.Equal(0, code);
        Assert.Contains("shard 0 of 4: held by 'C' since", status);
        Assert.Contains("'C' (auto, at most any number of shard(s)): live", status);
    }

    [PostgresFact]
    public async Task StaticRanges_OverlappingRangeOfARunningProcess_IsRefusedAtStartNamingIt()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var a = StartBot("A", shards: "0-1");
        await a.WaitForLineAsync("StudyBot is answering", _startup);
        var b = StartBot("B", shards: "1-2");
        using (var deadline = new CancellationTokenSource(_startup))
        {
            while (!b.HasExited)
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        var line = Assert.Single(b.Lines, l => l.StartsWith("studybot: ", StringComparison.Ordinal));
        output.WriteLine(line);
        Assert.StartsWith("studybot: Discord:Shards 1-2 overlaps shard(s) 0-1 of the running process 'A' (seen ", line);
        Assert.Equal(2, b.ExitCode);
        Assert.DoesNotContain(b.Lines, l => l.Contains("Claimed gateway shard", StringComparison.Ordinal));
        Assert.All(_discord.Gateway.Identifies, i => Assert.Contains(i.ShardId, new[] { 0, 1 }));

        // A range beside it is accepted.
        var c = StartBot("C", shards: "2-3");
        await c.WaitForLineAsync("StudyBot is answering", _startup);
        await _discord.Gateway.WaitForSessionsAsync(ShardCount, _settle);
        AssertNoOverlap();
    }

    /// <summary>The process's /readyz lists each shard it holds, connected, and /metrics counts them.</summary>
    private async Task AssertReadyWithShardsAsync(BotProcess bot, int shards)
    {
        var line = await bot.WaitForLineAsync("Health and metrics: ", TimeSpan.FromSeconds(5));
        var address = line[(line.IndexOf("Health and metrics: ", StringComparison.Ordinal) + 20)..].Split("/healthz")[0];
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var ready = await http.GetStringAsync("/readyz");
        output.WriteLine($"{bot.Name} /readyz: {ready.Replace('\n', ' ')}");
        Assert.Contains($"discord: Healthy (gateway connected ({shards} shard(s): shard ", ready);
        Assert.Contains($"leases: share {shards} of 4 shard(s)", ready);
        var metrics = await http.GetStringAsync("/metrics");
        var held = PrometheusText.Sum(metrics, "studybot_gateway_shards", ("state", "connected")) + PrometheusText.Sum(metrics, "studybot_gateway_shards", ("state", "resumed"));
        Assert.True(held == shards, $"studybot_gateway_shards connected+resumed = {held}:\n{metrics}");
    }

    private BotProcess StartBot(string name, string? connectionString = null, string? shards = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var environment = new Dictionary<string, string>
        {
            ["DISCORD_TOKEN"] = _discord.BotToken,
            ["Discord__ApplicationId"] = _discord.ApplicationId,
            ["Discord__ApiBaseUrl"] = _discord.BaseUrl,
            ["Discord__ShardCount"] = ShardCount.ToString(CultureInfo.InvariantCulture),
            ["Discord__Leases__Ttl"] = _ttl.ToString("c", CultureInfo.InvariantCulture),
            ["Discord__Leases__RenewInterval"] = _renew.ToString("c", CultureInfo.InvariantCulture),
            ["Discord__Leases__SafetyMargin"] = _margin.ToString("c", CultureInfo.InvariantCulture),
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__StudyBot"] = connectionString ?? _database!.ConnectionString,
            ["Scheduler__InstanceId"] = name,
            ["Scheduler__CheckinInterval"] = _checkin.ToString("c", CultureInfo.InvariantCulture),
            // Reminders sent are counted from the log: per-student lines are written at Debug.
            ["Logging__LogLevel__StudyBot.Features.Reminders"] = "Debug",
            ["StudyBot__DecksDirectory"] = PlaygroundBot.RepositoryDecks(),
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };
        if (shards is not null)
        {
            environment["Discord__Shards"] = shards;
        }

        var bot = BotProcess.Start(name, folder, environment);
        _bots.Add(bot);
        return bot;
    }

    /// <summary>Live leases per holder, read from the lease table.</summary>
    private async Task<Dictionary<string, int>> HoldersAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder, count(*)::int FROM studybot_shard_leases WHERE holder IS NOT NULL AND expires_at > now() GROUP BY holder", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            holders[reader.GetString(0)] = reader.GetInt32(1);
        }

        return holders;
    }

    private async Task<List<int>> ShardsOfAsync(string holder)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT shard_id FROM studybot_shard_leases WHERE holder = @holder AND expires_at > now() ORDER BY shard_id", connection);
        command.Parameters.AddWithValue("holder", holder);
        await using var reader = await command.ExecuteReaderAsync();
        var shards = new List<int>();
        while (await reader.ReadAsync())
        {
            shards.Add(reader.GetInt32(0));
        }

        return shards;
    }

    private async Task WaitForHoldersAsync(Func<Dictionary<string, int>, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? _settle;
        var watch = Stopwatch.StartNew();
        var holders = await HoldersAsync();
        while (!done(holders))
        {
            if (watch.Elapsed > limit)
            {
                throw new Xunit.Sdk.XunitException($"not {what} within {limit.TotalSeconds:0} s; holders: {string.Join(", ", holders.Select(h => $"{h.Key}={h.Value}"))}");
            }

            await Task.Delay(100);
            holders = await HoldersAsync();
        }
    }

    /// <summary>
    /// Each server's student runs /help until the bot answers, all servers at once; returns how long
    /// after <paramref name="since"/> the last server was answered.
    /// </summary>
    private Task<TimeSpan> AllAnsweredAsync(DateTimeOffset since, TimeSpan budget)
        => EachAnsweredAsync(_servers.Select(s => (s.Channel, (Func<Task<InteractionHandle>>)(() => s.Student.RunCommandAsync(s.Channel.Id, "help")))), "command", since, budget);

    /// <summary>
    /// Each server's student clicks the first button of its card (shown before the kill) until the bot
    /// answers, all servers at once; returns how long after <paramref name="since"/> the last was answered.
    /// </summary>
    private Task<TimeSpan> AllClickedAsync(IEnumerable<(EmuChannel Channel, SimulatedUser Student, JsonObject Card)> cards, DateTimeOffset since, TimeSpan budget)
        => EachAnsweredAsync(
            cards.Select(x => (x.Channel, (Func<Task<InteractionHandle>>)(() => x.Student.ClickButtonAsync(MessageView.Id(x.Card), MessageView.Buttons(x.Card)[0].CustomId)))),
            "click",
            since,
            budget);

    /// <summary>
    /// Sends each server's interaction until the bot answers it, all servers at once; returns how long after
    /// <paramref name="since"/> the last server was answered. An interaction that reaches no live session,
    /// or is not answered within 2 s, is sent again.
    /// </summary>
    private async Task<TimeSpan> EachAnsweredAsync(IEnumerable<(EmuChannel Channel, Func<Task<InteractionHandle>> Send)> servers, string what, DateTimeOffset since, TimeSpan budget)
    {
        var answeredAt = await Task.WhenAll(servers.Select(async server =>
        {
            while (DateTimeOffset.UtcNow - since < budget)
            {
                try
                {
                    var handle = await server.Send();
                    await handle.WaitAsync(TimeSpan.FromSeconds(2));
                    return DateTimeOffset.UtcNow - since;
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    // No session on the shard yet, or the session is gone: try again.
                    await Task.Delay(250);
                }
            }

            throw new Xunit.Sdk.XunitException($"{what} in server {server.Channel.GuildId} not answered within {budget.TotalSeconds:0} s:\n{string.Join('\n', _bots.Select(b => b.Log))}");
        }));
        return answeredAt.Max();
    }

    private void AssertNoOverlap()
        => Assert.True(
            !_discord.Gateway.OverlapSeen,
            "a shard had two live sessions: " + string.Join("; ", _discord.Gateway.Overlaps.Select(o => $"shard {o.ShardId} at {o.At:HH:mm:ss.fff}")));
}
