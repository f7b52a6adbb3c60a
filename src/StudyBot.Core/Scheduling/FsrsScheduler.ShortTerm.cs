namespace StudyBot.Core.Scheduling;

public sealed partial class FsrsScheduler
{
    /// <summary>Short-term on (the reference's BasicScheduler): (re)learning steps in minutes, then days.</summary>
    private FsrsCard NextShortTerm(in FsrsCard card, ref ReviewContext review, int grade)
    {
        if (card.State != CardState.Review)
        {
            var target = card.State == CardState.New ? CardState.Learning : card.State;
            return ThroughSteps(card, ref review, grade, target, card.Lapses);
        }
        if (grade == 1)
        {
            return ThroughSteps(card, ref review, grade, CardState.Relearning, card.Lapses + 1);
        }
        // Hard, Good and Easy are ordered against each other: hard <= good < easy.
        var hardS = StabilityAfter(ref review, 2);
        var goodS = StabilityAfter(ref review, 3);
        var (hard, good) = AdjacentIntervals(ref review, hardS, goodS);
        double stability;
        int days;
        switch (grade)
        {
            case 2:
                (stability, days) = (hardS, hard);
                break;
            case 3:
                (stability, days) = (goodS, good);
                break;
            default:
                stability = StabilityAfter(ref review, 4);
                days = Math.Max(IntervalFor(ref review, stability), good + 1);
                break;
        }
        return Scheduled(review, stability, DifficultyAfter(review, grade),
            TimeSpan.FromDays(days), days, 0, card.Lapses, CardState.Review);
    }

    /// <summary>The reference's applyLearningSteps: a step delay under a day keeps the card in the ladder.</summary>
    private FsrsCard ThroughSteps(in FsrsCard card, ref ReviewContext review, int grade, CardState target, int lapses)
    {
        var stability = StabilityAfter(ref review, grade);
        var difficulty = DifficultyAfter(review, grade);
        var (minutes, nextStep) = _steps.For(card.State, card.LearningSteps, grade);
        minutes = Math.Max(0, minutes);
        nextStep = Math.Max(0, nextStep);
        if (minutes > 0 && minutes < 1440)
        {
            return Scheduled(review, stability, difficulty,
                TimeSpan.FromMinutes((long)JsMath.Round(minutes)), 0, nextStep, lapses, target);
        }
        if (minutes >= 1440)
        {
            // A step of a day or more graduates, keeping its place in the ladder.
            return Scheduled(review, stability, difficulty,
                TimeSpan.FromMinutes((long)JsMath.Round(minutes)), (int)Math.Floor(minutes / 1440), nextStep, lapses, CardState.Review);
        }
        var days = IntervalFor(ref review, stability);
        return Scheduled(review, stability, difficulty, TimeSpan.FromDays(days), days, 0, lapses, CardState.Review);
    }
}
