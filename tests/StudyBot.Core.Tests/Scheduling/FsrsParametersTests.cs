using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Scheduling;

public class FsrsParametersTests
{
    private static List<double> Defaults() => [.. FsrsWeights.Defaults];

    [Fact]
    public void Constructor_EmptyWeights_UsesTsFsrsDefaults()
    {
        var scheduler = new FsrsScheduler();

        Assert.Equal(FsrsWeights.Defaults, scheduler.EffectiveWeights);
    }

    [Theory]
    [InlineData(true, 0.01)]
    [InlineData(false, 0.0)]
    public void Constructor_Fsrs5Weights_AppendsShortTermExponentAndDecayHalf(bool shortTerm, double expectedW19)
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { Weights = Defaults().Take(19).ToList(), EnableShortTerm = shortTerm });

        Assert.Equal(21, scheduler.EffectiveWeights.Count);
        Assert.Equal(expectedW19, scheduler.EffectiveWeights[19]);
        Assert.Equal(0.5, scheduler.EffectiveWeights[20]);
    }

    [Fact]
    public void Constructor_SeveralRelearningSteps_ClampsW17AndW18AsTsFsrsDoes()
    {
        var weights = Defaults();
        weights[17] = 1.5;
        weights[18] = 1.5;
        var steps = new[] { TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30) };

        var scheduler = new FsrsScheduler(new FsrsParameters { Weights = weights, RelearningSteps = steps });

        // ts-fsrs 5.4.2 gives 0.49027301 for both with these weights and three relearning steps.
        Assert.Equal(0.49027301, scheduler.EffectiveWeights[17]);
        Assert.Equal(0.49027301, scheduler.EffectiveWeights[18]);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(17)]
    [InlineData(22)]
    public void Constructor_WrongWeightCount_NamesTheCount(int count)
    {
        var weights = Enumerable.Repeat(0.5, count).ToList();

        var ex = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { Weights = weights }));

        Assert.Contains($"got {count}", ex.Message);
        Assert.Contains("21", ex.Message);
    }

    [Theory]
    [InlineData(3, double.NaN, "w[3] is NaN")]
    [InlineData(8, double.PositiveInfinity, "w[8] is Infinity")]
    [InlineData(7, 0.9, "w[7] = 0.9 is outside its range [0.001, 0.75]")]
    [InlineData(4, -1.0, "w[4] = -1 is outside its range [1, 10]")]
    [InlineData(20, 0.05, "w[20] = 0.05 is outside its range [0.1, 0.8]")]
    public void Constructor_BadWeight_NamesIndexAndValue(int index, double value, string expected)
    {
        var weights = Defaults();
        weights[index] = value;

        var ex = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { Weights = weights }));

        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(1.2)]
    [InlineData(double.NaN)]
    public void Constructor_RetentionOutsideOpenUnitInterval_Throws(double retention)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { DesiredRetention = retention }));

        Assert.Contains("desired retention", ex.Message);
        Assert.Contains("strictly between 0 and 1", ex.Message);
    }

    [Fact]
    public void Constructor_NonPositiveMaximumInterval_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { MaximumInterval = 0 }));

        Assert.Contains("maximum interval is 0", ex.Message);
    }

    [Fact]
    public void Constructor_NegativeStep_NamesTheStep()
    {
        var steps = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(-5) };

        var ex = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters { LearningSteps = steps }));

        Assert.Contains("learning step 1", ex.Message);
    }
}
