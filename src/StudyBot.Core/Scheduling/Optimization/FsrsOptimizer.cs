namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>
/// Fits the 21 FSRS-6 weights to training items as fsrs-rs 6.5.0 (the npm binding 0.5.0) does:
/// outlier filter, pre-training of w0-w3, then Adam on the recency-weighted binary cross-entropy
/// plus a pull towards the initial values, a cosine learning rate, the reference's batches and
/// shuffle, clamps after every step, and the parameters of the best epoch. Deterministic.
/// </summary>
public static class FsrsOptimizer
{
    private const int MinimumTrainingItems = 8;
    private const int MinimumItemsToTrain = 64;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double AdamEpsilon = 1e-8;
    // A batch's gradient is summed in this many fixed slices (in parallel), then in slice order, so
    // the result does not depend on the number of cores.
    private const int Slices = 4;

    private static readonly double[] _stddev =
    [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57,
        0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
    ];

    /// <summary>The fitted weights (21 values, single precision as the reference returns them).</summary>
    /// <exception cref="NotEnoughDataException">No first grade has enough first long-term reviews to pre-train on.</exception>
    /// <exception cref="ArgumentException">Bad options or an empty item.</exception>
    public static double[] Fit(IReadOnlyList<FsrsItem> items, FsrsTrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FsrsTrainingOptions();
        if (options.BatchSize <= 0 || !double.IsFinite(options.LearningRate) || !double.IsFinite(options.Gamma) || options.Epochs < 0)
        {
            throw new ArgumentException("batch size must be positive, learning rate and gamma finite and epochs not negative.", nameof(options));
        }
        var defaults = FsrsWeights.Defaults.ToArray();
        if (items.Count == 0)
        {
            return defaults;
        }
        var (preTraining, training) = OutlierFilter.ForTraining(items);
        if (training.Count < MinimumTrainingItems)
        {
            return defaults;
        }
        var averageRecall = (double)(float)((float)training.Count(i => i.Label == 1) / training.Count);
        var (initial, counts) = StabilityInitializer.Initialize(preTraining, averageRecall);
        var start = new double[FsrsWeights.Count];
        initial.CopyTo(start, 0);
        for (var i = 4; i < FsrsWeights.Count; i++)
        {
            start[i] = (float)defaults[i];
        }
        if (training.Count == preTraining.Count || training.Count < MinimumItemsToTrain)
        {
            return start;
        }
        if (!options.EnableShortTerm)
        {
            start[17] = start[18] = start[19] = 0.0;
        }
        var trained = Train(training, start, options, cancellationToken);
        if (trained.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("training diverged (a parameter is not finite).");
        }
        var trainedInitial = new double?[5];
        for (var g = 1; g <= 4; g++)
        {
            trainedInitial[g] = trained[g - 1];
        }
        StabilityInitializer.SmoothAndFill(trainedInitial, counts).CopyTo(trained, 0);
        return trained;
    }

