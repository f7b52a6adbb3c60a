namespace StudyBot.Hosting;

/// <summary>
/// Real time moved by a fixed offset (<c>StudyBot:ClockOffset</c>): the wall clock it reports is
/// shifted, while timers and elapsed-time stamps run as the real ones do.
/// </summary>
public sealed class OffsetTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public static TimeProvider Around(TimeProvider inner, TimeSpan offset)
        => offset == TimeSpan.Zero ? inner : new OffsetTimeProvider(inner, offset);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => inner.CreateTimer(callback, state, dueTime, period);
}
