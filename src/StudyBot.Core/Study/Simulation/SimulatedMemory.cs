using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Study.Simulation;

/// <summary>
/// A simulated student's memory: FSRS-6 with the student's own weights (no rounding), recalling a
/// card with the probability the model gives after the time that really passed (fractions of a day included).
/// </summary>
internal sealed class SimulatedMemory
{
    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;

    public SimulatedMemory(double[] weights)
    {
        _w = weights;
        _decay = -weights[20];
        _factor = Math.Pow(0.9, 1.0 / _decay) - 1.0;
    }

    public double Recall(double stability, double days) =>
        stability <= 0 ? 0.0 : Math.Pow(1.0 + _factor * Math.Max(days, 0.0) / stability, _decay);

    /// <summary>The memory after a review with <paramref name="rating"/> after <paramref name="days"/> (S = 0 for a new card).</summary>
    public (double S, double D) Review(double s, double d, double days, Rating rating)
    {
        var g = (int)rating;
        var w = _w;
        if (s <= 0)
        {
            return (Math.Max(w[g - 1], FsrsWeights.MinStability), Math.Clamp(w[4] - Math.Exp(w[5] * (g - 1)) + 1, 1, 10));
        }
        double next;
        if (days < 1)
        {
            var sinc = Math.Exp(w[17] * (g - 3 + w[18])) * Math.Pow(s, -w[19]);
            next = s * (g >= 2 ? Math.Max(sinc, 1.0) : sinc);
        }
        else
        {
            var r = Recall(s, days);
            next = g == 1
                ? Math.Min(w[11] * Math.Pow(d, -w[12]) * (Math.Pow(s + 1, w[13]) - 1) * Math.Exp(w[14] * (1 - r)), s / Math.Exp(w[17] * w[18]))
                : s * (1 + Math.Exp(w[8]) * (11 - d) * Math.Pow(s, -w[9]) * (Math.Exp(w[10] * (1 - r)) - 1) * (g == 2 ? w[15] : 1) * (g == 4 ? w[16] : 1));
        }
        var d1 = d + (10 - d) * (-w[6] * (g - 3)) / 9;
        var nextD = w[7] * (w[4] - Math.Exp(3 * w[5]) + 1 - d1) + d1;
        return (Math.Clamp(next, FsrsWeights.MinStability, FsrsWeights.MaxStability), Math.Clamp(nextD, 1, 10));
    }

    /// <summary>Weights drawn around the defaults: each multiplied by e^(spread * N(0, 1)), kept in range.</summary>
    public static double[] Draw(Random random, double spread)
    {
        var w = new double[FsrsWeights.Count];
        for (var i = 0; i < w.Length; i++)
        {
            var normal = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            var (min, max) = FsrsWeights.Range(i);
            w[i] = Math.Clamp(FsrsWeights.Defaults[i] * Math.Exp(spread * normal), Math.Max(min, 0.001), max);
        }
        w[19] = Math.Max(w[19], 0.01);
        return w;
    }
}
