namespace StudyBot.Core.Scheduling.Exam;

/// <summary>
/// How many new cards a day bring every card in by an exam: the cards not yet started spread evenly
/// over the study days left, where the last days before the exam are kept for review only (a fifth of
/// the days left, at least one day and at most a week) so the last new cards get their spaced reviews.
/// </summary>
public static class ExamPace
{
    public const int MaximumReserveDays = 7;

    /// <summary>Days before the exam day kept for review only, out of <paramref name="daysLeft"/>.</summary>
    public static int ReserveDays(int daysLeft) => daysLeft <= 1 ? 0 : Math.Clamp(daysLeft / 5, 1, MaximumReserveDays);

    /// <summary>
    /// New cards per day from <paramref name="today"/> (counted) up to the exam day (not counted), or
    /// null when the exam day has come: then there is no pace to keep. Zero when no card is left.
    /// </summary>
    public static int? NewCardsPerDay(int cardsLeft, DateOnly today, DateOnly examDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cardsLeft);
        var daysLeft = examDay.DayNumber - today.DayNumber;
        if (daysLeft <= 0)
        {
            return null;
        }
        var studyDays = daysLeft - ReserveDays(daysLeft);
        return (cardsLeft + studyDays - 1) / studyDays;
    }
}
