using StudyBot.Core.Scheduling;
using StudyBot.Core.Scheduling.Optimization;

namespace StudyBot.Core.Tests.Scheduling.Optimization;

/// <summary>The optimizer's parts against the reference's own test values, and the gradient against finite differences.</summary>
public sealed class OptimizerPartsTests
{
    [Fact]
    public void Shuffle_NineBatchesSeed2023_ReferenceOrder()
    {
        var order = Enumerable.Range(0, 9).ToArray();
        new ChaCha12Rng(2023).Shuffle(order);
        Assert.Equal([8, 6, 1, 4, 5, 2, 7, 3, 0], order);
    }

    [Fact]
    public void Search_ReferenceTestGroup_FindsReferenceStability()
    {
        double[] deltaT = [1, 2, 3, 4, 5];
        double[] recall = [0.86666667, 0.90721649, 0.73015873, 0.76315789, 0.67857143];
        double[] count = [435, 97, 63, 38, 28];
        var smoothed = recall.Select((r, i) => (r * count[i] + 0.94302857) / (count[i] + 1)).ToArray();
        var s = StabilityInitializer.Search(deltaT, smoothed, count, (float)0.212);
        Assert.Equal(0.7355089, (float)s, 6);
    }

    [Fact]
    public void SmoothAndFill_ReferenceCases()
    {
        var filled = StabilityInitializer.SmoothAndFill([null, 0.4, null, 2.3, 10.9], [0, 1, 1, 1, 1]);
        Assert.Equal([0.4f, 1.1227008f, 2.3f, 10.9f], filled.Select(v => (float)v));
        filled = StabilityInitializer.SmoothAndFill([null, null, 0.35, null, null], [0, 0, 1, 0, 0]);
        Assert.Equal([0.05738148f, 0.35f, 0.6242943f, 2.2453482f], filled.Select(v => (float)v));
    }

    [Fact]
    public void SmoothAndFill_NoGrade_NotEnoughData()
    {
        Assert.Throws<NotEnoughDataException>(() => StabilityInitializer.SmoothAndFill(new double?[5], new int[5]));
    }

    [Theory]
    [InlineData(new[] { 3, 3, 3, 1, 3 }, new[] { 0, 0, 2, 5, 1 })]
    [InlineData(new[] { 1, 1, 2, 4, 3, 1 }, new[] { 0, 0, 1, 0, 3, 20 })]
    [InlineData(new[] { 4, 2, 3, 3 }, new[] { 0, 4, 12, 40 })]
    [InlineData(new[] { 2, 1, 1, 3, 3, 1 }, new[] { 0, 3, 0, 0, 8, 2 })]
    public void Gradient_MatchesFiniteDifferences(int[] ratings, int[] deltaTs)
    {
        var item = new FsrsItem([.. ratings.Zip(deltaTs, (r, d) => new FsrsReview(r, d))]);
        // Away from every clamp and branch boundary, so central differences are valid.
        double[] w = [0.4, 1.1, 2.5, 7.0, 6.0, 0.7, 2.0, 0.05, 1.5, 0.2, 0.9, 1.4, 0.07, 0.3, 1.5, 0.55, 1.9, 0.5, 0.3, 0.1, 0.3];
        var gradient = new double[FsrsWeights.Count];
        new FsrsLoss(w).LossAndGradient(item, 0.8, gradient);
        for (var j = 0; j < FsrsWeights.Count; j++)
        {
            const double h = 1e-6;
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[j] += h;
            minus[j] -= h;
            var numeric = (new FsrsLoss(plus).Loss(item, 0.8) - new FsrsLoss(minus).Loss(item, 0.8)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[j]) <= 1e-5 + 1e-4 * Math.Abs(numeric), $"w{j}: analytic {gradient[j]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Fit_TooFewItems_ReturnsDefaults()
    {
        var items = OptimizerReference.Items.Take(7).ToList();
        Assert.Equal(FsrsWeights.Defaults, FsrsOptimizer.Fit(items));
    }

    [Fact]
    public void Fit_NoEpochs_PreTrainedStabilitiesAndDefaultsElsewhere()
    {
        var fitted = FsrsOptimizer.Fit(OptimizerReference.Items, new FsrsTrainingOptions { Epochs = 0 });
        Assert.NotEqual(FsrsWeights.Defaults.Take(4), fitted.Take(4));
        Assert.Equal(FsrsWeights.Defaults.Skip(4).Select(v => (double)(float)v), fitted.Skip(4));
    }
}
