using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public class LeechRuleTests
{
    [Theory]
    [InlineData(6, 7, LeechOutcome.None)]
    [InlineData(7, 8, LeechOutcome.BecameLeech)]
    [InlineData(8, 8, LeechOutcome.None)]
    [InlineData(8, 9, LeechOutcome.None)]
    [InlineData(11, 12, LeechOutcome.StillLeech)]
    [InlineData(14, 15, LeechOutcome.None)]
    [InlineData(15, 16, LeechOutcome.StillLeech)]
    public void Evaluate_Lapses_TagsAt8AndWarnsEvery4(int before, int after, LeechOutcome expected)
    {
        Assert.Equal(expected, LeechRule.Evaluate(before, after));
    }

    [Fact]
    public void Message_BecameLeech_NamesLapsesAndSuspension()
    {
        var message = LeechRule.Message(LeechOutcome.BecameLeech, 8);

        Assert.NotNull(message);
        Assert.Contains("8 times", message);
        Assert.Contains("suspended", message);
        Assert.Null(LeechRule.Message(LeechOutcome.None, 3));
    }
}
