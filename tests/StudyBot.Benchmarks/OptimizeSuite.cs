using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- optimize`: one simulated 100,000-review history (tests/reference/fsrs-optimizer, students
/// whose memory follows FSRS-6 with known parameters) fitted by StudyBot's optimizer and by the
/// fsrs-rs Node binding 0.5.0, in one run. Timed: the fit from training items (both sides convert
/// the log to items first, untimed). StudyBot's first fit in the process is the one a user of
/// `studybot fsrs optimize` waits for (JIT included); a second, warm fit is shown too. Both fits are
/// evaluated by StudyBot's evaluator. Options: --reviews N (default 100000).
/// </summary>
public static class OptimizeSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var reviewCount = FsrsSuite.ReadCount(args, "--reviews", 100_000);
        var referenceDir = NodeScript.FindReferenceDirectory("fsrs-optimizer", "bench.mjs");
        if (referenceDir is null || !Directory.Exists(Path.Combine(referenceDir, "node_modules", "@open-spaced-repetition")))
        {
            Console.Error.WriteLine("the fsrs-rs binding is not installed: run `npm ci` in tests/reference/fsrs-optimizer (needs node), then run this again.");
            return 1;
        }
        var historiesPath = Path.Combine(Path.GetTempPath(), $"studybot-optimize-bench-{Environment.ProcessId}.json");
        try
        {
            if (await NodeScript.RunAsync(referenceDir, "histories.mjs", historiesPath, "--reviews", reviewCount.ToString(CultureInfo.InvariantCulture)) is not { } made)
            {
                return 1;
            }
            IReadOnlyList<ReviewHistory> histories;
            await using (var file = File.OpenRead(historiesPath))
            {
                histories = ReviewHistoryReader.Read(file);
            }
            var items = FsrsItems.FromHistories(histories);
            Console.WriteLine($"optimize: {made}, {items.Count:N0} training items");

            var started = Stopwatch.GetTimestamp();
            var fitted = FsrsOptimizer.Fit(items);
            var cold = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            var again = FsrsOptimizer.Fit(items);
            var warm = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (!fitted.SequenceEqual(again))
            {
                Console.Error.WriteLine("two fits of the same history differ: the optimizer is not deterministic.");
                return 1;
            }
            var line = await NodeScript.RunAsync(referenceDir, "bench.mjs", historiesPath);
            if (line is null)
            {
                return 1;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var bindingSeconds = root.GetProperty("seconds").GetDouble();
            var bindingParameters = root.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var ours = FsrsEvaluator.Evaluate(items, fitted, EvaluationItems.OutliersFiltered);
            var theirs = FsrsEvaluator.Evaluate(items, bindingParameters, EvaluationItems.OutliersFiltered);
            var defaults = FsrsEvaluator.Evaluate(items, FsrsWeights.Defaults, EvaluationItems.OutliersFiltered);
            var ratio = cold / bindingSeconds;
            Console.WriteLine(Invariant($"StudyBot fit:  {cold:0.000} s (first fit in the process), {warm:0.000} s warm; log loss {ours.LogLoss:0.000000}, RMSE(bins) {ours.RmseBins:0.000000}"));
            Console.WriteLine(Invariant($"binding fit:   {bindingSeconds:0.000} s; log loss {theirs.LogLoss:0.000000}, RMSE(bins) {theirs.RmseBins:0.000000} (the binding's own evaluate: {root.GetProperty("log_loss").GetDouble():0.000000})"));
            Console.WriteLine(Invariant($"defaults:      log loss {defaults.LogLoss:0.000000}, RMSE(bins) {defaults.RmseBins:0.000000}"));
            Console.WriteLine(Invariant($"time ratio StudyBot / binding: {ratio:0.00} (target <= 1); log loss difference {(ours.LogLoss - theirs.LogLoss) / theirs.LogLoss * 100:0.000} %"));
            Console.WriteLine(Invariant($"RESULT optimize csharp_s={cold:0.000} binding_s={bindingSeconds:0.000} ratio={ratio:0.00} log_loss_csharp={ours.LogLoss:0.000000} log_loss_binding={theirs.LogLoss:0.000000}"));
            return 0;
        }
        finally
        {
            File.Delete(historiesPath);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
