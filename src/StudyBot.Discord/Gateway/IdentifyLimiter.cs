namespace StudyBot.Discord.Gateway;

/// <summary>
/// Discord allows <c>max_concurrency</c> IDENTIFYs per 5 s: shard ids share a bucket by
/// shard_id % max_concurrency, and each bucket admits one identify per window.
/// </summary>
public sealed class IdentifyLimiter
{
    private readonly SemaphoreSlim[] _gates;
    private readonly long[] _lastIdentify;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    private readonly Func<int, TimeSpan, CancellationToken, Task>? _shared;

    /// <param name="shared">
    /// Also waits for the bucket across processes (bucket, window): another process of the same bot
    /// may have identified in it; null when this process is alone.
    /// </param>
    public IdentifyLimiter(int maxConcurrency, TimeSpan window, TimeProvider time, Func<int, TimeSpan, CancellationToken, Task>? shared = null)
    {
        _shared = shared;
        MaxConcurrency = Math.Max(1, maxConcurrency);
        _gates = Enumerable.Range(0, MaxConcurrency).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        _lastIdentify = Enumerable.Repeat(long.MinValue, MaxConcurrency).ToArray();
        _window = window;
        _time = time;
    }

    public int MaxConcurrency { get; }

    /// <summary>
    /// Waits for the shard's bucket; dispose the lease once IDENTIFY is sent. The window counts from
    /// the send, not from the wait, so a send delayed by load cannot bring two identifies too close.
    /// </summary>
    public async Task<IDisposable> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = shardId % MaxConcurrency;
        await _gates[bucket].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lastIdentify[bucket] != long.MinValue)
            {
                var wait = _window - _time.GetElapsedTime(_lastIdentify[bucket]);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            if (_shared is not null)
            {
                await _shared(bucket, _window, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            _gates[bucket].Release();
            throw;
        }

        return new Lease(this, bucket);
    }

    private sealed class Lease(IdentifyLimiter owner, int bucket) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._lastIdentify[bucket] = owner._time.GetTimestamp();
                owner._gates[bucket].Release();
            }
        }
    }
}
