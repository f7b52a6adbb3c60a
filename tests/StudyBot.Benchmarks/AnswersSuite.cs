using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Discord;
using StudyBot.Features.Review;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- answers`: graded answers per second through the full path a review button takes
/// (a new DI scope per answer, as the router gives each interaction, then
/// <c>ReviewService.AnswerAsync</c> exactly as the button handler calls it: the prompt check, the
/// engine's transaction, the cards-left count) on a SQLite file, against the same writes through a
/// plain Microsoft.Data.Sqlite loop (one transaction per answer, prepared commands, states in
/// memory) on a second file with the same schema and pragmas. One answer at a time, both sides in
/// alternating blocks so that a busy machine slows both alike, after a long warm-up (EF Core
/// compiles its queries lazily). Then 16 and 64 students answer at once (each student one answer
/// after the other, as a person clicks), where answers arriving together may share a transaction.
/// sql_per_answer counts the statements the full path sends per answer (an EF interceptor; BEGIN
/// and COMMIT count). On SQLite the full path's commits leave WAL checkpoints to StudyBot's
/// background checkpointer (its count and time are printed: work moved off the answer path, not
/// removed), while the raw loop keeps SQLite's automatic checkpoint in its commits, as before. Options: --answers N (default 20000), --warmup N (default 5000),
/// --concurrent N (answers per concurrent run, default 4000), --db sqlite|postgres (the full path's
/// database; the raw loop stays the Microsoft.Data.Sqlite one), --batching off (each answer its own
/// transaction: one writer, batches of 1).
/// </summary>
public static class AnswersSuite
{
    private const int Users = 200;
    private const int Cards = 500;
    private const int Block = 500;
    private const ulong Guild = 900_000_000_000_000_001;

    public static async Task<int> RunAsync(string[] args)
    {
        var answers = FsrsSuite.ReadCount(args, "--answers", 20_000);
        var warmup = FsrsSuite.ReadCount(args, "--warmup", 5_000);
        var concurrent = FsrsSuite.ReadCount(args, "--concurrent", 4_000);
        var directory = Path.Combine(Path.GetTempPath(), "studybot-answers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var plan = Plan(warmup + answers + (2 * concurrent), seed: 42);
            await using var database = await BenchDatabase.CreateAsync(args, directory, "full.db");
            var full = await FullPathRun.CreateAsync(database.Target, EmulatedBot.Batching(args));
            // The floor is the plain SQLite loop; no plain Npgsql loop is built, so on PostgreSQL there is no ratio.
            var raw = database.Target.Provider == DatabaseProvider.Sqlite ? await RawAnswerRun.CreateAsync(Path.Combine(directory, "raw.db"), BenchDeck()) : null;
            // The same loop with its checkpoints in the background, as the full path's are: like for like.
            var rawBackground = raw is null ? null : await RawAnswerRun.CreateAsync(Path.Combine(directory, "raw-background.db"), BenchDeck(), backgroundCheckpoints: true);

            // EF compiles and caches lazily; an unwarmed path runs several times slower.
            await full.RunAsync(plan[..warmup], 1);
            if (raw is not null)
            {
                await raw.RunAsync(Tuples(plan[..warmup]));
                await rawBackground!.RunAsync(Tuples(plan[..warmup]));
            }

            var fullTimes = new List<double>(answers);
            var rawTimes = new List<double>(answers);
            double fullSeconds = 0, rawSeconds = 0, rawBackgroundSeconds = 0;
            var end = warmup + answers;
            var statementsBefore = full.Statements;
            for (var start = warmup; start < end; start += Block)
            {
                var block = plan[start..Math.Min(start + Block, end)];
                if (raw is not null)
                {
                    var rawBlock = await raw.RunAsync(Tuples(block));
                    rawTimes.AddRange(rawBlock);
                    rawSeconds += rawBlock.Sum();
                    rawBackgroundSeconds += (await rawBackground!.RunAsync(Tuples(block))).Sum();
                }

                var (latencies, wall) = await full.RunAsync(block, 1);
                fullTimes.AddRange(latencies);
                fullSeconds += wall;
            }

            var sqlPerAnswer = (double)(full.Statements - statementsBefore) / answers;
            var (times16, seconds16) = await full.RunAsync(plan[end..(end + concurrent)], 16);
            var (times64, seconds64) = await full.RunAsync(plan[(end + concurrent)..], 64);
            var (checkpoints, checkpointTime) = full.Checkpoints;
            raw?.Dispose();
            rawBackground?.Dispose();
            await full.DisposeAsync();

            var fullPerSecond = answers / fullSeconds;
            var rawPerSecond = raw is null ? double.NaN : answers / rawSeconds;
            var rawBackgroundPerSecond = raw is null ? double.NaN : answers / rawBackgroundSeconds;
            var perSecond16 = times16.Count / seconds16;
            var perSecond64 = times64.Count / seconds64;
            Console.WriteLine($"answers: {answers:N0} graded answers, {Users} students x {Cards} cards, after {warmup:N0} warm-up answers, on {database.Label}");
            Console.WriteLine($"full path (scope + ReviewService.AnswerAsync), one at a time: {fullPerSecond,8:N0}/s  p50 {Ms(fullTimes, 0.50)} ms  p99 {Ms(fullTimes, 0.99)} ms  {sqlPerAnswer:0.0} SQL statements per answer");
            Console.WriteLine(raw is null
                ? "raw loop: not run (the floor is a plain Microsoft.Data.Sqlite loop; there is none for PostgreSQL)"
                : $"raw Microsoft.Data.Sqlite loop, one transaction each:   {rawPerSecond,8:N0}/s  p50 {Ms(rawTimes, 0.50)} ms  p99 {Ms(rawTimes, 0.99)} ms");
            if (raw is not null)
            {
                Console.WriteLine($"raw loop, its WAL checkpoints in the background too:  {rawBackgroundPerSecond,8:N0}/s  (like for like: full path at {fullPerSecond / rawBackgroundPerSecond:0.00}x)");
            }
            Console.WriteLine(database.Target.Provider == DatabaseProvider.Sqlite
                ? $"full path's WAL checkpoints, run in the background: {checkpoints:N0} taking {checkpointTime.TotalMilliseconds:N0} ms in all (the raw loop checkpoints in its own commits)"
                : "full path's WAL checkpoints: none (PostgreSQL)");
            Console.WriteLine($"full path, 16 students at once: {perSecond16,8:N0}/s  p50 {Ms(times16, 0.50)} ms  p99 {Ms(times16, 0.99)} ms  ({times16.Count:N0} answers)");
            Console.WriteLine($"full path, 64 students at once: {perSecond64,8:N0}/s  p50 {Ms(times64, 0.50)} ms  p99 {Ms(times64, 0.99)} ms  ({times64.Count:N0} answers)");
            Console.WriteLine($"targets: full >= 0.8x raw{(raw is null ? "" : $" (now {fullPerSecond / rawPerSecond:0.00}x)")}; 16 and 64 at once >= one at a time; <= 4 SQL statements per answer");
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT answers full_per_s={fullPerSecond:F0} raw_per_s={(raw is null ? "n/a" : rawPerSecond.ToString("F0", CultureInfo.InvariantCulture))} ratio={(raw is null ? "n/a" : (fullPerSecond / rawPerSecond).ToString("F2", CultureInfo.InvariantCulture))} concurrent16_per_s={perSecond16:F0} concurrent64_per_s={perSecond64:F0} sql_per_answer={sqlPerAnswer:F1} p99_ms={Percentile(fullTimes, 0.99) * 1000:F3} db={database.Label.ToLowerInvariant()} raw_bg_per_s={(raw is null ? "n/a" : rawBackgroundPerSecond.ToString("F0", CultureInfo.InvariantCulture))} ratio_bg={(raw is null ? "n/a" : (fullPerSecond / rawBackgroundPerSecond).ToString("F2", CultureInfo.InvariantCulture))} batching={EmulatedBot.BatchingLabel(args)}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private readonly record struct PlannedAnswer(ulong User, int CardIndex, Rating Rating, DateTime Now, string InteractionId);

    /// <summary>The same answers for both runs: random students and cards, a clock moving a few minutes per answer (the raw loop's).</summary>
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

    private static Deck BenchDeck() => new("bench", "Benchmark", null, null, Enumerable.Range(0, Cards)
        .Select(i => new DeckCard { Id = $"c{i}", Kind = CardKind.Basic, Prompt = $"Q{i}", Answers = [$"A{i}"] }).ToArray());

    private static (ulong, int, Rating, DateTime, string)[] Tuples(PlannedAnswer[] plan) =>
        plan.Select(a => (a.User, a.CardIndex, a.Rating, a.Now, a.InteractionId)).ToArray();

    private static string Ms(List<double> seconds, double p) => (Percentile(seconds, p) * 1000).ToString("F3", CultureInfo.InvariantCulture);

    private static double Percentile(List<double> seconds, double p)
    {
        var sorted = seconds.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>The host's own composition (options, storage, features) without Discord's connection; one scope per answer.</summary>
    private sealed class FullPathRun : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly SqlStatementCounter _statements;
        private readonly int[] _cardIds;
        private readonly ConcurrentDictionary<(ulong, int), int> _prompts = new();

        private FullPathRun(ServiceProvider services, SqlStatementCounter statements, int[] cardIds)
        {
            _services = services;
            _statements = statements;
            _cardIds = cardIds;
        }

        public long Statements => _statements.Total;

        /// <summary>The background checkpointer's work so far (SQLite).</summary>
        public (long Count, TimeSpan Elapsed) Checkpoints => _services.GetRequiredService<WalCheckpointer>().Stats;

        public static async Task<FullPathRun> CreateAsync(DatabaseTarget target, AnswerBatching batching)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseTarget.ProviderKey] = target.Provider.ToString(),
                [DatabaseTarget.ConnectionStringKey] = target.ConnectionString,
                ["StudyBot:DefaultTimeZone"] = "Etc/UTC",
                ["Discord:Token"] = "benchmark-token-never-sent",
            }).Build();
            var statements = new SqlStatementCounter();
            var services = new ServiceCollection()
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<IConfiguration>(configuration);
            services.AddStudyBotCore();
            services.AddStudyStorage(StorageLocation.From(configuration));
            services.AddDiscordClient(configuration);
            services.AddStudyBotFeatures();
            services.AddSingleton(statements);
            services.AddSingleton(batching);
            var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var upload = await provider.GetRequiredService<DeckStore>().UploadAsync(BenchDeck(), Guild);
            var students = provider.GetRequiredService<StudentStore>();
            for (ulong user = 1; user <= Users; user++)
            {
                await students.EnrolAsync(user, upload.DeckId);
            }

            // Card ids are assigned in file order on a fresh deck.
            var first = upload.DeckId == 1 ? 1 : throw new InvalidOperationException("expected a fresh database");
            return new FullPathRun(provider, statements, Enumerable.Range(first, Cards).ToArray());
        }

        /// <summary>Answers the plan with <paramref name="students"/> students at once, each answering their own cards one after the other.</summary>
        public async Task<(List<double> Latencies, double Seconds)> RunAsync(PlannedAnswer[] plan, int students)
        {
            var times = new double[plan.Length];
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, students).Select(student => Task.Run(async () =>
            {
                for (var i = 0; i < plan.Length; i++)
                {
                    // A student is one person: only their worker answers their cards.
                    if ((int)(plan[i].User % (ulong)students) != student)
                    {
                        continue;
                    }

                    var begin = Stopwatch.GetTimestamp();
                    await AnswerAsync(plan[i]);
                    times[i] = Stopwatch.GetElapsedTime(begin).TotalSeconds;
                }
            })));
            return ([.. times], Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        // What ReviewModule does for a grade button, in the scope the router opens for the click.
        private async Task AnswerAsync(PlannedAnswer answer)
        {
            var cardId = _cardIds[answer.CardIndex];
            var nonce = _prompts.GetValueOrDefault((answer.User, cardId));
            await using var scope = _services.CreateAsyncScope();
            var shownAt = DateTimeOffset.UtcNow.AddSeconds(-4);
            await scope.ServiceProvider.GetRequiredService<ReviewService>()
                .AnswerAsync(Place.InGuild(Guild, answer.User), cardId, nonce, 0, new SelfGrade(answer.Rating), shownAt, CancellationToken.None);
            _prompts[(answer.User, cardId)] = nonce + 1;
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
