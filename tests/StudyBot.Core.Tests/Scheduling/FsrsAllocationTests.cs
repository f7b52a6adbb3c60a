using StudyBot.Core.Scheduling;
using Xunit.Abstractions;

namespace StudyBot.Core.Tests.Scheduling;

public class FsrsAllocationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Next_AfterWarmUp_AllocatesNothing(bool shortTerm, bool fuzz)
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { EnableShortTerm = shortTerm, EnableFuzz = fuzz });
        var ratings = new Rating[4096];
        var gaps = new long[4096];
        var random = new Random(11);
        for (var i = 0; i < ratings.Length; i++)
        {
            ratings[i] = (Rating)(random.NextDouble() switch { < 0.1 => 1, < 0.2 => 2, < 0.9 => 3, _ => 4 });
            gaps[i] = random.Next(0, 4) == 0 ? TimeSpan.TicksPerMinute * random.Next(0, 300) : TimeSpan.TicksPerDay * random.Next(1, 60);
        }
        Replay(scheduler, ratings, gaps);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var reviews = Replay(scheduler, ratings, gaps);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{reviews} reviews allocated {allocated} bytes");
        Assert.Equal(0, allocated);
    }

    private static int Replay(FsrsScheduler scheduler, Rating[] ratings, long[] gaps)
    {
        var now = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var card = FsrsCard.CreateNew(now);
        var count = 0;
        for (var round = 0; round < 25; round++)
        {
            for (var i = 0; i < ratings.Length; i++)
            {
                if (i % 40 == 0)
                {
                    card = FsrsCard.CreateNew(now);
                }
                now = now.AddTicks(gaps[i]);
                card = scheduler.Next(card, now, ratings[i]);
                count++;
            }
        }
        return count;
    }
}
