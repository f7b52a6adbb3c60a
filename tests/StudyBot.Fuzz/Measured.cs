using System.Diagnostics;

namespace StudyBot.Fuzz;

/// <summary>
/// Runs one load and measures what the bounds speak of: the wall time and the peak of the managed
/// heap (sampled every 2 ms while the load runs, after a full collection before it).
/// </summary>
public static class Measured
{
    public static (T Result, TimeSpan Elapsed, long PeakBytes) Run<T>(Func<T> load)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(2))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
            }
        });
        sampler.IsBackground = true;
        sampler.Start();
        var watch = Stopwatch.StartNew();
        var result = load();
        watch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        done.Set();
        sampler.Join();
        return (result, watch.Elapsed, peak);
    }
}
