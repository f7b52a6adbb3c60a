using System.Diagnostics.Metrics;

namespace StudyBot.Discord.Diagnostics;

/// <summary>Histogram buckets for durations in seconds, from a fast SQLite write (0.5 ms) to Discord's 3 s deadline and beyond.</summary>
public static class SecondsBuckets
{
    public static InstrumentAdvice<double> Advice { get; } = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5, 10, 30],
    };
}
