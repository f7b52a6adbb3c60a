namespace StudyBot.Hosting.Cluster;

/// <summary>What one process should do with the shards on this round: give some up, claim others.</summary>
/// <param name="Share">How many shards this process should hold.</param>
/// <param name="Release">Shards it holds and should close and hand back, with why.</param>
/// <param name="Claim">Free or expired shards it should claim, lowest first.</param>
/// <param name="Unheld">Shards no live process may hold (every process at its cap).</param>
public sealed record ShardPlan(int Share, IReadOnlyList<(int Shard, string Reason)> Release, IReadOnlyList<int> Claim, int Unheld);

/// <summary>
/// Decides each round, from the shared lease table alone, which shards a process keeps, gives up and
/// claims. Every process computes the same shares from the same table, so they agree without talking:
/// shards in live fixed ranges belong to those processes; the others are spread evenly over the live
/// <c>auto</c> processes, each at most its cap, the odd ones to those already holding more (so a
/// newcomer takes only from processes over their share, and nothing moves once spread). A process
/// gives up only what it holds beyond its share and claims only leases that are free or expired:
/// never one another process holds.
/// </summary>
public static class ShardBalancer
{
    public static ShardPlan Plan(string me, ShardLeaseSettings settings, int shardCount, ShardTable table)
    {
        var leases = table.Leases.Where(l => l.ShardId < shardCount).ToDictionary(l => l.ShardId);
        bool Free(int shard) => !leases.TryGetValue(shard, out var lease) || !lease.Live;
        var mine = leases.Values.Where(l => l.Live && l.Holder == me).Select(l => l.ShardId).Order().ToList();

        if (settings.StaticRange is { } range)
        {
            // A fixed range: exactly those shards, waiting for any auto holder to hand them over.
            var wanted = range.Ids.ToList();
            var release = mine.Where(s => !wanted.Contains(s)).Select(s => (s, "outside this process's Discord:Shards range")).ToList();
            return new ShardPlan(wanted.Count, release, [.. wanted.Where(s => !mine.Contains(s) && Free(s))], 0);
        }

        var members = table.Members.Where(m => m.Live || m.Instance == me).ToList();
        var reserved = members.Where(m => m.IsStatic && m.Instance != me).ToList();
        var pool = Enumerable.Range(0, shardCount).Where(s => !reserved.Any(m => m.Reserves(s))).ToList();
        var autos = members.Where(m => !m.IsStatic || m.Instance == me)
            .Select(m => (m.Instance, Cap: m.Instance == me ? settings.MaxShards ?? int.MaxValue : m.MaxShards ?? int.MaxValue))
            .DistinctBy(m => m.Instance)
            .ToList();
        var holding = autos.ToDictionary(m => m.Instance, m => leases.Values.Count(l => l.Live && l.Holder == m.Instance && pool.Contains(l.ShardId)));
        var shares = Shares(pool.Count, autos.OrderByDescending(m => holding[m.Instance]).ThenBy(m => m.Instance, StringComparer.Ordinal).ToList());
        var share = shares[me];

        var releases = new List<(int, string)>();
        foreach (var shard in mine.Where(s => !pool.Contains(s)))
        {
            var owner = reserved.First(m => m.Reserves(shard)).Instance;
            releases.Add((shard, $"process '{owner}' has it in its Discord:Shards range"));
        }

        var kept = mine.Where(pool.Contains).ToList();
        foreach (var shard in kept.OrderDescending().Take(Math.Max(0, kept.Count - share)))
        {
            releases.Add((shard, $"rebalancing: {autos.Count} process(es) share {pool.Count} shard(s), this one's share is {share}"));
        }

        var deficit = share - Math.Min(kept.Count, share);
        var claims = pool.Where(s => !mine.Contains(s) && Free(s)).Take(deficit).ToList();
        return new ShardPlan(share, releases, claims, pool.Count - shares.Values.Sum());
    }

    /// <summary>Deals the shards out one at a time in the given order, skipping processes at their cap.</summary>
    private static Dictionary<string, int> Shares(int shards, IReadOnlyList<(string Instance, int Cap)> order)
    {
        var shares = order.ToDictionary(m => m.Instance, _ => 0);
        var left = shards;
        while (left > 0)
        {
            var dealt = false;
            foreach (var (instance, cap) in order)
            {
                if (left > 0 && shares[instance] < cap)
                {
                    shares[instance]++;
                    left--;
                    dealt = true;
                }
            }

            if (!dealt)
            {
                break;
            }
        }

        return shares;
    }
}
