namespace StudyBot.Discord.Rest;

/// <summary>
/// Counts 401, 403 and 429 answers (shared-scope 429s excepted, as Discord does) and refuses to send
/// once too many arrived recently: past 10,000 in 10 minutes Discord bans the IP.
/// </summary>
internal sealed class InvalidRequestGuard(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> _stamps = new();
    private readonly object _lock = new();

    public int Count
    {
        get { lock (_lock) { Trim(); return _stamps.Count; } }
    }

    public void Record()
    {
        lock (_lock)
        {
            Trim();
            _stamps.Enqueue(time.GetTimestamp());
        }
    }

    public void ThrowIfTripped(DiscordRoute route)
    {
        var count = Count;
        if (count >= limit)
        {
            throw new DiscordInvalidRequestLimitException(route.ToString(), count, window);
        }
    }

    private void Trim()
    {
        var windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        var now = time.GetTimestamp();
        while (_stamps.Count > 0 && now - _stamps.Peek() >= windowTicks)
        {
            _stamps.Dequeue();
        }
    }
}
