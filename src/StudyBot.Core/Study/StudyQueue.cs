namespace StudyBot.Core.Study;

/// <summary>
/// The queue rules: learning cards due now first (they are mid-step and forget fastest), then reviews
/// due today while the review limit lasts, then new cards while the new-card limit lasts.
/// Candidates are the first of each kind after sibling burying.
/// </summary>
public static class StudyQueue
{
    public static QueueKind? Choose(bool learningDue, bool reviewDue, bool newAvailable, DailyUsage usage, DailyLimits limits)
    {
        if (learningDue)
        {
            return QueueKind.Learning;
        }
        if (reviewDue && usage.ReviewsDone < limits.ReviewsPerDay)
        {
            return QueueKind.Review;
        }
        if (newAvailable && usage.NewIntroduced < limits.NewPerDay)
        {
            return QueueKind.New;
        }
        return null;
    }
}
