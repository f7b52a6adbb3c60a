using StudyBot.Discord.Gateway;

namespace StudyBot.Discord.Tests.Gateway;

public class DispatchSequenceTests
{
    [Fact]
    public void TryAdvance_ReplayAfterResume_RefusesEventsAlreadyDispatched()
    {
        var sequence = new DispatchSequence();
        var dispatched = new List<int>();

        // Seen before the disconnect: 1-5. The resume replays 4-7 (4 and 5 were already handled).
        foreach (var s in new[] { 1, 2, 3, 4, 5, 4, 5, 6, 7 })
        {
            if (sequence.TryAdvance(s))
            {
                dispatched.Add(s);
            }
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], dispatched);
        Assert.Equal(7, sequence.Last);
    }

    [Fact]
    public void Reset_NewSession_AcceptsLowNumbersAgain()
    {
        var sequence = new DispatchSequence();
        sequence.TryAdvance(40);

        sequence.Reset();

        Assert.Equal(0, sequence.Last);
        Assert.True(sequence.TryAdvance(1));
    }
}
