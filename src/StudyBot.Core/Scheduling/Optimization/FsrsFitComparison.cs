namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>A fit and how it predicts the history it was fitted to, against the weights in force.</summary>
public sealed record FsrsFitComparison(double[] Fitted, double LogLossBefore, double LogLossAfter)
{
    /// <summary>Whether the fit predicts the history better than the weights in force (the only case it should replace them).</summary>
    public bool Better => LogLossAfter < LogLossBefore;

    /// <summary>Fits <paramref name="items"/> and evaluates both weight sets on them.</summary>
    /// <exception cref="NotEnoughDataException">Too little history to fit or evaluate.</exception>
    public static FsrsFitComparison Run(IReadOnlyList<FsrsItem> items, IReadOnlyList<double> current, Func<IReadOnlyList<FsrsItem>, double[]>? fit = null)
    {
        var fitted = (fit ?? (i => FsrsOptimizer.Fit(i)))(items);
        var before = FsrsEvaluator.Evaluate(items, current, EvaluationItems.OutliersFiltered).LogLoss;
        var after = FsrsEvaluator.Evaluate(items, fitted, EvaluationItems.OutliersFiltered).LogLoss;
        return new FsrsFitComparison(fitted, before, after);
    }
}
