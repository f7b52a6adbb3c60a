using System.Diagnostics;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// The read's time limit counts the processor time the read spends, so a busy machine (or a busy
/// bot) does not refuse a valid deck, while a read that spins the processor is still stopped.
/// </summary>
public sealed class ReadBudgetTests
{
    [Fact]
    public void A_read_that_waits_past_the_limit_without_working_is_not_stopped()
    {
        var budget = new ReadBudget(TimeSpan.FromMilliseconds(100));
        using var never = new ManualResetEventSlim();

        // The wall clock passes the limit three times over while this thread does no work, as it
        // does when other programs hold the processor.
        never.Wait(TimeSpan.FromMilliseconds(300));

        Assert.True(budget.Elapsed > budget.Limit);
        Assert.False(budget.IsSpent);
        budget.Check(new SourcePosition(1, 1));
    }

    [Fact]
    public void A_read_that_keeps_the_processor_busy_is_stopped_at_its_limit()
    {
        var budget = new ReadBudget(TimeSpan.FromMilliseconds(100));
        var spins = 0L;

        void Spin()
        {
            while (true)
            {
                spins++;
                budget.Check(new SourcePosition(7, 1));
            }
        }

        var stopped = Assert.Throws<DeckReadCancelledException>(Spin);

        Assert.False(stopped.Cancelled);
        Assert.Equal(7, stopped.At.Line);
        Assert.True(spins > 0);
        Assert.True(budget.Elapsed < budget.Limit * ReadBudget.WallClockBackstopFactor + TimeSpan.FromSeconds(1), $"stopped after {budget.Elapsed}");
    }

    [Fact]
    public void The_wall_clock_still_stops_a_read_at_the_backstop()
    {
        var budget = new ReadBudget(TimeSpan.FromMilliseconds(10));
        using var never = new ManualResetEventSlim();
        var watch = Stopwatch.StartNew();

        never.Wait(budget.Limit * ReadBudget.WallClockBackstopFactor + TimeSpan.FromMilliseconds(50));

        Assert.True(budget.IsSpent, $"not spent after {watch.Elapsed}");
    }

    [Fact]
    public void A_cancelled_read_is_spent_at_once()
    {
        using var cancel = new CancellationTokenSource();
        var budget = new ReadBudget(TimeSpan.FromMinutes(1), cancel.Token);
        Assert.False(budget.IsSpent);

        cancel.Cancel();

        Assert.True(Assert.Throws<DeckReadCancelledException>(() => budget.Check(new SourcePosition(2, 3))).Cancelled);
    }
}
