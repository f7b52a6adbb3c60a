using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Features.Quiz;
using StudyBot.Features.Review;
using StudyBot.Testing;
using StudyBot.Tests.EndToEnd;
using Xunit.Abstractions;
using static StudyBot.Tests.Cluster.ClusterChecks;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// Two real studybot processes (the built program, configured by environment variables as in the
/// README's compose file) on one PostgreSQL database and one loopback Discord with 4 gateway shards:
/// process A holds shards 0-1, process B shards 2-3, Quartz runs clustered with a 2 s check-in.
///
/// What it proves:
/// - each process identifies only its shards, and every interaction of 200 students in 8 servers
///   (2 per shard) is delivered to one process and answered exactly once;
/// - 50 reminders due at the same minute, with both processes running, are each sent exactly once;
/// - a channel quiz's deadlines each close their question once; when the process holding the next
///   deadline is killed with SIGKILL mid-quiz, the other closes the remaining questions, the first
///   of them within a few check-in intervals of its deadline, and nothing is lost or doubled;
/// - 50 more reminders, due the minute after (after the kill), are each sent exactly once, all by
///   the survivor (counted in the emulator's DMs: none missing, none twice);
/// - `studybot db verify` on the PostgreSQL database is clean afterwards.
///
/// The reminders' minute: both processes run with the same StudyBot:ClockOffset (under a minute),
/// chosen so that their study clock reaches a whole minute about 45 s after the test starts, rather
/// than waiting up to a minute for the wall clock.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ShardCount = 4;
    private const int Guilds = 8;
    private const int StudentsPerGuild = 25;
    private const int Reminders = 50;
    private const int QuizSeconds = 15;
    private static readonly TimeSpan _checkin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _reminderLead = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    /// <summary>Time left for setting the 100 reminders before their minute (a loaded machine answers slowly).</summary>
    private static readonly TimeSpan _setReminders = TimeSpan.FromSeconds(40);

    /// <summary>A child process's start: generous, since a cold start on a busy 2-core machine takes long; it only bounds a failure.</summary>
    private static readonly TimeSpan _startup = TimeSpan.FromSeconds(180);

    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-cluster-").FullName;
    private readonly DiscordEmulator _discord = ClusterDiscord();
    private readonly List<BotProcess> _bots = [];
    private PostgresTestDatabase? _database;

    public Task InitializeAsync() => _discord.StartAsync();

    /// <summary>
    /// max_concurrency 4: each shard its own identify bucket, so the two processes identify at once.
    /// Opening DM channels is allowed 50 a second instead of the default 5 per 5 s: this test is about
    /// each reminder going out once, not about the time 50 DMs take under Discord's limits.
    /// </summary>
    private static DiscordEmulator ClusterDiscord()
    {
        var options = new EmulatorOptions { MaxConcurrency = ShardCount };
        options.RateLimits.Routes["POST /users/@me/channels"] = new(50, TimeSpan.FromSeconds(1));
        return new DiscordEmulator(options);
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
            // Shown with the test's output: what each process logged, for a failure's story.
            foreach (var line in bot.Lines.TakeLast(300))
            {
                output.WriteLine($"[{bot.Name}] {line}");
            }
        }

        await _discord.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [PostgresFact]
    public async Task TwoProcessesFourShardsOnePostgres_InteractionsAndRemindersOnceAndAKilledNodesDeadlinesTakenOver()
    {
        var watch = Stopwatch.StartNew();
        _database = await PostgresTestDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var target = now + _reminderLead;
        var minute = new DateTimeOffset(target.Year, target.Month, target.Day, target.Hour, target.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        // Study time = real time + offset: the processes' clock shows `minute` when the real one shows `target`.
        var offset = minute - target;

        var instructor = _discord.AddUser("prof");
        var world = Enumerable.Range(0, Guilds).Select(i => AddGuild(i, instructor)).ToList();
        var students = world.SelectMany(g => g.Students.Select(s => (Guild: g, Student: s))).ToList();

        var a = StartBot("A", "0-1", offset);
        await a.WaitForLineAsync("StudyBot is answering", _startup);
        var b = StartBot("B", "2-3", offset);
        await b.WaitForLineAsync("StudyBot is answering", _startup);
        await _discord.Gateway.WaitForSessionsAsync(ShardCount, _startup);
        // Fixed ranges on PostgreSQL are leased too (so an overlapping range would be refused).
        Assert.Contains(a.Lines, l => l.Contains("Claimed gateway shard 0 of 4", StringComparison.Ordinal));
        Assert.Contains(a.Lines, l => l.Contains("Claimed gateway shard 1 of 4", StringComparison.Ordinal));
        Assert.Contains(b.Lines, l => l.Contains("Claimed gateway shard 2 of 4", StringComparison.Ordinal));
        Assert.Contains(b.Lines, l => l.Contains("Claimed gateway shard 3 of 4", StringComparison.Ordinal));
        Assert.Contains(a.Lines, l => l.Contains($"clustered on PostgreSQL as instance {Environment.MachineName}-shards-0-1", StringComparison.Ordinal));
        Assert.Contains(b.Lines, l => l.Contains($"clustered on PostgreSQL as instance {Environment.MachineName}-shards-2-3", StringComparison.Ordinal));
        Assert.Equal([0, 1, 2, 3], _discord.Gateway.Sessions.Where(s => s.Connected).Select(s => s.ShardId).Order());
        output.WriteLine($"both processes ready after {watch.Elapsed.TotalSeconds:0.0} s");

        // Each process copies the essay decks into its servers when Discord announces them (GUILD_CREATE):
        // let that finish before the crowd, as a server's first students would find it.
        await WaitUntilAsync(
            () => a.Lines.Concat(b.Lines).Count(l => l.Contains("got its own copy of the essay decks", StringComparison.Ordinal)),
            n => n >= Guilds,
            _wait);
        var handles = new ConcurrentBag<InteractionHandle>();

        // 200 students each join a deck with /review and answer the card it shows.
        var answered = 0;
        await ForEachAsync(students, 16, async entry =>
        {
            await ReviewOnceAsync(handles, entry.Student, entry.Guild.Channel.Id);
            Interlocked.Increment(ref answered);
        });
        output.WriteLine($"{students.Count} students reviewed and answered after {watch.Elapsed.TotalSeconds:0.0} s");

        // 50 of them (spread over every server) set a reminder for `minute` on the processes' clock (UTC,
        // every student's default zone), or for a later minute when the machine was too slow to leave
        // time for setting 100 reminders before it.
        while (DateTimeOffset.UtcNow + offset > minute - _setReminders)
        {
            minute = minute.AddMinutes(1);
            target = target.AddMinutes(1);
            output.WriteLine($"the reminders go to {minute:HH:mm}: the students' reviews ended too close to the minute before");
        }

        var at = minute.ToString("HH:mm", CultureInfo.InvariantCulture);
        var reminded = students.Where((_, i) => i % (students.Count / Reminders) == 0).Take(Reminders).ToList();
        // Another 50 students (from every server too) are reminded a minute later: after the kill below.
        var afterKill = minute.AddMinutes(1);
        var at2 = afterKill.ToString("HH:mm", CultureInfo.InvariantCulture);
        var remindedAfterKill = students.Where((_, i) => i % (students.Count / Reminders) == 1).Take(Reminders).ToList();
        await ForEachAsync(reminded.Select(r => (Entry: r, At: at)).Concat(remindedAfterKill.Select(r => (Entry: r, At: at2))), 16, async x =>
        {
            var set = await RunAsync(handles, x.Entry.Student, x.Entry.Guild.Channel.Id, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", x.At)));
            Assert.Contains($"Every day at {x.At} ", set.Content);
        });
        Assert.True(DateTimeOffset.UtcNow < target - TimeSpan.FromSeconds(2), $"the reminders were set too late for {at}");

        // A quiz that is still running well after the reminders: its deadlines are what the kill interrupts.
        // It must outlast the reminders' minute, their delivery (late on a loaded machine) and the wait
        // for a second check-in below, with a question still to come: two questions beyond that minute.
        var quizGuild = world[0];
        var questions = (int)Math.Ceiling((target + TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow) / TimeSpan.FromSeconds(QuizSeconds)) + 2;
        var started = await RunAsync(handles, instructor, quizGuild.Channel.Id, "quiz", CommandOptionInput.Sub(
            "start", new CommandOptionInput("deck", "collapse-fears"), new CommandOptionInput("questions", questions), new CommandOptionInput("seconds", QuizSeconds)));
        Assert.Contains($"Quiz started: {questions} questions", started.Content);
        var quizAnswers = await AnswerOpenQuestionAsync(handles, quizGuild);

        // The reminders' minute comes with both processes running: each reminder goes out once.
        await WaitUntilAsync(() => reminded.Select(r => RemindersTo(r.Student)).ToList(), l => l.All(n => n >= 1), TimeSpan.FromSeconds(60) + _reminderLead);
        await Task.Delay(_checkin * 2);
        var dms = reminded.Select(r => (r.Student, Count: RemindersTo(r.Student))).ToList();
        Assert.All(dms, x => Assert.True(x.Count == 1, $"student {x.Student.Id} got {x.Count} reminders"));
        var remindersSentBy = new[] { a, b }.ToDictionary(p => p.Name, p => p.Lines.Count(l => l.Contains("Reminder sent to user", StringComparison.Ordinal)));
        output.WriteLine($"reminders: {dms.Sum(x => x.Count)} sent for {Reminders} students (A sent {remindersSentBy["A"]}, B sent {remindersSentBy["B"]}) at {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(Reminders, remindersSentBy.Values.Sum());

        // A second before the open question's deadline, kill the process that holds that deadline's
        // trigger (Quartz acquires triggers ahead of time): the deadline falls in the outage.
        var session = await QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        // Between a question's close and the next one's post no question is open: wait for the next post.
        var open = (await EventuallyAsync(
            () => QueryAsync(db => db.Quizzes.Where(q => q.SessionId == session.Id && q.ClosedUtc == null && q.MessageId != null).OrderBy(q => q.Position).FirstOrDefaultAsync()),
            q => q is not null,
            _wait))!;
        Assert.True(open.Position < questions - 1, "the quiz must still have deadlines ahead when the process is killed");
        var untilKill = new DateTimeOffset(open.ClosesUtc, TimeSpan.Zero) - offset - TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (untilKill > TimeSpan.Zero)
        {
            await Task.Delay(untilKill);
        }

        var holder = await HolderOfAsync(open.Id);
        var victim = holder?.EndsWith("shards-2-3", StringComparison.Ordinal) == true ? b : a;
        var survivor = victim == a ? b : a;
        var killedAt = DateTimeOffset.UtcNow + offset;
        Assert.True(killedAt < afterKill - TimeSpan.FromSeconds(5), $"the kill at {killedAt:HH:mm:ss} came too late for the reminders at {at2}");
        Assert.All(remindedAfterKill, r => Assert.Equal(0, RemindersTo(r.Student)));
        await victim.KillAsync();
        output.WriteLine($"killed {victim.Name} (SIGKILL) at question {open.Position + 1} of {questions}; the next deadline was acquired by {holder ?? "no node yet"}");

        // The survivor answers the quiz's remaining questions where it holds the quiz server's shard.
        if (survivor == (quizGuild.Shard < 2 ? a : b))
        {
            quizAnswers += await AnswerOpenQuestionAsync(handles, quizGuild, after: open.Position);
        }

        await WaitUntilAsync(
            () => _discord.State.MessagesIn(quizGuild.Channel.Id).Count(m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard", StringComparison.Ordinal)),
            n => n > 0,
            TimeSpan.FromSeconds((questions - open.Position) * QuizSeconds) + TimeSpan.FromSeconds(30));
        var ended = await QueryAsync(db => db.QuizSessions.SingleAsync(s => s.Id == session.Id));
        var asked = await QueryAsync(db => db.Quizzes.Where(q => q.SessionId == session.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.All(asked, q => Assert.NotNull(q.ClosedUtc));
        Assert.DoesNotContain(asked, q => q.Skipped);
        var late = asked.Where(q => q.ClosesUtc > killedAt.UtcDateTime).Select(q => (q.ClosedUtc!.Value - q.ClosesUtc).TotalSeconds).ToList();
        var failover = late.Max();
        output.WriteLine($"fail-over: the {late.Count} deadline(s) after the kill closed at most {failover:0.0} s late (check-in {_checkin.TotalSeconds} s)");
        Assert.True(failover <= (_checkin * 3 + TimeSpan.FromSeconds(4)).TotalSeconds, $"a deadline after the kill closed {failover:0.0} s late:\n{survivor.Log}");

        // Nothing doubled: each question was posted once and shows its results, one scoreboard.
        AssertEachQuestionOnce(_discord, quizGuild.Channel.Id, questions);

        // The reminders due after the kill, the dead process's share of them included, go out once each, from the survivor.
        await WaitUntilAsync(() => remindedAfterKill.Select(r => RemindersTo(r.Student)).ToList(), l => l.All(n => n >= 1), TimeSpan.FromSeconds(90));
        await Task.Delay(_checkin * 2);
        var afterKillDms = remindedAfterKill.Select(r => (r.Student, Count: RemindersTo(r.Student))).ToList();
        Assert.All(afterKillDms, x => Assert.True(x.Count == 1, $"student {x.Student.Id} got {x.Count} reminders at {at2}, after the kill"));
        Assert.All(reminded, r => Assert.Equal(1, RemindersTo(r.Student)));
        var survivorSent = survivor.Lines.Count(l => l.Contains("Reminder sent to user", StringComparison.Ordinal)) - remindersSentBy[survivor.Name];
        output.WriteLine($"reminders after the kill: {afterKillDms.Sum(x => x.Count)} DMs for {Reminders} students at {at2}, {survivorSent} sent by {survivor.Name}, none twice");
        Assert.Equal(Reminders, survivorSent);
        var quizIds = asked.Select(q => q.Id).ToList();
        Assert.Equal(quizAnswers, await QueryAsync(db => db.QuizAnswers.CountAsync(x => quizIds.Contains(x.QuizId))));

        // Every interaction answered exactly once: one callback each, none refused as already acknowledged.
        var callbacks = _discord.Requests.Where(r => r.Route == "/interactions/{interaction_id}/{interaction_token}/callback").ToList();
        var perInteraction = callbacks.GroupBy(r => r.Path.Split('/')[^3]).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(handles, h => Assert.True(perInteraction.GetValueOrDefault(h.Id) == 1, $"interaction {h.Id} had {perInteraction.GetValueOrDefault(h.Id)} callbacks"));
        Assert.All(callbacks, r => Assert.True(r.Status is >= 200 and < 300, $"callback {r.Path} answered {r.Status}: {r.Body}"));
        output.WriteLine($"interactions: {handles.Count} sent, {perInteraction.Count} answered, each exactly once; {answered} review answers");

        var reviews = await QueryAsync(db => db.ReviewLog.CountAsync());
        Assert.Equal(answered + quizAnswers, reviews);
        var (code, verify) = await BotProcess.RunAsync(
            _directory, new Dictionary<string, string>(), _wait, "db", "verify", "--provider", "postgres", "--connection", _database.ConnectionString);
        Assert.True(code == 0, $"db verify exited {code}:\n{verify}");
        Assert.Contains("ok: every card state matches its review log.", verify);
        output.WriteLine($"db verify: {verify.Replace('\n', ' ')}; whole test {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.NotNull(ended.EndedUtc);
    }

    private sealed record TestGuild(EmuGuild Guild, EmuChannel Channel, int Shard, List<SimulatedUser> Students);

    /// <summary>Server <paramref name="index"/> on shard index % 4 ((id >> 22) % 4), with its students.</summary>
    private TestGuild AddGuild(int index, SimulatedUser instructor)
    {
        var shard = index % ShardCount;
        var id = ((ulong)(2000 + index) << 22) + 17;
        var guild = _discord.State.AddGuild($"School {index}", id.ToString(CultureInfo.InvariantCulture), instructor.Id);
        _discord.State.AddMember(guild.Id, instructor.Id);
        var channel = _discord.State.AddTextChannel(guild.Id, "study");
        var students = Enumerable.Range(0, StudentsPerGuild).Select(i =>
        {
            var student = _discord.AddUser($"s{index}-{i}");
            _discord.State.AddMember(guild.Id, student.Id);
            return student;
        }).ToList();
        Assert.Equal(shard, (int)((id >> 22) % ShardCount));
        return new TestGuild(guild, channel, shard, students);
    }

    private BotProcess StartBot(string name, string shards, TimeSpan offset)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var bot = BotProcess.Start(name, folder, new Dictionary<string, string>
        {
            ["DISCORD_TOKEN"] = _discord.BotToken,
            ["Discord__ApplicationId"] = _discord.ApplicationId,
            ["Discord__ApiBaseUrl"] = _discord.BaseUrl,
            ["Discord__ShardCount"] = ShardCount.ToString(CultureInfo.InvariantCulture),
            ["Discord__Shards"] = shards,
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__StudyBot"] = _database!.ConnectionString,
            ["Scheduler__CheckinInterval"] = _checkin.ToString("c", CultureInfo.InvariantCulture),
            ["StudyBot__ClockOffset"] = offset.ToString("c", CultureInfo.InvariantCulture),
            ["StudyBot__DecksDirectory"] = PlaygroundBot.RepositoryDecks(),
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            // Reminders sent are counted from the log: per-student lines are written at Debug.
            ["Logging__LogLevel__StudyBot.Features.Reminders"] = "Debug",
        });
        _bots.Add(bot);
        return bot;
    }

    private static async Task<InteractionOutcome> RunAsync(ConcurrentBag<InteractionHandle> handles, SimulatedUser user, string channelId, string command, params CommandOptionInput[] options)
    {
        var handle = await user.RunCommandAsync(channelId, command, options);
        handles.Add(handle);
        return await handle.WaitAsync(_wait);
    }

    private static async Task<InteractionOutcome> ClickAsync(ConcurrentBag<InteractionHandle> handles, SimulatedUser user, JsonObject message, string customId)
    {
        var handle = await user.ClickButtonAsync(MessageView.Id(message), customId);
        handles.Add(handle);
        return await handle.WaitAsync(_wait);
    }

    /// <summary>/review on an essay deck, then one answer: a choice, or Show answer and Good.</summary>
    private static async Task ReviewOnceAsync(ConcurrentBag<InteractionHandle> handles, SimulatedUser student, string channelId)
    {
        var card = (await RunAsync(handles, student, channelId, "review", new CommandOptionInput("deck", "collapse-fears"))).Message!;
        var buttons = MessageView.Buttons(card);
        if (buttons.FirstOrDefault(b => b.CustomId.StartsWith(ReviewIds.Choice.Prefix, StringComparison.Ordinal)) is { CustomId: not null } choice)
        {
            await ClickAsync(handles, student, card, choice.CustomId);
            return;
        }

        var shown = (await ClickAsync(handles, student, card, MessageView.ButtonLabelled(card, "Show answer"))).Message!;
        await ClickAsync(handles, student, shown, MessageView.Button(shown, l => l.StartsWith("Good", StringComparison.Ordinal)));
    }

    /// <summary>Ten students answer the quiz's open question (after position <paramref name="after"/>); returns how many answers were recorded.</summary>
    private async Task<int> AnswerOpenQuestionAsync(ConcurrentBag<InteractionHandle> handles, TestGuild guild, int after = -1)
    {
        var question = await EventuallyAsync(
            () => QueryAsync(db => db.Quizzes.Where(q => q.GuildId == ulong.Parse(guild.Guild.Id, CultureInfo.InvariantCulture) && q.Position > after && q.MessageId != null && q.ClosedUtc == null).OrderBy(q => q.Position).FirstOrDefaultAsync()),
            q => q is not null,
            _wait);
        var message = _discord.State.FindMessage(question!.MessageId!.Value.ToString(CultureInfo.InvariantCulture))!.Json;
        var recorded = 0;
        foreach (var student in guild.Students.Take(10))
        {
            var buttons = MessageView.Buttons(message);
            InteractionOutcome reply;
            if (buttons.FirstOrDefault(b => b.CustomId.StartsWith(QuizIds.Answer.Prefix, StringComparison.Ordinal)) is { CustomId: not null } choice)
            {
                reply = await ClickAsync(handles, student, message, choice.CustomId);
            }
            else
            {
                var opened = await student.ClickButtonAsync(MessageView.Id(message), MessageView.Buttons(message).First(b => b.CustomId.StartsWith(QuizIds.Type.Prefix, StringComparison.Ordinal)).CustomId);
                handles.Add(opened);
                await opened.Callback.WaitAsync(_wait);
                var submitted = await student.SubmitModalAsync(opened, new Dictionary<string, string> { [QuizIds.AnswerField] = "Yalu" });
                handles.Add(submitted);
                reply = await submitted.WaitAsync(_wait);
            }

            recorded += reply.Content?.StartsWith("Recorded", StringComparison.Ordinal) == true ? 1 : 0;
        }

        return recorded;
    }

    private int RemindersTo(SimulatedUser student) => ClusterChecks.RemindersTo(_discord, student);

    /// <summary>The cluster node that has acquired (or is firing) the quiz question's close trigger.</summary>
    private async Task<string?> HolderOfAsync(long quizId)
    {
        var id = quizId.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 40; i++)
        {
            if (await _database!.ScalarAsync($"SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_group = 'quiz-close' AND trigger_name = '{id}'") is string holder)
            {
                return holder;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private Task<T> QueryAsync<T>(Func<StudyDbContext, Task<T>> query) => ClusterChecks.QueryAsync(_database!, query);
}
