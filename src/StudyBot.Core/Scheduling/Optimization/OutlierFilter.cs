namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>
/// The reference's outlier filter. Items with exactly one long-term review are grouped by first
/// grade and delta_t; per grade, the smallest groups (about 5 %, at least 20 items) are dropped, and
/// so are groups of fewer than 6 items or beyond 100 days (365 for Easy). Every item whose first
/// grade and first long-term delta_t fall in a dropped group leaves the training set too.
/// </summary>
internal static class OutlierFilter
{
    private const int MinimumRemoved = 20;
    private const int MinimumGroupSize = 6;
    private const int MaximumDeltaT = 100;
    private const int MaximumEasyDeltaT = 365;

    /// <summary>The pre-training set (kept one-long-term-review items, grouped) and the training set (surviving items, input order).</summary>
    public static (List<FsrsItem> PreTraining, List<FsrsItem> Training) ForTraining(IReadOnlyList<FsrsItem> items)
    {
        var (kept, removed) = Analyse(items);
        var training = new List<FsrsItem>(items.Count);
        foreach (var item in items)
        {
            if (Survives(item, removed))
            {
                training.Add(item);
            }
        }
        return (kept, training);
    }

    /// <summary>
    /// The order the reference's Node binding evaluates in: kept one-long-term-review items (by grade,
    /// then group size and delta_t), then the surviving items with another number of long-term reviews.
    /// </summary>
    public static List<FsrsItem> ForEvaluation(IReadOnlyList<FsrsItem> items)
    {
        var (kept, removed) = Analyse(items);
        foreach (var item in items)
        {
            if (item.LongTermReviewCount != 1 && Survives(item, removed))
            {
                kept.Add(item);
            }
        }
        return kept;
    }

    private static bool Survives(FsrsItem item, HashSet<(int Rating, int DeltaT)> removed) =>
        item.LongTermReviewCount == 0 || !removed.Contains((item.FirstRating, item.FirstLongTermDeltaT));

    private static (List<FsrsItem> Kept, HashSet<(int Rating, int DeltaT)> Removed) Analyse(IReadOnlyList<FsrsItem> items)
    {
        var groups = new SortedDictionary<int, Dictionary<int, List<FsrsItem>>>();
        foreach (var item in items)
        {
            if (item.LongTermReviewCount != 1)
            {
                continue;
            }
            if (!groups.TryGetValue(item.FirstRating, out var byDelta))
            {
                byDelta = [];
                groups.Add(item.FirstRating, byDelta);
            }
            if (!byDelta.TryGetValue(item.FirstLongTermDeltaT, out var group))
            {
                group = [];
                byDelta.Add(item.FirstLongTermDeltaT, group);
            }
            group.Add(item);
        }
        var kept = new List<FsrsItem>();
        var removed = new HashSet<(int, int)>();
        foreach (var (rating, byDelta) in groups)
        {
            var subGroups = byDelta.OrderBy(g => g.Value.Count).ThenBy(g => g.Key).ToList();
            var total = subGroups.Sum(g => g.Value.Count);
            var threshold = Math.Max(MinimumRemoved, total / 20);
            var removedSoFar = 0;
            foreach (var (deltaT, group) in subGroups)
            {
                if (removedSoFar + group.Count < threshold)
                {
                    removedSoFar += group.Count;
                    removed.Add((rating, deltaT));
                }
                else if (group.Count >= MinimumGroupSize && deltaT <= (rating == 4 ? MaximumEasyDeltaT : MaximumDeltaT))
                {
                    kept.AddRange(group);
                }
                else
                {
                    removed.Add((rating, deltaT));
                }
            }
        }
        return (kept, removed);
    }
}
