namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>The reference optimizer's parameter clamps, applied after every training step and before evaluating.</summary>
internal static class ParameterClipper
{
    private static readonly (double Min, double Max)[] _bounds =
    [
        (0.001, 100), (0.001, 100), (0.001, 100), (0.001, 100), (1, 10), (0.001, 4), (0.001, 4),
        (0.001, 0.75), (0, 4.5), (0, 0.8), (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9),
        (0, 4), (0, 1), (1, 6), (0, 2), (0, 2), (0.01, 0.8), (0.1, 0.8),
    ];

    public static void Clip(double[] w, int relearningSteps, bool enableShortTerm)
    {
        // The ceiling of w17 and w18 keeps several relearning steps from raising stability after a
        // lapse above its value before; computed from the values before this call's clamps.
        var shortTermCeiling = 2.0;
        if (relearningSteps > 1)
        {
            var value = -(Math.Log(w[11]) + Math.Log(Math.Pow(2.0, w[13]) - 1.0) + 0.3 * w[14]) / relearningSteps;
            shortTermCeiling = Math.Min(2.0, Math.Sqrt(Math.Max(0.01, value)));
        }
        for (var i = 0; i < FsrsWeights.Count; i++)
        {
            var (min, max) = _bounds[i];
            if (i is 17 or 18)
            {
                max = shortTermCeiling;
            }
            else if (i == 19 && !enableShortTerm)
            {
                min = 0.0;
            }
            w[i] = Math.Clamp(w[i], min, max);
        }
    }
}
