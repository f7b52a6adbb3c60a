using System.Globalization;

namespace StudyBot.Core.Scheduling;

/// <summary>The 21 FSRS-6 weights: defaults, allowed ranges, and the checks a parameter set must pass.</summary>
public static class FsrsWeights
{
    public const int Count = 21;
    public const int Fsrs5Count = 19;
    public const double MinStability = 0.001;
    public const double MaxStability = 36500.0;

    /// <summary>ts-fsrs 5.4.2's default weights.</summary>
    public static IReadOnlyList<double> Defaults { get; } =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    // The widest range each weight may take (the reference's clamps with short-term off and one
    // relearning step). Values outside are rejected; narrower mode-dependent bounds are applied by
    // clamping, as the reference does, because a set fitted in one mode is valid in the other.
    private static readonly (double Min, double Max)[] _ranges =
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4),
        (0.001, 0.75), (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9),
        (0, 4), (0, 1), (1, 6), (0, 2), (0, 2), (0, 0.8), (0.1, 0.8),
    ];

    /// <summary>The allowed range of weight <paramref name="index"/> (0-20).</summary>
    public static (double Min, double Max) Range(int index) => _ranges[index];

    /// <summary>
    /// Checks a weight list and returns the 21 weights the model uses: empty means the defaults,
    /// 19 values (FSRS-5) get [0, 0.5] appended, and mode-dependent bounds are clamped.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length, a NaN/infinite value, or a value out of range; the message names the index and value.</exception>
    public static double[] Resolve(IReadOnlyList<double>? weights, int relearningStepCount, bool enableShortTerm)
    {
        if (weights is null || weights.Count == 0)
        {
            weights = Defaults;
        }
        if (weights.Count != Count && weights.Count != Fsrs5Count)
        {
            throw new ArgumentException(
                $"FSRS weights: expected {Count} values (FSRS-6) or {Fsrs5Count} (FSRS-5), got {weights.Count}.");
        }
        var w = new double[Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var value = weights[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"FSRS weight w[{i}] is {value}; every weight must be a finite number."));
            }
            var (min, max) = _ranges[i];
            if (value < min || value > max)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"FSRS weight w[{i}] = {value} is outside its range [{min}, {max}]."));
            }
            w[i] = value;
        }
        if (weights.Count == Fsrs5Count)
        {
            // FSRS-5 had no short-term exponent and a fixed decay of 0.5.
            w[19] = 0.0;
            w[20] = 0.5;
        }
        ClampToMode(w, relearningStepCount, enableShortTerm);
        return w;
    }

    private static void ClampToMode(double[] w, int relearningStepCount, bool enableShortTerm)
    {
        if (relearningStepCount > 1)
        {
            // Several relearning steps must not push stability after a lapse above its pre-lapse
            // value, which bounds w17 * w18 (the reference's derivation, with D = 1, R = 0.7, S = 1).
            var value = -(Math.Log(w[11]) + Math.Log(Math.Pow(2.0, w[13]) - 1.0) + w[14] * 0.3) / relearningStepCount;
            var ceiling = JsMath.Clamp(JsMath.Round8(Math.Sqrt(Math.Max(value, 0))), 0.01, 2.0);
            w[17] = JsMath.Clamp(w[17], 0, ceiling);
            w[18] = JsMath.Clamp(w[18], 0, ceiling);
        }
        if (enableShortTerm)
        {
            w[19] = JsMath.Clamp(w[19], 0.01, 0.8);
        }
    }
}
