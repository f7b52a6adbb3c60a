namespace StudyBot.Discord.Rest;

/// <summary>
/// One learnt bucket. Requests in a bucket go one at a time, so the remaining count read before a
/// request is still true when it is sent; with remaining 0 the next request waits for the reset.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider time, TimeSpan margin = default)
{
    private readonly object _lock = new();
    private int? _remaining;
    private long _resetAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long LastUsed { get; private set; } = time.GetTimestamp();

    public int? Limit { get; private set; }

    public int? Remaining
    {
        get { lock (_lock) { return _remaining; } }
    }

    /// <summary>How long to wait before the next request may go; zero when it may go now.</summary>
    public TimeSpan DelayBeforeSend()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            LastUsed = now;
            if (_remaining is not 0)
            {
                return TimeSpan.Zero;
            }

            if (now >= _resetAt)
            {
                // Window passed: the next answer tells us the new state.
                _remaining = null;
                return TimeSpan.Zero;
            }

            return time.GetElapsedTime(now, _resetAt);
        }
    }

    /// <summary>Records that a request is going out, so a stale positive count cannot let a burst through.</summary>
    public void Consume()
    {
        lock (_lock)
        {
            if (_remaining > 0)
            {
                _remaining--;
            }
        }
    }

    public void Apply(RateLimitHeaders headers)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            LastUsed = now;
            Limit = headers.Limit ?? Limit;
            if (headers.Remaining is { } remaining)
            {
                _remaining = remaining;
            }

            if (headers.ResetAfter is { } resetAfter)
            {
                // Measured from receipt, so it is never earlier than the server's own reset.
                _resetAt = now + (long)((resetAfter + margin).TotalSeconds * time.TimestampFrequency);
            }
        }
    }

    public void BlockFor(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = time.GetTimestamp() + (long)((duration + margin).TotalSeconds * time.TimestampFrequency);
            _remaining = 0;
            _resetAt = Math.Max(_resetAt, until);
        }
    }

    public bool IsIdle(TimeSpan idleFor)
        => Gate.CurrentCount == 1 && time.GetElapsedTime(LastUsed) > idleFor && DelayBeforeSend() == TimeSpan.Zero;
}
