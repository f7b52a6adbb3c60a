namespace StudyBot.Hosting;

/// <summary>
/// The clock study logic reads (due cards, study days, quiz deadlines). Kept apart from the Discord
/// client's TimeProvider so a test can move study time without freezing heartbeats and rate limits.
/// </summary>
public sealed class StudyClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
}
