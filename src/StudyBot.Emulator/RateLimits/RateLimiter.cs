using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Emulator.RateLimits;

/// <summary>
/// Fixed-window buckets per route and major parameter, plus Discord's global per-second limit.
/// A violation is a request that arrives while the client had already been told the bucket (or the
/// global limit) was exhausted: after a response with Remaining 0 or a 429, before its reset.
/// </summary>
internal sealed class RateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Bucket> _buckets = [];
    private DateTimeOffset _globalWindowStart = DateTimeOffset.MinValue;
    private int _globalCount;
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;
    private int _violations;

    public int Violations => Volatile.Read(ref _violations);

    public RateLimitDecision Acquire(string routeKey, string majorParameter, bool globalExempt)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var limit = options.Routes.GetValueOrDefault(routeKey) ?? options.Default;
            var key = $"{routeKey}|{majorParameter}";
            if (!_buckets.TryGetValue(key, out var bucket) || now >= bucket.ResetAt)
            {
                bucket = new Bucket(now + limit.Window, limit.Limit, Hash(routeKey));
                _buckets[key] = bucket;
            }
            if (now < bucket.KnownExhaustedUntil || (!globalExempt && now < _globalBlockedUntil))
            {
                _violations++;
            }
            if (!globalExempt && !TakeGlobal(now, out var globalRetry))
            {
                _globalBlockedUntil = now + globalRetry;
                return new RateLimitDecision(true, true, 0, 0, now + globalRetry, globalRetry, "", globalRetry);
            }
            var resetAfter = bucket.ResetAt - now;
            if (bucket.Remaining == 0)
            {
                bucket.KnownExhaustedUntil = bucket.ResetAt;
                return new RateLimitDecision(true, false, limit.Limit, 0, bucket.ResetAt, resetAfter, bucket.Hash, resetAfter, limit.Shared);
            }
            bucket.Remaining--;
            if (bucket.Remaining == 0)
            {
                bucket.KnownExhaustedUntil = bucket.ResetAt;
            }
            return new RateLimitDecision(false, false, limit.Limit, bucket.Remaining, bucket.ResetAt, resetAfter, bucket.Hash, TimeSpan.Zero);
        }
    }

    private bool TakeGlobal(DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (now - _globalWindowStart >= TimeSpan.FromSeconds(1))
        {
            _globalWindowStart = now;
            _globalCount = 0;
        }
        retryAfter = _globalWindowStart + TimeSpan.FromSeconds(1) - now;
        if (_globalCount >= options.GlobalPerSecond)
        {
            return false;
        }
        _globalCount++;
        return true;
    }

    // Discord's bucket hashes are opaque; the same route shares one hash across major parameters.
    private static string Hash(string routeKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)))[..32];

    private sealed class Bucket(DateTimeOffset resetAt, int remaining, string hash)
    {
        public DateTimeOffset ResetAt { get; } = resetAt;
        public int Remaining { get; set; } = remaining;
        public string Hash { get; } = hash;
        public DateTimeOffset KnownExhaustedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
