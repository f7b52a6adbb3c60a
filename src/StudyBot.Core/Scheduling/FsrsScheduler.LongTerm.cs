namespace StudyBot.Core.Scheduling;

public sealed partial class FsrsScheduler
{
    /// <summary>
    /// Short-term off (the reference's LongTermScheduler): no steps, every answer schedules whole
    /// days with again &lt; hard &lt; good &lt; easy; learning cards are treated as review cards.
    /// </summary>
    private FsrsCard NextLongTerm(in FsrsCard card, ref ReviewContext review, int grade)
    {
        var againS = StabilityAfter(ref review, 1);
        var hardS = StabilityAfter(ref review, 2);
        var (again, hard) = AdjacentIntervals(ref review, againS, hardS);
        double stability;
        int days;
        switch (grade)
        {
            case 1:
                (stability, days) = (againS, again);
                break;
            case 2:
                (stability, days) = (hardS, hard);
                break;
            default:
                var goodS = StabilityAfter(ref review, 3);
                var good = Math.Max(IntervalFor(ref review, goodS), hard + 1);
                if (grade == 3)
                {
                    (stability, days) = (goodS, good);
                    break;
                }
                stability = StabilityAfter(ref review, 4);
                days = Math.Max(IntervalFor(ref review, stability), good + 1);
                break;
        }
        var lapses = grade == 1 && card.State != CardState.New ? card.Lapses + 1 : card.Lapses;
        return Scheduled(review, stability, DifficultyAfter(review, grade),
            TimeSpan.FromDays(days), days, 0, lapses, CardState.Review);
    }
}
