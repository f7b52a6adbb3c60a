using System.Globalization;

namespace StudyBot.Discord.Gateway;

/// <summary>
/// The gateway shards one process holds, <c>First</c> to <c>Last</c> inclusive, out of <c>Count</c>:
/// <c>Discord:Shards</c> = <c>2-3</c> with <c>Discord:ShardCount</c> = <c>4</c>. Every process of a
/// bot must use the same count; together their ranges must cover 0 to Count - 1 once.
/// </summary>
public readonly record struct ShardRange(int First, int Last, int Count)
{
    public int Length => Last - First + 1;

    public IEnumerable<int> Ids => Enumerable.Range(First, Length);

    public static ShardRange All(int count) => new(0, count - 1, count);

    /// <summary>Reads <c>N</c> or <c>N-M</c>; the error says what is wrong and what to write instead.</summary>
    public static bool TryParse(string text, int count, out ShardRange range, out string? error)
    {
        range = default;
        var parts = text.Trim().Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !parts.All(IsShardId))
        {
            error = $"Discord:Shards '{text}' is not a shard range: write one shard id or two joined by a dash, e.g. 0-1 or 2-3.";
            return false;
        }

        var first = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var last = int.Parse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture);
        if (last < first)
        {
            error = $"Discord:Shards '{text}' runs backwards: write the lower id first ({last}-{first}).";
            return false;
        }

        if (last >= count)
        {
            error = $"Discord:Shards '{text}' goes past Discord:ShardCount {count}: shard ids run from 0 to {count - 1}.";
            return false;
        }

        range = new ShardRange(first, last, count);
        error = null;
        return true;
    }

    private static bool IsShardId(string part)
        => part.Length is > 0 and <= 9 && part.All(char.IsAsciiDigit);

    /// <summary>How logs and instance ids name it: <c>2-3</c>, or <c>2</c> for one shard.</summary>
    public override string ToString()
        => First == Last ? First.ToString(CultureInfo.InvariantCulture) : $"{First.ToString(CultureInfo.InvariantCulture)}-{Last.ToString(CultureInfo.InvariantCulture)}";
}
