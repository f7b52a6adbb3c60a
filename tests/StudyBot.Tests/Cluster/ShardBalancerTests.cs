using StudyBot.Discord.Gateway;
using StudyBot.Hosting.Cluster;

namespace StudyBot.Tests.Cluster;

/// <summary>
/// The shares every process computes from the same lease table: even, capped, sticky (a newcomer
/// takes only from processes over their share) and stable (applying a round's plan changes nothing
/// the next round). Rounds are simulated over the table the way the processes apply them.
/// </summary>
public class ShardBalancerTests
{
    private static readonly DateTime _now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static ShardLeaseSettings Auto(int? max = null) => new(true, null, null, max, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

    private static ShardLeaseSettings Static(int first, int last, int count) =>
        new(false, new ShardRange(first, last, count), $"{first}-{last}", null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

    /// <summary>The table after each process in turn applies its plan, until a whole pass changes nothing; fails if it never settles.</summary>
    private static Dictionary<int, string> Settle(int shards, Dictionary<string, ShardLeaseSettings> processes, Dictionary<int, string> holders, out int moves)
    {
        moves = 0;
        for (var pass = 0; pass < 20; pass++)
        {
            var changed = false;
            foreach (var (me, settings) in processes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var plan = ShardBalancer.Plan(me, settings, shards, Table(shards, processes, holders));
                foreach (var (shard, _) in plan.Release)
                {
                    holders.Remove(shard);
                    changed = true;
                    moves++;
                }

                foreach (var shard in plan.Claim)
                {
                    Assert.False(holders.ContainsKey(shard), $"{me} claimed shard {shard}, held by {holders.GetValueOrDefault(shard)}");
                    holders[shard] = me;
                    changed = true;
                }
            }

            if (!changed)
            {
                return holders;
            }
        }

        throw new Xunit.Sdk.XunitException("the shares never settled: " + string.Join(", ", holders.Select(h => $"{h.Key}={h.Value}")));
    }

    private static ShardTable Table(int shards, Dictionary<string, ShardLeaseSettings> processes, Dictionary<int, string> holders) => new(
        [.. holders.Select(h => new ShardLease(h.Key, shards, h.Value, 1, _now, _now.AddSeconds(10), true, -10))],
        [.. processes.Select(p => new ShardMember(p.Key, p.Value.StaticRange?.First, p.Value.StaticRange?.Last, p.Value.MaxShards, _now, _now, true))],
        _now);

    private static int[] Count(Dictionary<int, string> holders, params string[] names) => [.. names.Select(n => holders.Count(h => h.Value == n))];

    [Theory]
    [InlineData(4, 2)]
    [InlineData(4, 3)]
    [InlineData(16, 5)]
    [InlineData(3, 4)]
    [InlineData(1, 2)]
    public void Plan_ProcessesJoiningOneByOne_SpreadEvenlyAndEveryShardHeldOnce(int shards, int count)
    {
        var processes = new Dictionary<string, ShardLeaseSettings>();
        var holders = new Dictionary<int, string>();
        for (var i = 0; i < count; i++)
        {
            processes[$"p{i}"] = Auto();
            Settle(shards, processes, holders, out _);
            Assert.Equal(shards, holders.Count);
            var counts = Count(holders, [.. processes.Keys]);
            Assert.True(counts.Max() - counts.Min() <= 1, $"uneven after {i + 1} processes: {string.Join(",", counts)}");
        }

        // A settled table stays as it is.
        Settle(shards, processes, holders, out var moves);
        Assert.Equal(0, moves);
    }

    [Fact]
    public void Plan_ThirdProcessJoins_TakesOnlyFromTheProcessesOverTheirShare()
    {
        var processes = new Dictionary<string, ShardLeaseSettings> { ["a"] = Auto(), ["b"] = Auto() };
        var holders = new Dictionary<int, string> { [0] = "a", [1] = "a", [2] = "b", [3] = "b" };
        processes["c"] = Auto();
        Settle(4, processes, holders, out var moves);
        Assert.Equal(1, moves);
        Assert.Equal([2, 1, 1], Count(holders, "a", "b", "c"));
    }

    [Fact]
    public void Plan_ProcessDies_SurvivorsClaimItsExpiredShardsUpToTheirCap()
    {
        var processes = new Dictionary<string, ShardLeaseSettings> { ["a"] = Auto(max: 3), ["b"] = Auto(max: 3) };
        var holders = Settle(4, processes, [], out _);
        processes.Remove("b");
        foreach (var shard in holders.Where(h => h.Value == "b").Select(h => h.Key).ToList())
        {
            holders.Remove(shard);
        }

        Settle(4, processes, holders, out _);
        Assert.Equal([3], Count(holders, "a"));
        var plan = ShardBalancer.Plan("a", processes["a"], 4, Table(4, processes, holders));
        Assert.Equal(1, plan.Unheld);
    }

    [Fact]
    public void Plan_StaticRangeNextToAutoProcesses_AutoHandsTheRangeOverAndSharesTheRest()
    {
        var processes = new Dictionary<string, ShardLeaseSettings> { ["a"] = Auto(), ["b"] = Auto() };
        var holders = Settle(6, processes, [], out _);
        processes["s"] = Static(0, 1, 6);
        Settle(6, processes, holders, out _);
        Assert.Equal("s", holders[0]);
        Assert.Equal("s", holders[1]);
        Assert.Equal([2, 2], Count(holders, "a", "b"));
    }

    [Fact]
    public void Plan_ExpiredLeaseOfAnotherProcess_IsClaimedButALiveOneNever()
    {
        var settings = Auto();
        var table = new ShardTable(
            [
                new ShardLease(0, 2, "dead", 4, _now, _now.AddSeconds(-1), false, 1),
                new ShardLease(1, 2, "busy", 2, _now, _now.AddSeconds(5), true, -5),
            ],
            [new ShardMember("me", null, null, null, _now, _now, true)],
            _now);
        var plan = ShardBalancer.Plan("me", settings, 2, table);
        Assert.Equal([0], plan.Claim);
        Assert.Empty(plan.Release);
    }
}
