using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;

namespace StudyBot.Benchmarks;

/// <summary>
/// Graded answers per second through the review engine (EF Core, one transaction per answer, with
/// the interaction-id and concurrency checks) against the same writes through a plain
/// Microsoft.Data.Sqlite loop, side by side on two SQLite files with the same schema and settings.
/// Both sides answer one at a time, in alternating blocks so that a busy machine slows both alike;
/// the RESULT line compares those. Then the engine is driven by several students at once, as in a
/// busy class, where its group commit shares a transaction among answers arriving together; that
/// figure is printed beside (engine_concurrent_per_s), its latency includes waiting in line.
/// Options: --answers N (default 20000), --warmup N (default 3000), --students N (default 16).
/// </summary>
public static class AnswersSuite
{
    private const int Users = 200;
    private const int Cards = 500;
    private const int Block = 500;
    private const int ConcurrentAnswers = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var answers = Option(args, "--answers", 20_000);
        var warmup = Option(args, "--warmup", 3_000);
        var students = Option(args, "--students", 16);
        var directory = Path.Combine(Path.GetTempPath(), "studybot-answers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var plan = Plan(warmup + answers + ConcurrentAnswers, seed: 42);
            var engine = await EngineRun.CreateAsync(Path.Combine(directory, "engine.db"));
            var raw = await RawAnswerRun.CreateAsync(Path.Combine(directory, "raw.db"));

            // EF compiles and caches lazily; an unwarmed engine runs several times slower.
            await engine.RunAsync(plan[..warmup], 1);
            await raw.RunAsync(Tuples(plan[..warmup]));
            var engineTimes = new List<double>(answers);
            var rawTimes = new List<double>(answers);
            double engineSeconds = 0, rawSeconds = 0;
            var end = warmup + answers;
            for (var start = warmup; start < end; start += Block)
            {
                var block = plan[start..Math.Min(start + Block, end)];
                var rawBlock = await raw.RunAsync(Tuples(block));
                rawTimes.AddRange(rawBlock);
                rawSeconds += rawBlock.Sum();
                var (latencies, wall) = await engine.RunAsync(block, 1);
                engineTimes.AddRange(latencies);
                engineSeconds += wall;
            }
            var (concurrentTimes, concurrentSeconds) = await engine.RunAsync(plan[end..], students);
            raw.Dispose();
            await engine.DisposeAsync();

            var enginePerSecond = answers / engineSeconds;
            var rawPerSecond = answers / rawSeconds;
            var concurrentPerSecond = concurrentTimes.Count / concurrentSeconds;
            Console.WriteLine($"answers: {answers:N0} graded answers, {Users} students x {Cards} cards, after {warmup:N0} warm-up answers");
            Console.WriteLine($"engine, one answer at a time:   {enginePerSecond,8:N0}/s  p50 {Percentile(engineTimes, 0.50) * 1000:F3} ms  p99 {Percentile(engineTimes, 0.99) * 1000:F3} ms");
            Console.WriteLine($"raw loop, one transaction each: {rawPerSecond,8:N0}/s  p50 {Percentile(rawTimes, 0.50) * 1000:F3} ms  p99 {Percentile(rawTimes, 0.99) * 1000:F3} ms");
            Console.WriteLine($"engine, {students} students at once: {concurrentPerSecond,8:N0}/s  p50 {Percentile(concurrentTimes, 0.50) * 1000:F3} ms  p99 {Percentile(concurrentTimes, 0.99) * 1000:F3} ms  ({concurrentTimes.Count:N0} answers)");
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT answers engine_per_s={enginePerSecond:F0} raw_per_s={rawPerSecond:F0} ratio={enginePerSecond / rawPerSecond:F2} p99_ms={Percentile(engineTimes, 0.99) * 1000:F3} engine_concurrent_per_s={concurrentPerSecond:F0}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private readonly record struct PlannedAnswer(ulong User, int CardIndex, Rating Rating, DateTime Now, string InteractionId);

    /// <summary>The same answers for both runs: random students and cards, a clock moving a few minutes per answer.</summary>
    private static PlannedAnswer[] Plan(int count, int seed)
    {
        var random = new Random(seed);
        var now = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        var plan = new PlannedAnswer[count];
        for (var i = 0; i < count; i++)
        {
            now = now.AddSeconds(random.Next(1, 300));
            plan[i] = new((ulong)random.Next(1, Users + 1), random.Next(Cards), (Rating)random.Next(1, 5), now, $"bench-{i}");
        }
        return plan;
    }

    private static (ulong, int, Rating, DateTime, string)[] Tuples(PlannedAnswer[] plan) =>
        plan.Select(a => (a.User, a.CardIndex, a.Rating, a.Now, a.InteractionId)).ToArray();

    private static double Percentile(List<double> seconds, double p)
    {
        var sorted = seconds.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class EngineRun : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly ReviewEngine _engine;
        private readonly int[] _cardIds;

        private EngineRun(ServiceProvider services, int[] cardIds)
        {
            _services = services;
            _engine = services.GetRequiredService<ReviewEngine>();
            _cardIds = cardIds;
        }

        public static async Task<EngineRun> CreateAsync(string path)
        {
            var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddStudyData(path).BuildServiceProvider();
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var deck = new Deck("bench", "Benchmark", null, null, Enumerable.Range(0, Cards)
                .Select(i => new DeckCard { Id = $"c{i}", Kind = CardKind.Basic, Prompt = $"Q{i}", Answers = [$"A{i}"] }).ToArray());
            var upload = await services.GetRequiredService<DeckStore>().UploadAsync(deck);
            // Card ids are assigned in file order on a fresh deck.
            var first = upload.DeckId == 1 ? 1 : throw new InvalidOperationException("expected a fresh database");
            return new EngineRun(services, Enumerable.Range(first, Cards).ToArray());
        }

        /// <summary>Answers the plan with <paramref name="students"/> concurrent callers; returns each answer's latency and the wall time.</summary>
        public async Task<(List<double> Latencies, double Seconds)> RunAsync(PlannedAnswer[] plan, int students)
        {
            var times = new double[plan.Length];
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, students).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < plan.Length; i += students)
                {
                    var a = plan[i];
                    var begin = Stopwatch.GetTimestamp();
                    await _engine.AnswerAsync(a.User, _cardIds[a.CardIndex], new SelfGrade(a.Rating), a.InteractionId, TimeSpan.FromSeconds(3), ReviewSource.Review, a.Now);
                    times[i] = Stopwatch.GetElapsedTime(begin).TotalSeconds;
                }
            })));
            return ([.. times], Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
