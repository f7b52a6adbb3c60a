using System.Collections.Concurrent;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Keys remembered until a time: the first <see cref="TryAdd"/> of a key wins until it expires.
/// Expired keys are swept at most once a minute, so memory holds only what a window can hold.
/// </summary>
public sealed class ExpiringSet<TKey>(TimeProvider time) where TKey : notnull
{
    private static readonly TimeSpan _sweepEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<TKey, DateTimeOffset> _keys = new();
    private readonly Lock _sweep = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public int Count => _keys.Count;

    /// <summary>True when the key was not held (or its time had passed); it is then held until <paramref name="until"/>.</summary>
    public bool TryAdd(TKey key, DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        while (true)
        {
            if (_keys.TryAdd(key, until))
            {
                return true;
            }
            if (!_keys.TryGetValue(key, out var held))
            {
                continue;
            }
            if (held > now)
            {
                return false;
            }
            if (_keys.TryUpdate(key, until, held))
            {
                return true;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        lock (_sweep)
        {
            if (now < _nextSweep)
            {
                return;
            }
            _nextSweep = now + _sweepEvery;
        }
        foreach (var (key, until) in _keys)
        {
            if (until <= now)
            {
                _keys.TryRemove(new KeyValuePair<TKey, DateTimeOffset>(key, until));
            }
        }
    }
}
