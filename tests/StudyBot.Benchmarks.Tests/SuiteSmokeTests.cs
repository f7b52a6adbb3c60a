namespace StudyBot.Benchmarks.Tests;

/// <summary>
/// Each suite runs end to end at a tiny size and passes its own checks (every click counted once,
/// every answer graded). No figure is asserted: speed is what the suites print at full size. The
/// reminders suite waits for a whole minute of the clock, so it is left to its own runs.
/// </summary>
[Collection(nameof(SuiteSmokeTests))]
public sealed class SuiteSmokeTests
{
    [Fact]
    public async Task Generator_ASmallReading_DraftsCardsWithinTheBound()
        => Assert.Equal(0, await GeneratorSuite.RunAsync(["--mb", "1", "--limit-s", "600"]));

    [Fact]
    public async Task ClassBurst_TwentyStudents_EveryClickCountedOnceAndAcknowledged()
        => Assert.Equal(0, await ClassBurstSuite.RunAsync(["--students", "20", "--warmup", "10", "--spread-ms", "200"]));

    [Fact]
    public async Task Answers_FewAnswers_FullPathRawLoopAndBothConcurrentRunsComplete()
        => Assert.Equal(0, await AnswersSuite.RunAsync(["--answers", "200", "--warmup", "50", "--concurrent", "128"]));

    [Fact]
    public async Task Interactions_FewPings_AllAnswered()
        => Assert.Equal(0, await InteractionsSuite.RunAsync(["--count", "40", "--concurrency", "4"]));
}
