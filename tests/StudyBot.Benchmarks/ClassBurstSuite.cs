using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data.Stores;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using StudyBot.Features.Quiz;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- class-burst`: an instructor starts a one-question quiz in a channel of N students (default
/// 1,000), and every student clicks an answer button within a spread (default 2 s). Each click
/// travels emulator -> gateway -> router -> quiz feature -> database -> interaction callback, with
/// the emulator's rate limits on. The ack time of a click is the emulator's own: from handing its
/// INTERACTION_CREATE to the gateway to accepting the bot's first callback. Afterwards every
/// student must have exactly one recorded quiz answer, and the emulator must have seen no request
/// sent against an exhausted rate limit.
/// Before it, as in a bot that has been running, another class (default 300 students, none of the
/// measured ones) answers a question in another channel, and the bot is left 3 s to finish compiling
/// what that ran hot; that warm-up burst is timed too and printed as the cold figures.
/// Options: --students N, --spread-ms N, --warmup N (0: measure the freshly started bot), --db
/// sqlite|postgres, --series (the acks of each hundred clicks in order, to tell a slow start from a
/// slow burst), --batching off (each answer its own transaction: one writer, batches of 1).
/// </summary>
public static class ClassBurstSuite
{
    private const string Deck = """
        id: burst
        title: Class burst
        cards:
          - id: capital
            kind: mcq
            prompt: Which city is the capital of North Korea?
            choices:
              - { text: "Pyongyang", correct: true }
              - { text: "Seoul" }
              - { text: "Dalian" }
        """;

    private const string WarmupDeck = """
        id: warmup
        title: Warm-up
        cards:
          - id: border
            kind: mcq
            prompt: Which river marks most of the border between China and North Korea?
            choices:
              - { text: "The Yalu", correct: true }
              - { text: "The Han" }
              - { text: "The Amur" }
        """;

    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = FsrsSuite.ReadCount(args, "--students", 1000);
        var warmCount = FsrsSuite.ReadCount(args, "--warmup", 300, minimum: 0);
        var spread = TimeSpan.FromMilliseconds(FsrsSuite.ReadCount(args, "--spread-ms", 2000));
        var options = new EmulatorOptions { RecordDirectory = null };
        options.RateLimits.Enabled = true;
        await using var bench = await EmulatedBot.CreateAsync(options, args);
        var students = bench.AddStudents(count + warmCount);
        var warmChannel = bench.Discord.State.AddTextChannel(bench.Guild.Id, "warm-up");
        await bench.StartBotAsync(EmulatedBot.Batching(args));
        foreach (var (yaml, file) in new[] { (Deck, "burst.yaml"), (WarmupDeck, "warmup.yaml") })
        {
            await bench.Services.GetRequiredService<DeckStore>().UploadAsync(new DeckLoader().LoadText(yaml, file).Deck!, bench.GuildId);
        }

        Burst? cold = null;
        if (warmCount > 0)
        {
            cold = await BurstAsync(bench, warmChannel, "warmup", students.Skip(count).ToList(), spread * warmCount / count, series: false);
            if (cold is null)
            {
                return 1;
            }
            await Task.Delay(_settle);
        }

        var burst = await BurstAsync(bench, bench.Channel, "burst", students.Take(count).ToList(), spread, args.Contains("--series"));
        if (burst is null)
        {
            return 1;
        }

        var acks = burst.Acks;
        if (cold is not null)
        {
            Console.WriteLine($"warm-up: {warmCount:N0} other students answered a question in another channel first (ack p50 {Percentile(cold.Acks, 0.50):0.0} ms, p99 {Percentile(cold.Acks, 0.99):0.0} ms on the freshly started bot), then {_settle.TotalSeconds:0} s for the runtime to compile what ran hot");
        }
        Console.WriteLine($"class-burst: {count:N0} students clicked an answer within {burst.Clicked.TotalSeconds:0.00} s (planned {spread.TotalSeconds:0.##} s); all replies in after {burst.Done.TotalSeconds:0.00} s");
        Console.WriteLine($"path: emulator -> gateway -> router -> quiz feature -> database ({bench.Database.Label}) -> callback; emulator rate limits on");
        Console.WriteLine($"ack (INTERACTION_CREATE dispatched -> first callback) ms: p50 {Percentile(acks, 0.50):0.0}  p90 {Percentile(acks, 0.90):0.0}  p99 {Percentile(acks, 0.99):0.0}  max {acks[^1]:0.0}");
        Console.WriteLine($"CPU time of the whole process (bot, emulator and benchmark; SQLite's engine too, not a PostgreSQL server) per click, from the first click to the last reply: {burst.CpuPerClick:0.00} ms");
        Console.WriteLine($"garbage collection meanwhile: {burst.GcPaused.TotalMilliseconds:0} ms paused in all, collections of generations 0 / 1 / 2: {burst.Collections}");
        Console.WriteLine($"answers recorded once: {burst.Counted:N0}; recorded more than once: {burst.Twice}; students without an answer: {burst.Missing}; replies seen: {burst.Replies:N0}");
        Console.WriteLine($"rate-limit violations: {burst.Violations}; 401/403/429 answers: {burst.Rejected}; clicks never acknowledged: {burst.Unacknowledged}");
        var coldField = cold is null ? "" : string.Create(CultureInfo.InvariantCulture, $" warmup={warmCount} cold_ack_p99_ms={Percentile(cold.Acks, 0.99):0.0}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT class_burst answers={count} counted={burst.Counted} ack_p50_ms={Percentile(acks, 0.50):0.0} ack_p99_ms={Percentile(acks, 0.99):0.0} violations={burst.Violations} cpu_ms_per_click={burst.CpuPerClick:0.00}{coldField} db={bench.Database.Label.ToLowerInvariant()} batching={EmulatedBot.BatchingLabel(args)}"));
        return burst.Ok && cold?.Ok != false ? 0 : 1;
    }

    /// <summary>A one-question quiz in <paramref name="channel"/>, every student clicking once at an even pace over <paramref name="spread"/>; null when the quiz did not start.</summary>
    private static async Task<Burst?> BurstAsync(EmulatedBot bench, EmuChannel channel, string deck, IReadOnlyList<SimulatedUser> students, TimeSpan spread, bool series)
    {
        var count = students.Count;
        var started = await (await bench.Instructor.RunCommandAsync(channel.Id, "quiz", CommandOptionInput.Sub("start",
            new CommandOptionInput("deck", deck), new CommandOptionInput("questions", 1), new CommandOptionInput("seconds", 120)))).WaitAsync(TimeSpan.FromSeconds(30));
        if (started.Content?.StartsWith("Quiz started", StringComparison.Ordinal) != true)
        {
            Console.Error.WriteLine($"class-burst: /quiz start in #{channel.Name} answered '{started.Content}'");
            return null;
        }

        var channelId = ulong.Parse(channel.Id, CultureInfo.InvariantCulture);
        var quiz = await bench.QueryAsync(db => db.Quizzes.AsNoTracking().SingleAsync(q => q.ChannelId == channelId && q.MessageId != null));
        var messageId = quiz.MessageId!.Value.ToString(CultureInfo.InvariantCulture);
        var violationsBefore = bench.Discord.RateLimitViolations;
        var invalidBefore = bench.Discord.InvalidRequests;

        // Every student clicks once, at an even pace over the spread; choices as a class would pick them.
        var handles = new Task<InteractionHandle>[count];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // The clock is read once: read twice, it may pass the due time between the test and the wait.
            var wait = (spread * i / count) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var student = students[i];
            var choice = i % 10 < 7 ? 0 : 1 + (i % 2);
            handles[i] = Task.Run(() => student.ClickButtonAsync(messageId, QuizIds.Answer.Format(new QuizChoiceId(quiz.Id, choice))));
        }

        var clicked = clock.Elapsed;
        var sent = await Task.WhenAll(handles);
        var answered = await Task.WhenAll(sent.Select(async h =>
        {
            try
            {
                return await h.Response.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                return null;
            }
        }));
        var done = clock.Elapsed;
        var cpuPerClick = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / count;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));

        var inOrder = sent.Select(h => h.AcknowledgedAfter?.TotalMilliseconds ?? double.NaN).ToArray();
        if (series)
        {
            for (var b = 0; b < count; b += 100)
            {
                var part = inOrder[b..Math.Min(count, b + 100)].Where(a => !double.IsNaN(a)).Order().ToArray();
                if (part.Length > 0)
                {
                    Console.WriteLine($"acks of clicks {b}-{Math.Min(count, b + 100) - 1} ms: p50 {Percentile(part, 0.5):0} p90 {Percentile(part, 0.9):0} max {part[^1]:0}");
                }
            }
        }

        var perStudent = await bench.QueryAsync(db => db.QuizAnswers.Where(a => a.QuizId == quiz.Id).GroupBy(a => a.UserId).Select(g => g.Count()).ToListAsync());
        var unacknowledged = inOrder.Count(double.IsNaN);
        return new Burst(
            [.. inOrder.Where(a => !double.IsNaN(a)).Order()],
            perStudent.Count(n => n == 1),
            perStudent.Count(n => n > 1),
            count - perStudent.Count,
            answered.Count(a => a?.Content is { Length: > 0 }),
            bench.Discord.RateLimitViolations - violationsBefore,
            bench.Discord.InvalidRequests - invalidBefore,
            unacknowledged,
            clicked,
            done,
            cpuPerClick,
            paused,
            collections);
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Burst(
        double[] Acks, int Counted, int Twice, int Missing, int Replies, long Violations, long Rejected, int Unacknowledged,
        TimeSpan Clicked, TimeSpan Done, double CpuPerClick, TimeSpan GcPaused, string Collections)
    {
        public bool Ok => Counted == Acks.Length + Unacknowledged && Twice == 0 && Missing == 0 && Unacknowledged == 0;
    }
}
