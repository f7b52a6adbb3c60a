namespace StudyBot.Discord.Rest;

/// <summary>
/// Discord's global limit (50 requests per second per bot) kept by cause rather than by the
/// client's clock: a request may reach Discord any time between being sent and its answer
/// arriving, so it occupies the window from its send until one window after its answer. A new
/// request goes only while fewer than <c>limit</c> requests are unanswered or answered within the
/// last window; then no window on Discord's side, however its clock cuts them, can hold more than
/// <c>limit</c> arrivals, whatever the network and the machine's load delay. At a few milliseconds
/// a round trip that paces at nearly the full limit.
/// </summary>
public sealed class GlobalRequestPacer(int limit, TimeSpan window, TimeProvider time)
{
    private readonly object _lock = new();
    private readonly Queue<long> _answered = new();
    private int _pending;
    private long _pausedUntil;
    private TaskCompletionSource _changed = NewSignal();

    public int Limit => limit;

    /// <summary>Requests sent and not yet answered.</summary>
    public int Pending
    {
        get { lock (_lock) { return _pending; } }
    }

    /// <summary>Waits for a place in the window and takes it; dispose the lease when the answer (or failure) is in.</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? wait;
            Task changed;
            lock (_lock)
            {
                var now = time.GetTimestamp();
                Expire(now);
                changed = _changed.Task;
                if (now < _pausedUntil)
                {
                    wait = time.GetElapsedTime(now, _pausedUntil);
                }
                else if (_pending + _answered.Count < limit)
                {
                    _pending++;
                    return new Lease(this);
                }
                else if (_answered.Count > 0 && _pending < limit)
                {
                    // The place frees when enough answered requests leave the window.
                    var index = _pending + _answered.Count - limit;
                    wait = time.GetElapsedTime(now, _answered.ElementAt(index) + WindowTicks);
                }
                else
                {
                    // Every place is held by a request in flight: its answer frees one.
                    wait = null;
                }
            }

            if (wait is { } delay)
            {
                await Task.WhenAny(changed, Task.Delay(delay < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : delay, time, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
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

    private long WindowTicks => (long)(window.TotalSeconds * time.TimestampFrequency);

    private void Expire(long now)
    {
        while (_answered.Count > 0 && now - _answered.Peek() >= WindowTicks)
        {
            _answered.Dequeue();
        }
    }

    private void Release()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _pending--;
            _answered.Enqueue(time.GetTimestamp());
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One request's place in the window, from its send until its answer.</summary>
    public readonly struct Lease(GlobalRequestPacer? pacer) : IDisposable
    {
        public void Dispose() => pacer?.Release();
    }
}
