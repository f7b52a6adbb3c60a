using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data.Stores;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- class-burst`: an instructor starts a one-question quiz in a channel of N students (default
/// 1,000), and every student clicks an answer button within a spread (default 2 s). Each click
/// travels emulator -> gateway -> router -> quiz feature -> database -> interaction callback, with
/// the emulator's rate limits on. The ack time of a click is the emulator's own: from handing its
/// INTERACTION_CREATE to the gateway to accepting the bot's first callback. Afterwards every
/// student must have exactly one recorded quiz answer, and the emulator must have seen no request
/// sent against an exhausted rate limit. Options: --students N, --spread-ms N, --db sqlite|postgres,
/// --series (the acks of each hundred clicks in order, to tell a slow start from a slow burst).
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

    public static async Task<int> RunAsync(string[] args)
    {
        var count = FsrsSuite.ReadCount(args, "--students", 1000);
        var spread = TimeSpan.FromMilliseconds(FsrsSuite.ReadCount(args, "--spread-ms", 2000));
        var options = new EmulatorOptions { RecordDirectory = null };
        options.RateLimits.Enabled = true;
        await using var bench = await EmulatedBot.CreateAsync(options, args);
        var students = bench.AddStudents(count);
        await bench.StartBotAsync();
        var loaded = new DeckLoader().LoadText(Deck, "burst.yaml");
        await bench.Services.GetRequiredService<DeckStore>().UploadAsync(loaded.Deck!, bench.GuildId);

        var started = await (await bench.Instructor.RunCommandAsync(bench.Channel.Id, "quiz", CommandOptionInput.Sub("start",
            new CommandOptionInput("deck", "burst"), new CommandOptionInput("questions", 1), new CommandOptionInput("seconds", 120)))).WaitAsync(TimeSpan.FromSeconds(30));
        if (started.Content?.StartsWith("Quiz started", StringComparison.Ordinal) != true)
        {
            Console.Error.WriteLine($"class-burst: /quiz start answered '{started.Content}'");
            return 1;
        }

        var quiz = await bench.QueryAsync(db => db.Quizzes.AsNoTracking().SingleAsync(q => q.MessageId != null));
        var messageId = quiz.MessageId!.Value.ToString(CultureInfo.InvariantCulture);
        var violationsBefore = bench.Discord.RateLimitViolations;
        var invalidBefore = bench.Discord.InvalidRequests;

        // Every student clicks once, at an even pace over the spread; choices as a class would pick them.
        var handles = new Task<InteractionHandle>[count];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = spread * i / count;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
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

        if (args.Contains("--series"))
        {
            var raw = sent.Select(h => h.AcknowledgedAfter?.TotalMilliseconds ?? double.NaN).ToArray();
            for (var b = 0; b < count; b += 100)
            {
                var part = raw[b..Math.Min(count, b + 100)].Order().ToArray();
                Console.WriteLine($"acks of clicks {b}-{b + part.Length - 1} ms: p50 {Percentile(part, 0.5):0} p90 {Percentile(part, 0.9):0} max {part[^1]:0}");
            }
        }
        var acks = sent.Select(h => h.AcknowledgedAfter?.TotalMilliseconds ?? double.NaN).Order().ToArray();
        var perStudent = await bench.QueryAsync(db => db.QuizAnswers.Where(a => a.QuizId == quiz.Id).GroupBy(a => a.UserId).Select(g => g.Count()).ToListAsync());
        var counted = perStudent.Count(n => n == 1);
        var twice = perStudent.Count(n => n > 1);
        var violations = bench.Discord.RateLimitViolations - violationsBefore;
        var rejected = bench.Discord.InvalidRequests - invalidBefore;
        var replies = answered.Count(a => a?.Content is { Length: > 0 });
        var unacknowledged = acks.Count(double.IsNaN);
        acks = [.. acks.Where(a => !double.IsNaN(a))];

        Console.WriteLine($"class-burst: {count:N0} students clicked an answer within {clicked.TotalSeconds:0.00} s (planned {spread.TotalSeconds:0.##} s); all replies in after {done.TotalSeconds:0.00} s");
        Console.WriteLine($"path: emulator -> gateway -> router -> quiz feature -> database ({bench.Database.Label}) -> callback; emulator rate limits on");
        Console.WriteLine($"ack (INTERACTION_CREATE dispatched -> first callback) ms: p50 {Percentile(acks, 0.50):0.0}  p90 {Percentile(acks, 0.90):0.0}  p99 {Percentile(acks, 0.99):0.0}  max {acks[^1]:0.0}");
        Console.WriteLine($"CPU time of the whole process (bot, emulator and benchmark; SQLite's engine too, not a PostgreSQL server) per click, from the first click to the last reply: {cpuPerClick:0.00} ms");
        Console.WriteLine($"answers recorded once: {counted:N0}; recorded more than once: {twice}; students without an answer: {count - perStudent.Count}; replies seen: {replies:N0}");
        Console.WriteLine($"rate-limit violations: {violations}; 401/403/429 answers: {rejected}; clicks never acknowledged: {unacknowledged}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT class_burst answers={count} counted={counted} ack_p50_ms={Percentile(acks, 0.50):0.0} ack_p99_ms={Percentile(acks, 0.99):0.0} violations={violations} cpu_ms_per_click={cpuPerClick:0.00} db={bench.Database.Label.ToLowerInvariant()}"));
        return counted == count && twice == 0 && unacknowledged == 0 ? 0 : 1;
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
