namespace StudyBot.Core.Study;

/// <summary>Why a card is up next, in the order the queue serves them.</summary>
public enum QueueKind
{
    /// <summary>In learning or relearning steps, due now.</summary>
    Learning,
    /// <summary>A review due before the end of the user's study day.</summary>
    Review,
    /// <summary>Never studied, within the day's new-card limit.</summary>
    New,
}
