using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Scheduling;

public class FsrsSchedulerTests
{
    private static readonly DateTime _start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(255)]
    public void Next_RatingOutsideOneToFour_ThrowsNamingTheRating(int rating)
    {
        var scheduler = new FsrsScheduler();
        var card = FsrsCard.CreateNew(_start);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Next(card, _start, (Rating)rating));

        Assert.Contains($"Rating {rating} is not a grade", ex.Message);
    }

    [Fact]
    public void Next_TimeBeforeLastReview_ThrowsNamingBothTimes()
    {
        var scheduler = new FsrsScheduler();
        var card = scheduler.Next(FsrsCard.CreateNew(_start), _start.AddHours(5), Rating.Good);

        var ex = Assert.Throws<ArgumentException>(() => scheduler.Next(card, _start.AddHours(4), Rating.Good));

        Assert.Contains("2024-01-01T04:00:00.0000000Z is before the card's last review 2024-01-01T05:00:00.0000000Z", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, 5.0)]
    [InlineData(2.0, double.NaN)]
    [InlineData(0.0001, 5.0)]
    [InlineData(2.0, 0.5)]
    public void Next_InvalidMemoryState_ThrowsInsteadOfProducingNaN(double stability, double difficulty)
    {
        var scheduler = new FsrsScheduler();
        var card = new FsrsCard(_start, stability, difficulty, 0, 1, 0, 3, 0, CardState.Review, _start);

        var ex = Assert.Throws<ArgumentException>(() => scheduler.Next(card, _start.AddDays(2), Rating.Good));

        Assert.Contains("memory state is invalid", ex.Message);
    }

    [Fact]
    public void Next_LongRandomHistories_NeverProducesNaNOrOutOfRangeState()
    {
        var random = new Random(7);
        foreach (var shortTerm in new[] { true, false })
        {
            var scheduler = new FsrsScheduler(new FsrsParameters { EnableShortTerm = shortTerm, EnableFuzz = true });
            for (var c = 0; c < 200; c++)
            {
                var now = _start;
                var card = FsrsCard.CreateNew(now);
                for (var i = 0; i < 60; i++)
                {
                    now = now.AddMinutes(random.Next(0, 3) == 0 ? random.Next(0, 600) : random.Next(0, 4_000_000));
                    card = scheduler.Next(card, now, (Rating)random.Next(1, 5));
                    Assert.InRange(card.Stability, FsrsWeights.MinStability, FsrsWeights.MaxStability);
                    Assert.InRange(card.Difficulty, 1, 10);
                    Assert.InRange(card.ScheduledDays, 0, 36500);
                    Assert.True(card.Due >= now);
                }
            }
        }
    }

    [Fact]
    public void Preview_NewCard_GivesTheFourButtonOutcomesOfTsFsrs()
    {
        var scheduler = new FsrsScheduler();

        var preview = scheduler.Preview(FsrsCard.CreateNew(_start), _start);

        // ts-fsrs 5.4.2, fsrs().repeat(createEmptyCard(t), t) with t = 2024-01-01T00:00Z.
        Assert.Equal((_start.AddMinutes(1), CardState.Learning, 0.212, 6.4133), Outcome(preview.Again));
        Assert.Equal((_start.AddMinutes(6), CardState.Learning, 1.2931, 5.11217071), Outcome(preview.Hard));
        Assert.Equal((_start.AddMinutes(10), CardState.Learning, 2.3065, 2.11810397), Outcome(preview.Good));
        Assert.Equal((_start.AddDays(8), CardState.Review, 8.2956, 1.0), Outcome(preview.Easy));
        Assert.Equal(preview.Good, preview[Rating.Good]);
    }

    [Fact]
    public void Preview_ReviewCard_OrdersIntervalsHardBelowGoodBelowEasy()
    {
        var scheduler = new FsrsScheduler();
        var card = scheduler.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy);

        var preview = scheduler.Preview(card, card.Due);

        Assert.Equal(CardState.Relearning, preview.Again.State);
        Assert.Equal(card.Lapses + 1, preview.Again.Lapses);
        Assert.True(preview.Hard.ScheduledDays <= preview.Good.ScheduledDays);
        Assert.True(preview.Good.ScheduledDays < preview.Easy.ScheduledDays);
    }

    [Fact]
    public void Next_AcrossUtcMidnight_CountsOneElapsedDay()
    {
        var scheduler = new FsrsScheduler();
        var evening = new DateTime(2024, 3, 1, 23, 59, 0, DateTimeKind.Utc);
        var card = scheduler.Next(FsrsCard.CreateNew(evening), evening, Rating.Easy);

        var next = scheduler.Next(card, evening.AddMinutes(2), Rating.Good);

        Assert.Equal(1, next.ElapsedDays);
    }

    [Fact]
    public void Retrievability_DecaysWithTimeAndIsZeroForNewCards()
    {
        var scheduler = new FsrsScheduler();
        var card = scheduler.Next(FsrsCard.CreateNew(_start), _start, Rating.Easy);

        Assert.Equal(0, scheduler.Retrievability(FsrsCard.CreateNew(_start), _start));
        Assert.Equal(1, scheduler.Retrievability(card, _start));
        var atStability = scheduler.Retrievability(card, _start.AddDays(card.Stability));
        Assert.InRange(atStability, 0.89, 0.91);
        Assert.True(scheduler.Retrievability(card, _start.AddDays(100)) < atStability);
    }

    private static (DateTime Due, CardState State, double Stability, double Difficulty) Outcome(FsrsCard card) =>
        (card.Due, card.State, card.Stability, card.Difficulty);
}
