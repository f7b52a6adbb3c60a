using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public class StudyQueueTests
{
    private static readonly DailyLimits _limits = new(2, 3);

    [Theory]
    [InlineData(true, true, true, 0, 0, QueueKind.Learning)]
    [InlineData(true, false, false, 5, 5, QueueKind.Learning)]
    [InlineData(false, true, true, 0, 0, QueueKind.Review)]
    [InlineData(false, true, true, 0, 3, QueueKind.New)]
    [InlineData(false, false, true, 1, 0, QueueKind.New)]
    [InlineData(false, false, true, 2, 0, null)]
    [InlineData(false, true, false, 0, 3, null)]
    [InlineData(false, false, false, 0, 0, null)]
    public void Choose_Candidates_FollowsPriorityAndLimits(bool learning, bool review, bool fresh, int newDone, int reviewsDone, QueueKind? expected)
    {
        Assert.Equal(expected, StudyQueue.Choose(learning, review, fresh, new DailyUsage(newDone, reviewsDone), _limits));
    }

    [Fact]
    public void BuriedNotes_AnsweredToday_DistinctNotesWithoutStandaloneCards()
    {
        var buried = SiblingRule.BuriedNotes(["n1", null, "n1", "n2"]);

        Assert.Equal(new HashSet<string> { "n1", "n2" }, buried);
    }
}
