namespace StudyBot.Discord.Rest;

/// <summary>
/// At most <c>limit</c> permits in any window of <c>window</c> length: a sliding log, so bursts
/// across a window boundary cannot double the rate the way fixed windows allow.
/// </summary>
public sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider time)
{
    /// <summary>The shortest wait before asking again, so a wait rounded down to zero does not spin.</summary>
    private static readonly TimeSpan _minimumWait = TimeSpan.FromMilliseconds(1);

    private readonly Queue<long> _stamps = new();
    private readonly object _lock = new();
    private long _pausedUntil;

    public int Limit => limit;

    /// <summary>Waits until a permit is free, then takes it. <paramref name="reserve"/> permits stay unused for higher-priority callers.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken, int reserve = 0)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetTimestamp();
                var windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
                while (_stamps.Count > 0 && now - _stamps.Peek() >= windowTicks)
                {
                    _stamps.Dequeue();
                }

                if (now < _pausedUntil)
                {
                    wait = time.GetElapsedTime(now, _pausedUntil);
                }
                else if (_stamps.Count < limit - reserve)
                {
                    _stamps.Enqueue(now);
                    return;
                }
                else
                {
                    // The permit frees when the (count - (limit - reserve) + 1)-th oldest stamp leaves the window.
                    var stamp = _stamps.ElementAt(_stamps.Count - (limit - reserve));
                    wait = time.GetElapsedTime(now, stamp + windowTicks);
                }
            }

            await Task.Delay(wait < _minimumWait ? _minimumWait : wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Blocks every caller for <paramref name="duration"/> (a global 429).</summary>
    public void PauseFor(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = time.GetTimestamp() + (long)(duration.TotalSeconds * time.TimestampFrequency);
            _pausedUntil = Math.Max(_pausedUntil, until);
        }
    }
}
