namespace StudyBot.Core.Scheduling;

/// <summary>
/// Rounding as JavaScript does it, because the reference rounds almost every intermediate this way
/// and .NET's Math.Round rounds halves to even.
/// </summary>
internal static class JsMath
{
    /// <summary>JavaScript's Math.round: the nearest integer, halves toward +infinity.</summary>
    public static double Round(double x)
    {
        var floor = Math.Floor(x);
        // x - floor(x) is exact for every double, so the half test has no rounding error of its own.
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>The reference's roundTo(x, 8): Math.round(x * 1e8) / 1e8.</summary>
    public static double Round8(double x) => Round(x * 1e8) / 1e8;

    public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);
}
