using Microsoft.Extensions.Caching.Memory;

namespace StudyBot.Features.Guilds;

/// <summary>
/// Which guild members this process recorded lately, and whether they taught then, so that a
/// member's every click does not write their row again (a class answering a quiz at once would
/// queue a thousand writes ahead of its answers). A member's row is written at their first
/// interaction, whenever their instructor standing changes, and otherwise at most once every
/// <see cref="Refresh"/>; leaving the guild forgets them, so the next interaction writes again.
/// </summary>
public sealed class MemberSightings : IDisposable
{
    /// <summary>How stale a member's recorded last-seen time may be.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 100_000, CompactionPercentage = 0.1 });

    /// <summary>Whether the member's row already says what it would be written with.</summary>
    public bool IsRecorded(ulong guildId, ulong userId, bool teaches)
        => _seen.TryGetValue((guildId, userId), out bool recorded) && recorded == teaches;

    public void Recorded(ulong guildId, ulong userId, bool teaches)
        => _seen.Set((guildId, userId), teaches, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Refresh });

    public void Forget(ulong guildId, ulong userId) => _seen.Remove((guildId, userId));

    /// <summary>The bot left a guild: every sighting goes, so rows are written again after it returns.</summary>
    public void ForgetAll() => _seen.Compact(1.0);

    public void Dispose() => _seen.Dispose();
}
