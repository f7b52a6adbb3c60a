using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;

namespace StudyBot.Data.Entities;

/// <summary>
/// One user's memory of one card at one moment: the FSRS fields plus the leech flags. Stored as the
/// current state and, before and after every answer, in the review log, so any state can be rebuilt.
/// </summary>
public sealed record CardMemory
{
    public DateTime Due { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public int ElapsedDays { get; set; }
    public int ScheduledDays { get; set; }
    public int LearningSteps { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }
    public CardState State { get; set; }
    public DateTime? LastReview { get; set; }
    public bool Suspended { get; set; }
    public bool Leech { get; set; }

    public FsrsCard ToFsrs() => new(Due, Stability, Difficulty, ElapsedDays, ScheduledDays, LearningSteps, Reps, Lapses, State, LastReview);

    public static CardMemory From(in FsrsCard card, bool suspended, bool leech) => new()
    {
        Due = card.Due,
        Stability = card.Stability,
        Difficulty = card.Difficulty,
        ElapsedDays = card.ElapsedDays,
        ScheduledDays = card.ScheduledDays,
        LearningSteps = card.LearningSteps,
        Reps = card.Reps,
        Lapses = card.Lapses,
        State = card.State,
        LastReview = card.LastReview,
        Suspended = suspended,
        Leech = leech,
    };

    public static CardMemory New(DateTime nowUtc) => From(FsrsCard.CreateNew(nowUtc), false, false);

    /// <summary>As the answer decision reads it.</summary>
    public CardStudyState ToStudy() => new(ToFsrs(), Suspended, Leech);

    public static CardMemory From(in CardStudyState state) => From(state.Memory, state.Suspended, state.Leech);
}