    private static double[] Train(List<FsrsItem> training, double[] start, FsrsTrainingOptions options, CancellationToken cancellationToken)
    {
        // Recency weights by position in time order, then the over-long items are left out.
        var n = training.Count;
        var denominator = Math.Max(n - 1f, 1f);
        var weighted = new List<(FsrsItem Item, double Weight)>(n);
        for (var i = 0; i < n; i++)
        {
            if (training[i].Length <= options.MaxSequenceLength)
            {
                weighted.Add((training[i], RecencyWeight(i, denominator)));
            }
        }
        var total = weighted.Count;
        // Batches of similar length: a stable sort by review count, cut once; epochs shuffle their order.
        var sorted = weighted.Select((x, i) => (x.Item, x.Weight, Index: i))
            .OrderBy(x => x.Item.Length).ThenBy(x => x.Index).Select(x => (x.Item, x.Weight)).ToArray();
        var batchCount = (total + options.BatchSize - 1) / options.BatchSize;
        var schedule = (total / options.BatchSize + 1) * options.Epochs;

        var w = (double[])start.Clone();
        var init = (double[])start.Clone();
        var m = new double[FsrsWeights.Count];
        var v = new double[FsrsWeights.Count];
        var best = (double[])w.Clone();
        var bestLoss = double.PositiveInfinity;
        var workers = new Worker[Slices];
        for (var i = 0; i < Slices; i++)
        {
            workers[i] = new Worker(w);
        }
        var rng = new ChaCha12Rng(options.Seed);
        var order = new int[batchCount];
        var gradient = new double[FsrsWeights.Count];
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = 0; i < batchCount; i++)
            {
                order[i] = i;
            }
            rng.Shuffle(order);
            foreach (var b in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = b * options.BatchSize;
                var size = Math.Min(options.BatchSize, total - from);
                Array.Clear(gradient);
                RunSlices(workers, w, sorted, from, size, withGradient: true, gradient);
                var share = options.Gamma * size / total;
                for (var j = 0; j < FsrsWeights.Count; j++)
                {
                    gradient[j] += share * 2.0 * (w[j] - init[j]) / (_stddev[j] * _stddev[j]);
                }
                if (!options.EnableShortTerm)
                {
                    gradient[0] = gradient[1] = gradient[2] = gradient[3] = 0.0;
                    gradient[17] = gradient[18] = gradient[19] = 0.0;
                }
                step++;
                var rate = options.LearningRate * (1.0 + Math.Cos(Math.PI * (step - 1) / schedule)) / 2.0;
                var correction1 = 1.0 - Math.Pow(Beta1, step);
                var correction2 = 1.0 - Math.Pow(Beta2, step);
                for (var j = 0; j < FsrsWeights.Count; j++)
                {
                    m[j] = Beta1 * m[j] + (1.0 - Beta1) * gradient[j];
                    v[j] = Beta2 * v[j] + (1.0 - Beta2) * gradient[j] * gradient[j];
                    var update = rate * (m[j] / correction1) / (Math.Sqrt(v[j] / correction2) + AdamEpsilon);
                    w[j] = (float)(w[j] - update);
                }
                ParameterClipper.Clip(w, options.RelearningSteps, options.EnableShortTerm);
            }
            // The reference keeps the epoch whose training loss (with the penalty) is lowest.
            var loss = RunSlices(workers, w, sorted, 0, total, withGradient: false, gradient);
            var penalty = 0.0;
            for (var j = 0; j < FsrsWeights.Count; j++)
            {
                var z = (w[j] - init[j]) / _stddev[j];
                penalty += z * z;
            }
            loss = (loss + options.Gamma * penalty) / total;
            if (loss < bestLoss)
            {
                bestLoss = loss;
                Array.Copy(w, best, w.Length);
            }
        }
        return best;
    }

    /// <summary>w_i = 0.25 + 0.75 (i / max(n - 1, 1))^3 in single precision, as the reference weights by recency.</summary>
    internal static double RecencyWeight(int index, float denominator)
    {
        var x = index / denominator;
        return 0.25f + 0.75f * (x * x * x);
    }

    private static double RunSlices(Worker[] workers, double[] w, (FsrsItem Item, double Weight)[] items, int from, int count, bool withGradient, double[] gradient)
    {
        var per = (count + Slices - 1) / Slices;
        Parallel.For(0, Slices, s =>
        {
            var worker = workers[s];
            worker.Reset(w);
            var start = from + s * per;
            var end = Math.Min(from + count, start + per);
            for (var i = start; i < end; i++)
            {
                var (item, weight) = items[i];
                worker.Loss += withGradient
                    ? worker.Model.LossAndGradient(item, weight, worker.Gradient)
                    : worker.Model.Loss(item, weight);
            }
        });
        var loss = 0.0;
        foreach (var worker in workers)
        {
            loss += worker.Loss;
            if (withGradient)
            {
                for (var j = 0; j < FsrsWeights.Count; j++)
                {
                    gradient[j] += worker.Gradient[j];
                }
            }
        }
        return loss;
    }

    private sealed class Worker(double[] w)
    {
        public FsrsLoss Model { get; } = new(w);

        public double[] Gradient { get; } = new double[FsrsWeights.Count];

        public double Loss { get; set; }

        public void Reset(double[] w)
        {
            Model.SetParameters(w);
            Array.Clear(Gradient);
            Loss = 0.0;
        }
    }
}
