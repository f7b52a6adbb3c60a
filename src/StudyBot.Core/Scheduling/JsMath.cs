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
        // x - floor(x) is exact, and so is doubling it, so floor(2 * fraction) is exactly 1 for a
        // fraction >= 0.5 and 0 below: the half test without a branch, which rounding's 50/50
        // outcomes would mispredict.
        return floor + Math.Floor((x - floor) * 2);
    }

    /// <summary>The reference's roundTo(x, 8): Math.round(x * 1e8) / 1e8.</summary>
    public static double Round8(double x) => Round(x * 1e8) / 1e8;

    // Plain comparisons rather than Math.Min/Max, whose NaN and signed-zero handling costs several
    // instructions per call on the hot path; no operand here is ever NaN (inputs are validated).
    public static double Clamp(double value, double min, double max)
    {
        var atLeastMin = value >= min ? value : min;
        return atLeastMin <= max ? atLeastMin : max;
    }

    public static double Max(double a, double b) => a >= b ? a : b;

    public static double Min(double a, double b) => a <= b ? a : b;
}
