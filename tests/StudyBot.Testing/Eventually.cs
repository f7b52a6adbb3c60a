namespace StudyBot.Testing;

/// <summary>
/// Waits for something another thread or process makes observable (a row, a log line, the emulator's
/// record of a request). The deadline only bounds a failure, it decides nothing.
/// </summary>
public static class Eventually
{
    /// <summary>How long a wait gives before it fails, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> with <paramref name="failure"/> after the deadline.</summary>
    public static async Task TrueAsync(Func<bool> condition, string failure, TimeSpan? timeout = null)
    {
        await ValueAsync(() => Task.FromResult(condition() ? failure : null), failure, timeout);
    }

    /// <summary>The first non-null value <paramref name="probe"/> gives; throws <see cref="TimeoutException"/> with <paramref name="failure"/> after the deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string failure, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }
            await Task.Delay(_poll);
        }
    }
}
