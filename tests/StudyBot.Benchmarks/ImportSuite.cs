using System.Diagnostics;
using System.Globalization;
using StudyBot.Core.Decks;

namespace StudyBot.Benchmarks;

/// <summary>
/// Imports and validates a generated 10,000-card Anki package (basic, reversed and cloze notes
/// with HTML), the largest deck StudyBot accepts. Reports the first (cold) run and the median of
/// the warm runs, as wall time and as CPU time; the RESULT line's seconds is the cold run's wall
/// time, what an instructor's first upload after a start meets.
/// </summary>
public static class ImportSuite
{
    public static Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 5;
        var path = Path.Combine(Path.GetTempPath(), $"studybot-bench-{Guid.NewGuid():N}.apkg");
        try
        {
            var build = Stopwatch.StartNew();
            var expected = ApkgFactory.Write(path, basicNotes: 5000, reversedNotes: 1250, clozeNotes: 1250);
            Console.WriteLine($"package: {expected} cards, {new FileInfo(path).Length / 1024.0:N0} KiB, built in {build.Elapsed.TotalSeconds:N2} s");

            var times = new List<double>();
            var cpuTimes = new List<double>();
            var process = Process.GetCurrentProcess();
            var cards = 0;
            for (var i = 0; i <= runs; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = new DeckLoader().LoadFile(path);
                watch.Stop();
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                if (!result.IsValid)
                {
                    Console.Error.WriteLine("the generated package did not import:");
                    foreach (var d in result.Diagnostics.Take(10))
                    {
                        Console.Error.WriteLine(d);
                    }
                    return Task.FromResult(1);
                }
                cards = result.Deck!.Cards.Count;
                times.Add(watch.Elapsed.TotalSeconds);
                cpuTimes.Add(cpu);
                Console.WriteLine($"run {i}{(i == 0 ? " (cold)" : "")}: {cards} cards, {result.Warnings.Count()} warnings, {watch.Elapsed.TotalSeconds:N3} s wall, {cpu:N3} s cpu");
            }
            var cold = times[0];
            var warm = times.Skip(1).Order().ToList();
            var median = warm[warm.Count / 2];
            Console.WriteLine($"cold {cold:N3} s, warm median {median:N3} s over {warm.Count} runs ({cards / median:N0} cards/s); target < 2 s");
            var s = (double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
            // CPU time includes the JIT's background threads; on a busy machine it says more than wall time.
            Console.WriteLine($"RESULT import cards={cards} seconds={s(cold)} warm_median_seconds={s(median)} cold_cpu_seconds={s(cpuTimes[0])} warm_median_cpu_seconds={s(cpuTimes.Skip(1).Order().ElementAt(warm.Count / 2))}");
            return Task.FromResult(cards == expected ? 0 : 1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
