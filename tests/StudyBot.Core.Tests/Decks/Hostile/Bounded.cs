using StudyBot.Fuzz;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// Runs one load and measures what the bounds speak of: the wall time and the peak of
/// the managed heap (see <see cref="Measured"/>).
/// </summary>
internal static class Bounded
{
    public const double MaxSeconds = 5;
    public const long MaxBytes = 300L * 1024 * 1024;

    public static (T Result, TimeSpan Elapsed, long PeakBytes) Run<T>(Func<T> load) => Measured.Run(load);

    /// <summary>Asserts the bounds of the issue: under 5 s, under 300 MB of heap.</summary>
    public static T Within<T>(Func<T> load)
    {
        var (result, elapsed, peak) = Run(load);
        Assert.True(elapsed.TotalSeconds < MaxSeconds, $"took {elapsed.TotalSeconds:0.00} s");
        Assert.True(peak < MaxBytes, $"peak managed heap {peak / 1024 / 1024} MB");
        return result;
    }
}
