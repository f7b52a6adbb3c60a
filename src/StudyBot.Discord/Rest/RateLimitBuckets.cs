using System.Collections.Concurrent;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Maps routes to buckets. Until Discord names a route's bucket (X-RateLimit-Bucket) the route is
/// its own bucket; afterwards every route with that hash and the same major parameters shares one.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time, TimeSpan margin = default)
{
    private static readonly TimeSpan _idleEviction = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, string> _hashByRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private int _lookups;

    public int Count => _buckets.Count;

    public RateLimitBucket For(DiscordRoute route)
    {
        if (Interlocked.Increment(ref _lookups) % 1024 == 0)
        {
            EvictIdle();
        }

        return _buckets.GetOrAdd(Key(route), _ => new RateLimitBucket(time, margin));
    }

    /// <summary>Applies an answer's headers to the bucket used and, if the route's hash is new, to the hash's bucket.</summary>
    public void Learn(DiscordRoute route, RateLimitBucket used, RateLimitHeaders headers)
    {
        used.Apply(headers);
        if (headers.Bucket is not { } hash)
        {
            return;
        }

        if (!_hashByRoute.TryGetValue(route.RouteKey, out var known) || known != hash)
        {
            _hashByRoute[route.RouteKey] = hash;
            // The first answer names the bucket the route was already using: later lookups get that same
            // bucket (and its gate), so requests queued before and after the name was learnt still go one at a time.
            var shared = _buckets.GetOrAdd(hash + "|" + route.MajorKey, _ => used);
            if (!ReferenceEquals(shared, used))
            {
                shared.Apply(headers);
            }
        }
    }

    private string Key(DiscordRoute route)
        => (_hashByRoute.TryGetValue(route.RouteKey, out var hash) ? hash : "route:" + route.RouteKey) + "|" + route.MajorKey;

    // Interaction and webhook buckets are per interaction token: drop them once idle so memory stays flat.
    private void EvictIdle()
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(_idleEviction))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }
}
