using StudyBot.Core.Scheduling.Exam;

namespace StudyBot.Core.Tests.Scheduling.Exam;

public sealed class ExamPaceTests
{
    private static readonly DateOnly _today = new(2026, 3, 2);

    [Fact]
    public void NewCardsPerDay_ManyCoursesAndDecks_AllCardsStartedBeforeTheReviewDaysWithTheSmallestEvenPace()
    {
        for (var daysLeft = 1; daysLeft <= 200; daysLeft++)
        {
            foreach (var cards in new[] { 0, 1, 7, 34, 100, 999, 5000 })
            {
                var pace = ExamPace.NewCardsPerDay(cards, _today, _today.AddDays(daysLeft));

                Assert.NotNull(pace);
                var studyDays = daysLeft - ExamPace.ReserveDays(daysLeft);
                Assert.InRange(studyDays, 1, daysLeft);
                Assert.True(pace.Value * studyDays >= cards, $"{cards} cards, {daysLeft} days: {pace} a day leaves cards unstarted");
                Assert.True(cards == 0 || (pace.Value - 1) * studyDays < cards, $"{cards} cards, {daysLeft} days: {pace} a day is more than needed");
            }
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(12, 2)]
    [InlineData(30, 6)]
    [InlineData(90, 7)]
    public void ReserveDays_AFifthOfTheDaysLeftAtMostAWeek(int daysLeft, int reserve) =>
        Assert.Equal(reserve, ExamPace.ReserveDays(daysLeft));

    [Fact]
    public void NewCardsPerDay_Examples()
    {
        Assert.Equal(4, ExamPace.NewCardsPerDay(34, _today, _today.AddDays(12)));
        Assert.Equal(34, ExamPace.NewCardsPerDay(34, _today, _today.AddDays(1)));
        Assert.Null(ExamPace.NewCardsPerDay(34, _today, _today));
        Assert.Null(ExamPace.NewCardsPerDay(34, _today, _today.AddDays(-3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExamPace.NewCardsPerDay(-1, _today, _today.AddDays(3)));
    }
}
