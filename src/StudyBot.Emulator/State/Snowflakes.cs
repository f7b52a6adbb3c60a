namespace StudyBot.Emulator.State;

/// <summary>Discord-shaped ids: milliseconds since 2015 in the top bits, so (id &gt;&gt; 22) spreads guilds over shards.</summary>
public sealed class Snowflakes(TimeProvider time)
{
    public const long DiscordEpochMs = 1_420_070_400_000;
    private long _lastMs;
    private int _increment;

    public string Next()
    {
        var ms = time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs;
        // Strictly increasing milliseconds keep ids unique and ordered even within one tick (taken without a lock: a click's ids are many).
        long last, next;
        do
        {
            last = Interlocked.Read(ref _lastMs);
            next = Math.Max(ms, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastMs, next, last) != last);
        var increment = Interlocked.Increment(ref _increment) - 1;
        return ((next << 22) | (1L << 17) | (uint)(increment & 0xFFF)).ToString();
    }

    /// <summary>An id whose shard for <paramref name="shardCount"/> shards is <paramref name="shardId"/>.</summary>
    public string NextOnShard(int shardId, int shardCount)
    {
        while (true)
        {
            var id = Next();
            if (ShardOf(id, shardCount) == shardId)
            {
                return id;
            }
        }
    }

    public static int ShardOf(string id, int shardCount) => (int)((ulong.Parse(id) >> 22) % (ulong)shardCount);
}
