namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>
/// The pre-training of the initial stabilities w0..w3: for each first grade, the stability whose
/// forgetting curve (default decay) best fits the recall of that grade's first long-term reviews,
/// then made monotone and filled in for grades without data, as the reference does.
/// </summary>
internal static class StabilityInitializer
{
    private const double MaxInitialStability = 100.0;
    private const int MaxSearchIterations = 1000;
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Pre-trained w0..w3 and the number of pre-training items per first grade (index 1-4).</summary>
    /// <exception cref="NotEnoughDataException">No grade has pre-training data.</exception>
    public static (double[] Stabilities, int[] Counts) Initialize(IReadOnlyList<FsrsItem> preTraining, double averageRecall)
    {
        var counts = new int[5];
        var found = new double?[5];
        for (var rating = 1; rating <= 4; rating++)
        {
            var groups = new SortedDictionary<int, (int Count, int Recalled)>();
            foreach (var item in preTraining)
            {
                if (item.FirstRating != rating)
                {
                    continue;
                }
                groups.TryGetValue(item.FirstLongTermDeltaT, out var g);
                groups[item.FirstLongTermDeltaT] = (g.Count + 1, g.Recalled + item.Label);
            }
            if (groups.Count == 0)
            {
                continue;
            }
            var deltaT = groups.Keys.Select(k => (double)k).ToArray();
            var count = groups.Values.Select(v => (double)v.Count).ToArray();
            // Laplace smoothing towards the average recall of the training set.
            var recall = groups.Values.Select(v => ((double)v.Recalled / v.Count * v.Count + averageRecall) / (v.Count + 1)).ToArray();
            counts[rating] = groups.Values.Sum(v => v.Count);
            found[rating] = (float)Search(deltaT, recall, count, (float)FsrsWeights.Defaults[rating - 1]);
        }
        return (SmoothAndFill(found, counts), counts);
    }

    /// <summary>Ternary search of the stability in [0.001, 100] minimising the weighted log loss plus |S - default| / 16.</summary>
    internal static double Search(double[] deltaT, double[] recall, double[] count, double defaultStability)
    {
        var low = FsrsWeights.MinStability;
        var high = MaxInitialStability;
        var optimal = defaultStability;
        for (var iteration = 0; high - low > MachineEpsilon && iteration < MaxSearchIterations; iteration++)
        {
            var mid1 = low + (high - low) / 3.0;
            var mid2 = high - (high - low) / 3.0;
            if (Loss(deltaT, recall, count, mid1, defaultStability) < Loss(deltaT, recall, count, mid2, defaultStability))
            {
                high = mid2;
            }
            else
            {
                low = mid1;
            }
            optimal = (high + low) / 2.0;
        }
        return optimal;
    }

    private static double Loss(double[] deltaT, double[] recall, double[] count, double stability, double defaultStability)
    {
        var decay = -(double)(float)FsrsWeights.Defaults[20];
        var factor = Math.Pow(0.9, 1.0 / decay) - 1.0;
        var sum = 0.0;
        for (var i = 0; i < deltaT.Length; i++)
        {
            var r = Math.Pow(deltaT[i] / stability * factor + 1.0, decay);
            sum += -(recall[i] * Math.Log(r) + (1.0 - recall[i]) * Math.Log(1.0 - r)) * count[i];
        }
        return sum + Math.Abs(stability - defaultStability) / 16.0;
    }

