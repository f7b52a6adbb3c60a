namespace StudyBot.Core.Scheduling.Replay;

/// <summary>One answer in a review log: a grade at an instant (UTC).</summary>
public readonly record struct ReviewEntry(Rating Rating, DateTime Time);

/// <summary>
/// One card's review log. <see cref="CardId"/> is the id exactly as the log wrote it (a JSON number
/// or string), so results carry the same id back.
/// </summary>
public sealed record ReviewHistory(string CardId, IReadOnlyList<ReviewEntry> Reviews)
{
    /// <exception cref="ReviewHistoryException">A review is earlier than the one before; the message names card and review.</exception>
    public void CheckTimeOrder()
    {
        for (var i = 1; i < Reviews.Count; i++)
        {
            if (Reviews[i].Time < Reviews[i - 1].Time)
            {
                throw new ReviewHistoryException(
                    $"card {CardId}, review {i}: time {FsrsReplay.FormatTime(Reviews[i].Time)} is before the previous review's {FsrsReplay.FormatTime(Reviews[i - 1].Time)}; reviews must be in time order.");
            }
        }
    }
}

/// <summary>The card after each review of one history.</summary>
public sealed record ReplayedCard(string CardId, IReadOnlyList<FsrsCard> Results);

/// <summary>A review log that cannot be replayed; the message names the card id and review index.</summary>
public sealed class ReviewHistoryException(string message) : Exception(message);
