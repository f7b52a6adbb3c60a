using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;
using Xunit.Abstractions;

namespace StudyBot.Core.Tests.Scheduling.Optimization;

/// <summary>StudyBot's optimizer and evaluator against the fsrs-rs binding 0.5.0 on the committed simulated histories.</summary>
public sealed class FsrsOptimizerReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> EvaluatedSets => ["fit_short_term_on", "fit_short_term_off", "defaults", "truth"];

    [Fact]
    public void Items_FromHistories_AsManyAsTheBindingGot()
    {
        Assert.Equal(OptimizerReference.Expected.GetProperty("items").GetInt32(), OptimizerReference.Items.Count);
        Assert.Equal(OptimizerReference.Expected.GetProperty("reviews").GetInt32(), FsrsItems.ReviewCount(OptimizerReference.Histories));
    }

    [Theory]
    [MemberData(nameof(EvaluatedSets))]
    public void Evaluate_SameParameters_AgreesWithBindingTo1e4(string entry)
    {
        var evaluation = FsrsEvaluator.Evaluate(OptimizerReference.Items, OptimizerReference.Parameters(entry), EvaluationItems.OutliersFiltered);
        var logLoss = OptimizerReference.Number(entry, "log_loss");
        var rmse = OptimizerReference.Number(entry, "rmse_bins");
        output.WriteLine($"{entry}: log loss {evaluation.LogLoss:F6} (binding {logLoss:F6}), rmse(bins) {evaluation.RmseBins:F6} (binding {rmse:F6})");
        Assert.InRange(evaluation.LogLoss, logLoss - 1e-4, logLoss + 1e-4);
        Assert.InRange(evaluation.RmseBins, rmse - 1e-4, rmse + 1e-4);
    }

    [Theory]
    [MemberData(nameof(EvaluatedSets))]
    public void Evaluate_AsGiven_ScoresEveryItemInItsOrder(string entry)
    {
        var parameters = OptimizerReference.Parameters(entry);
        var all = FsrsEvaluator.Evaluate(OptimizerReference.Items, parameters);
        var filtered = FsrsEvaluator.Evaluate(OptimizerReference.Items, parameters, EvaluationItems.OutliersFiltered);
        // The binding's evaluate is fsrs-rs's evaluate on the filter's output: the same list given as is scores the same.
        var sameList = FsrsEvaluator.Evaluate(OutlierFilter.ForEvaluation(OptimizerReference.Items), parameters);
        output.WriteLine($"{entry}: every item {all.LogLoss:F6} over {all.Items}, filtered {filtered.LogLoss:F6} over {filtered.Items}");

        Assert.Equal(OptimizerReference.Items.Count, all.Items);
        Assert.False(all.OutliersFiltered);
        Assert.True(filtered.OutliersFiltered);
        Assert.True(filtered.Items < all.Items, "the reference histories have outliers to filter");
        Assert.Equal(filtered.LogLoss, sameList.LogLoss, 12);
        Assert.Equal(filtered.RmseBins, sameList.RmseBins, 12);
        Assert.NotEqual(filtered.LogLoss, all.LogLoss, 6);
    }

    [Fact]
    public void Evaluate_AsGiven_RecencyWeightsFollowTheGivenOrder()
    {
        var parameters = OptimizerReference.Parameters("defaults");
        var items = OptimizerReference.Items.Take(2000).ToList();
        var reversed = Enumerable.Reverse(items).ToList();
        Assert.NotEqual(FsrsEvaluator.Evaluate(items, parameters).LogLoss, FsrsEvaluator.Evaluate(reversed, parameters).LogLoss, 9);
    }

    [Theory]
    [InlineData(true, "fit_short_term_on")]
    [InlineData(false, "fit_short_term_off")]
    public void Fit_ReferenceHistories_WithinOnePercentOfBindingAndBelowDefaults(bool shortTerm, string entry)
    {
        var fitted = FsrsOptimizer.Fit(OptimizerReference.Items, new FsrsTrainingOptions { EnableShortTerm = shortTerm });
        var ours = FsrsEvaluator.Evaluate(OptimizerReference.Items, fitted, EvaluationItems.OutliersFiltered).LogLoss;
        var binding = FsrsEvaluator.Evaluate(OptimizerReference.Items, OptimizerReference.Parameters(entry), EvaluationItems.OutliersFiltered).LogLoss;
        var defaults = FsrsEvaluator.Evaluate(OptimizerReference.Items, FsrsWeights.Defaults, EvaluationItems.OutliersFiltered).LogLoss;
        output.WriteLine($"short-term {(shortTerm ? "on" : "off")}: StudyBot {ours:F6}, binding {binding:F6}, defaults {defaults:F6}");
        output.WriteLine("StudyBot: " + string.Join(", ", fitted.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
        output.WriteLine("binding:  " + string.Join(", ", OptimizerReference.Parameters(entry).Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(Math.Abs(ours - binding) <= 0.01 * binding, $"StudyBot's fit {ours} is not within 1 % of the binding's {binding}");
        Assert.True(ours < defaults, $"StudyBot's fit {ours} is not below the defaults' {defaults}");
        Assert.True(binding < defaults, $"the binding's fit {binding} is not below the defaults' {defaults}");
        if (!shortTerm)
        {
            Assert.Equal([0.0, 0.0, 0.0], fitted[17..20]);
        }
    }

    [Fact]
    public void Fit_SameInput_SameParameters()
    {
        var items = OptimizerReference.Items.Take(3000).ToList();
        Assert.Equal(FsrsOptimizer.Fit(items), FsrsOptimizer.Fit(items));
    }
}
