namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>How well a parameter set predicts a review history.</summary>
/// <param name="LogLoss">Recency-weighted binary cross-entropy of the predicted recall probability.</param>
/// <param name="RmseBins">RMSE between mean predicted and actual recall over bins of similar items (interval, number of reviews, lapses).</param>
/// <param name="Items">The number of items evaluated.</param>
/// <param name="OutliersFiltered">Whether the optimizer's outlier filter removed items before evaluating.</param>
public sealed record FsrsEvaluation(double LogLoss, double RmseBins, int Items, bool OutliersFiltered = false);

/// <summary>Which items an evaluation scores.</summary>
public enum EvaluationItems
{
    /// <summary>Every item, in the order given (fsrs-rs <c>FSRS::evaluate</c> on the converted histories).</summary>
    AsGiven,

    /// <summary>
    /// The items the optimizer's outlier filter keeps, in its order (what the Node binding's
    /// <c>evaluate</c> does before calling fsrs-rs).
    /// </summary>
    OutliersFiltered,
}

/// <summary>
/// Evaluates parameters as fsrs-rs's <c>FSRS::evaluate</c> does: log loss and RMSE(bins) with its
/// definitions, recency weights by position in the evaluated list. By default every item given is
/// scored; <see cref="EvaluationItems.OutliersFiltered"/> first applies the binding's outlier filter
/// and ordering.
/// </summary>
public static class FsrsEvaluator
{
    /// <exception cref="NotEnoughDataException">No item to evaluate (none given, or none survives the outlier filter).</exception>
    /// <exception cref="ArgumentException">A bad parameter list; the message names the index.</exception>
    public static FsrsEvaluation Evaluate(IReadOnlyList<FsrsItem> items, IReadOnlyList<double> parameters, EvaluationItems which = EvaluationItems.AsGiven)
    {
        var prepared = which == EvaluationItems.OutliersFiltered ? OutlierFilter.ForEvaluation(items) : items;
        if (prepared.Count == 0)
        {
            throw new NotEnoughDataException("no review to evaluate: every card needs a review on a later day than its first");
        }
        var w = FsrsWeights.Resolve(parameters, 1, enableShortTerm: false);
        ParameterClipper.Clip(w, 1, enableShortTerm: false);
        var model = new FsrsLoss(w);
        var denominator = Math.Max(prepared.Count - 1f, 1f);
        var lossSum = 0.0;
        var weightSum = 0.0;
        var bins = new Dictionary<(long, long, long), (double P, double Y, int Count, double Weight)>();
        for (var i = 0; i < prepared.Count; i++)
        {
            var item = prepared[i];
            var weight = FsrsOptimizer.RecencyWeight(i, denominator);
            var p = model.Predict(item);
            var y = item.Label;
            lossSum += -weight * (y * Math.Log(p) + (1 - y) * Math.Log(1.0 - p));
            weightSum += weight;
            var key = BinKey(item);
            bins.TryGetValue(key, out var bin);
            bins[key] = (bin.P + p, bin.Y + y, bin.Count + 1, bin.Weight + weight);
        }
        var squared = 0.0;
        var binWeights = 0.0;
        foreach (var bin in bins.Values)
        {
            var difference = bin.P / bin.Count - bin.Y / bin.Count;
            squared += bin.Weight * difference * difference;
            binWeights += bin.Weight;
        }
        var logLoss = lossSum / weightSum;
        var rmse = Math.Sqrt(squared / binWeights);
        if (!double.IsFinite(logLoss) || !double.IsFinite(rmse))
        {
            throw new ArgumentException("the parameters predict a recall probability of exactly 0 or 1 for some review; the log loss is infinite.");
        }
        return new FsrsEvaluation(logLoss, rmse, prepared.Count, which == EvaluationItems.OutliersFiltered);
    }

    /// <summary>fsrs-rs's bin: interval (3.62^k), long-term review count + 1 (1.89^k), lapses (1.73^k, 0 for none).</summary>
    internal static (long, long, long) BinKey(FsrsItem item)
    {
        var deltaT = (double)item.Current.DeltaT;
        var deltaBin = RoundAway(2.48 * Math.Pow(3.62, Math.Floor(Math.Log(deltaT) / Math.Log(3.62))) * 100.0);
        var length = item.LongTermReviewCount + 1.0;
        var lengthBin = RoundAway(1.99 * Math.Pow(1.89, Math.Floor(Math.Log(length) / Math.Log(1.89))));
        var lapses = 0;
        var reviews = item.Reviews;
        for (var i = 0; i < reviews.Length - 1; i++)
        {
            if (reviews[i].Rating == 1 && reviews[i].DeltaT > 0)
            {
                lapses++;
            }
        }
        var lapseBin = lapses == 0 ? 0 : RoundAway(1.65 * Math.Pow(1.73, Math.Floor(Math.Log(lapses) / Math.Log(1.73))));
        return (deltaBin, lengthBin, lapseBin);
    }

    private static long RoundAway(double x) => (long)Math.Round(x, MidpointRounding.AwayFromZero);
}
