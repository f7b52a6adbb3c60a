namespace StudyBot.Core.Scheduling;

/// <summary>
/// One card's scheduling memory, with the same fields and meanings as ts-fsrs's Card.
/// All times are UTC (<see cref="DateTimeKind.Utc"/>).
/// </summary>
public readonly record struct FsrsCard(
    DateTime Due,
    double Stability,
    double Difficulty,
    int ElapsedDays,
    int ScheduledDays,
    int LearningSteps,
    int Reps,
    int Lapses,
    CardState State,
    DateTime? LastReview)
{
    /// <summary>A card never reviewed, due at <paramref name="nowUtc"/>.</summary>
    public static FsrsCard CreateNew(DateTime nowUtc) =>
        new(nowUtc, 0, 0, 0, 0, 0, 0, 0, CardState.New, null);
}
