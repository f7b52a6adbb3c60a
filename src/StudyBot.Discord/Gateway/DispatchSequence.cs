namespace StudyBot.Discord.Gateway;

/// <summary>
/// A session's sequence numbers: the last one received (sent back in heartbeats and RESUME) and the
/// last one dispatched. A resume may replay events already handed on; those are refused here, so
/// each event reaches the handlers exactly once and in order.
/// </summary>
internal sealed class DispatchSequence
{
    private int _last;
    private int _lastDispatched;

    /// <summary>The last sequence received; 0 before the first dispatch of a session.</summary>
    public int Last => Volatile.Read(ref _last);

    /// <summary>Records <paramref name="sequence"/>; false when an event with it was already dispatched.</summary>
    public bool TryAdvance(int sequence)
    {
        if (sequence > Last)
        {
            Volatile.Write(ref _last, sequence);
        }

        if (sequence <= _lastDispatched)
        {
            return false;
        }

        _lastDispatched = sequence;
        return true;
    }

    /// <summary>A new session (IDENTIFY) numbers its events from 1 again.</summary>
    public void Reset()
    {
        _lastDispatched = 0;
        Volatile.Write(ref _last, 0);
    }
}