    /// <summary>
    /// Makes S(Again) &lt;= S(Hard) &lt;= S(Good) &lt;= S(Easy) (the grade with more data wins) and fills
    /// grades without data from the others with the reference's power-law rules. Computed in single
    /// precision as the reference does.
    /// </summary>
    /// <exception cref="NotEnoughDataException">No grade has data.</exception>
    internal static double[] SmoothAndFill(double?[] stabilities, int[] counts)
    {
        var s = new float?[5];
        for (var r = 1; r <= 4; r++)
        {
            s[r] = counts[r] > 0 && stabilities[r] is { } v ? (float)v : null;
        }
        foreach (var (small, big) in _pairs)
        {
            if (s[small] is { } a && s[big] is { } b && a > b)
            {
                if (counts[small] > counts[big])
                {
                    s[big] = a;
                }
                else
                {
                    s[small] = b;
                }
            }
        }
        const float w1 = 0.41f;
        const float w2 = 0.54f;
        var known = s.Count(x => x.HasValue);
        switch (known)
        {
            case 0:
                throw new NotEnoughDataException("no card has a first long-term review in a group large enough to estimate the initial stabilities");
            case 1:
            {
                var r = Array.FindIndex(s, x => x.HasValue);
                var factor = s[r]!.Value / (float)FsrsWeights.Defaults[r - 1];
                for (var g = 1; g <= 4; g++)
                {
                    s[g] = (float)FsrsWeights.Defaults[g - 1] * factor;
                }
                break;
            }
            case 2:
                FillTwo(s, w1, w2);
                break;
            case 3:
                FillThree(s, w1, w2);
                break;
        }
        var result = new double[4];
        for (var g = 1; g <= 4; g++)
        {
            result[g - 1] = Math.Clamp(s[g]!.Value, (float)FsrsWeights.MinStability, (float)MaxInitialStability);
        }
        return result;
    }

    private static readonly (int Small, int Big)[] _pairs = [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)];

    private static float Pow(float x, float y) => MathF.Pow(x, y);

    private static float Again(float r2, float r3, float w1) => Pow(r2, 1f / w1) * Pow(r3, 1f - 1f / w1);

    private static float Easy(float r2, float r3, float w2) => Pow(r2, 1f - 1f / w2) * Pow(r3, 1f / w2);

    private static void FillTwo(float?[] s, float w1, float w2)
    {
        switch (s[1], s[2], s[3], s[4])
        {
            case (null, null, { } r3, { } r4):
            {
                var r2 = Pow(r3, 1f / (1f - w2)) * Pow(r4, 1f - 1f / (1f - w2));
                s[2] = r2;
                s[1] = Again(r2, r3, w1);
                break;
            }
            case (null, { } r2, null, { } r4):
            {
                var r3 = Pow(r2, 1f - w2) * Pow(r4, w2);
                s[3] = r3;
                s[1] = Again(r2, r3, w1);
                break;
            }
            case (null, { } r2, { } r3, null):
                s[4] = Easy(r2, r3, w2);
                s[1] = Again(r2, r3, w1);
                break;
            case ({ } r1, null, null, { } r4):
            {
                var q = MathF.FusedMultiplyAdd(w1, -w2, w1 + w2);
                s[2] = Pow(r1, w1 / q) * Pow(r4, 1f - w1 / q);
                s[3] = Pow(r1, 1f - w2 / q) * Pow(r4, w2 / q);
                break;
            }
            case ({ } r1, null, { } r3, null):
            {
                var r2 = Pow(r1, w1) * Pow(r3, 1f - w1);
                s[2] = r2;
                s[4] = Easy(r2, r3, w2);
                break;
            }
            case ({ } r1, { } r2, null, null):
            {
                var r3 = Pow(r1, 1f - 1f / (1f - w1)) * Pow(r2, 1f / (1f - w1));
                s[3] = r3;
                s[4] = Easy(r2, r3, w2);
                break;
            }
        }
    }

    private static void FillThree(float?[] s, float w1, float w2)
    {
        switch (s[1], s[2], s[3], s[4])
        {
            case (null, { } r2, { } r3, _):
                s[1] = Again(r2, r3, w1);
                break;
            case ({ } r1, null, { } r3, _):
                s[2] = Pow(r1, w1) * Pow(r3, 1f - w1);
                break;
            case (_, { } r2, null, { } r4):
                s[3] = Pow(r2, 1f - w2) * Pow(r4, w2);
                break;
            case (_, { } r2, { } r3, null):
                s[4] = Easy(r2, r3, w2);
                break;
        }
    }
}

/// <summary>Too little review history to fit parameters; the message says what is missing.</summary>
public sealed class NotEnoughDataException(string message) : Exception(message);
