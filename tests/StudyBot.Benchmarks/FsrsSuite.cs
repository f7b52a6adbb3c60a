using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StudyBot.Core.Scheduling;

namespace StudyBot.Benchmarks;

/// <summary>
/// `-- fsrs`: the same 1,000,000 reviews through the C# scheduler and through ts-fsrs (node, its
/// FSRS.next and its next_state math), in one run. Options: --reviews N (default 1000000).
/// </summary>
public static class FsrsSuite
{
    // Both sides are timed alike: warm-up replays, then the best of the passes, each of several whole replays.
    private const int WarmupReplays = 2;
    private const int Passes = 5;
    private const int PassReplays = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var reviewCount = ReadCount(args, "--reviews", 1_000_000);
        var referenceDir = NodeScript.FindReferenceDirectory("fsrs", "bench.mjs");
        if (referenceDir is null || !Directory.Exists(Path.Combine(referenceDir, "node_modules", "ts-fsrs")))
        {
            Console.Error.WriteLine("ts-fsrs is not installed: run `npm ci` in tests/reference/fsrs (needs node), then run this again.");
            return 1;
        }

        var workload = FsrsWorkload.Create(reviewCount, seed: 20240807);
        Console.WriteLine($"fsrs: {workload.Count:N0} reviews of {workload.CardCount:N0} cards (ratings 10/10/70/10 %, same-day, early, late and long gaps)");

        var cs = MeasureCSharp(workload);
        Console.WriteLine($"C# FsrsScheduler.Next:       {cs.WallPerSecond,12:N0} reviews/s  ({cs.CpuPerSecond,12:N0} per CPU-second), {cs.BytesPerReview:0.###} bytes allocated per review");

        var historiesPath = Path.Combine(Path.GetTempPath(), $"studybot-fsrs-bench-{Environment.ProcessId}.json");
        try
        {
            await using (var file = File.Create(historiesPath))
            {
                workload.WriteHistories(file);
            }
            var ts = await RunNodeAsync(referenceDir, historiesPath);
            if (ts is null)
            {
                return 1;
            }
            if (ts.Reviews != workload.Count)
            {
                Console.Error.WriteLine($"node replayed {ts.Reviews} reviews, expected {workload.Count}.");
                return 1;
            }
            var (days, stability) = workload.Checksums(new FsrsScheduler());
            var same = days == ts.ChecksumDays && Math.Abs(stability - ts.ChecksumStability) <= 1e-9 * Math.Abs(stability);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"both sides: {WarmupReplays} warm-up replays, best of {Passes} passes of {PassReplays} replays (node: {ts.Warmup}, {ts.Passes}, {ts.Replays})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"checksums over one replay: C# scheduled days {days}, stability {stability:R}; ts-fsrs {ts.ChecksumDays}, {ts.ChecksumStability:R}: {(same ? "equal (days exactly, stability to 1e-9)" : "DIFFERENT")}"));
            if (!same)
            {
                Console.Error.WriteLine("fsrs: the C# scheduler and ts-fsrs disagree on the same reviews; the speed comparison is void.");
                return 1;
            }
            Console.WriteLine($"ts-fsrs FSRS.next:           {ts.Next,12:N0} reviews/s  ({ts.NextCpu,12:N0} per CPU-second)");
            Console.WriteLine($"ts-fsrs next_state (math):   {ts.NextState,12:N0} reviews/s  ({ts.NextStateCpu,12:N0} per CPU-second)");
            var ratioNext = cs.WallPerSecond / ts.Next;
            var ratioNextState = cs.WallPerSecond / ts.NextState;
            var cpuRatioNext = cs.CpuPerSecond / ts.NextCpu;
            var cpuRatioNextState = cs.CpuPerSecond / ts.NextStateCpu;
            Console.WriteLine($"C# vs FSRS.next: {ratioNext:0.0}x wall, {cpuRatioNext:0.0}x CPU (target >= 50); " +
                $"C# vs next_state: {ratioNextState:0.0}x wall, {cpuRatioNextState:0.0}x CPU (target >= 3); allocation target 0 B/review");
            Console.WriteLine("(wall = best pass by the clock; CPU = best pass by process CPU time, steadier when the machine is shared)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT fsrs csharp_per_s={cs.WallPerSecond:0} tsfsrs_next_per_s={ts.Next:0} tsfsrs_next_state_per_s={ts.NextState:0} ratio_next={ratioNext:0.0} ratio_next_state={ratioNextState:0.0} bytes_per_review={cs.BytesPerReview:0.###} cpu_ratio_next={cpuRatioNext:0.0} cpu_ratio_next_state={cpuRatioNextState:0.0} checksums_equal={(same ? "yes" : "no")}"));
            return 0;
        }
        finally
        {
            File.Delete(historiesPath);
        }
    }

    /// <summary>
    /// Best of <see cref="Passes"/> passes after warm-up, in wall-clock and in CPU time (all threads, as node's
    /// process.cpuUsage). A pass replays the workload three times: process CPU time is counted in
    /// 10 ms ticks, so a pass must be long for the figure to be precise.
    /// </summary>
    private static Rates MeasureCSharp(FsrsWorkload workload)
    {
        var scheduler = new FsrsScheduler();
        for (var i = 0; i < WarmupReplays; i++)
        {
            workload.Replay(scheduler); // warm-up: tiered JIT reaches its optimized code
        }
        var wall = double.MaxValue;
        var cpu = double.MaxValue;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run < Passes; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            // Timestamps rather than a Stopwatch object, so the measurement itself allocates nothing.
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < PassReplays; i++)
            {
                workload.Replay(scheduler);
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            process.Refresh();
            wall = Math.Min(wall, elapsed.TotalSeconds);
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        var reviews = (double)workload.Count * PassReplays;
        return new Rates(reviews / wall, reviews / cpu, allocated / reviews);
    }

    private sealed record Rates(double WallPerSecond, double CpuPerSecond, double BytesPerReview);

    private sealed record NodeRates(int Reviews, double Next, double NextState, double NextCpu, double NextStateCpu, long ChecksumDays, double ChecksumStability, int Warmup, int Passes, int Replays);

    private static async Task<NodeRates?> RunNodeAsync(string referenceDir, string historiesPath)
    {
        var line = await NodeScript.RunAsync(referenceDir, "bench.mjs", historiesPath,
            "--warmup", WarmupReplays.ToString(CultureInfo.InvariantCulture), "--passes", Passes.ToString(CultureInfo.InvariantCulture), "--replays", PassReplays.ToString(CultureInfo.InvariantCulture));
        if (line is null)
        {
            return null;
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new NodeRates(root.GetProperty("reviews").GetInt32(), root.GetProperty("next_per_s").GetDouble(),
            root.GetProperty("next_state_per_s").GetDouble(), root.GetProperty("next_cpu_per_s").GetDouble(),
            root.GetProperty("next_state_cpu_per_s").GetDouble(), root.GetProperty("checksum_days").GetInt64(), root.GetProperty("checksum_stability").GetDouble(),
            root.GetProperty("warmup_replays").GetInt32(), root.GetProperty("passes").GetInt32(), root.GetProperty("replays_per_pass").GetInt32());
    }

    internal static int ReadCount(string[] args, string name, int fallback, int minimum = 1)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n >= minimum ? n : fallback;
    }
}
