using Microsoft.Extensions.Caching.Memory;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Rest;

/// <summary>
/// Users' DM channel ids, learnt from POST /users/@me/channels. Discord answers that call with the
/// same channel every time, so asking once per user is enough; the cache is bounded and drops
/// entries unused for two days (a daily reminder keeps its own fresh).
/// </summary>
internal sealed class DmChannelCache(int capacity) : IDisposable
{
    private static readonly TimeSpan _unusedFor = TimeSpan.FromDays(2);

    private readonly MemoryCache? _cache = capacity > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 }) : null;

    public Snowflake? Find(Snowflake userId)
        => _cache is not null && _cache.TryGetValue(userId.Value, out Snowflake channelId) ? channelId : null;

    public void Remember(Snowflake userId, Snowflake channelId)
        => _cache?.Set(userId.Value, channelId, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _unusedFor });

    public void Forget(Snowflake userId) => _cache?.Remove(userId.Value);

    public void Dispose() => _cache?.Dispose();
}
