using StudyBot.Core.Scheduling.Replay;

namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>Training items made from review logs as the reference optimizer makes them from Anki's revlog.</summary>
public static class FsrsItems
{
    /// <summary>
    /// One item per review on a later UTC day than the card's previous review (same-day reviews stay
    /// in the history but are never predicted), ordered by the time of the predicted review; ties keep
    /// the input order. delta_t is the difference of the UTC calendar dates.
    /// </summary>
    /// <exception cref="ReviewHistoryException">A review goes back in time; the message names card and review.</exception>
    public static IReadOnlyList<FsrsItem> FromHistories(IReadOnlyList<ReviewHistory> histories)
    {
        var keyed = new List<(DateTime Time, FsrsItem Item)>();
        foreach (var history in histories)
        {
            var entries = history.Reviews;
            if (entries.Count == 0)
            {
                continue;
            }
            history.CheckTimeOrder();
            var reviews = new FsrsReview[entries.Count];
            var previousDay = DayNumber(entries[0].Time);
            reviews[0] = new FsrsReview((int)entries[0].Rating, 0);
            for (var i = 1; i < entries.Count; i++)
            {
                var day = DayNumber(entries[i].Time);
                reviews[i] = new FsrsReview((int)entries[i].Rating, day - previousDay);
                previousDay = day;
                if (reviews[i].DeltaT > 0)
                {
                    keyed.Add((entries[i].Time, new FsrsItem(reviews, i + 1)));
                }
            }
        }
        // List.Sort is not stable: order by time, then by position in the input.
        var order = new int[keyed.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) =>
        {
            var byTime = keyed[a].Time.CompareTo(keyed[b].Time);
            return byTime != 0 ? byTime : a.CompareTo(b);
        });
        var items = new FsrsItem[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            items[i] = keyed[order[i]].Item;
        }
        return items;
    }

    /// <summary>The number of reviews in the logs.</summary>
    public static int ReviewCount(IReadOnlyList<ReviewHistory> histories)
    {
        var count = 0;
        foreach (var history in histories)
        {
            count += history.Reviews.Count;
        }
        return count;
    }

    private static int DayNumber(DateTime utc) => DateOnly.FromDateTime(utc).DayNumber;
}
