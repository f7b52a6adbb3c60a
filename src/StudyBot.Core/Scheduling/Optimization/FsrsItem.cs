namespace StudyBot.Core.Scheduling.Optimization;

/// <summary>One review as the optimizer sees it: a grade and the whole UTC days since the previous review (0 for the first).</summary>
public readonly record struct FsrsReview(int Rating, int DeltaT);

/// <summary>
/// A training item: every review of one card up to and including the one to predict (the last).
/// Items of one card share the card's review array; an item is a prefix of it.
/// </summary>
public sealed class FsrsItem
{
    private readonly FsrsReview[] _reviews;

    public FsrsItem(FsrsReview[] reviews, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, reviews.Length);
        _reviews = reviews;
        Length = length;
        var firstLongTerm = -1;
        var longTerm = 0;
        for (var i = 0; i < length; i++)
        {
            if (reviews[i].DeltaT > 0)
            {
                longTerm++;
                if (firstLongTerm < 0)
                {
                    firstLongTerm = i;
                }
            }
        }
        LongTermReviewCount = longTerm;
        FirstLongTermDeltaT = firstLongTerm < 0 ? 0 : reviews[firstLongTerm].DeltaT;
    }

    public FsrsItem(IReadOnlyList<FsrsReview> reviews)
        : this([.. reviews], reviews.Count)
    {
    }

    /// <summary>The number of reviews, the one to predict included.</summary>
    public int Length { get; }

    public ReadOnlySpan<FsrsReview> Reviews => _reviews.AsSpan(0, Length);

    /// <summary>The review to predict.</summary>
    public FsrsReview Current => _reviews[Length - 1];

    public int FirstRating => _reviews[0].Rating;

    /// <summary>1 when the review to predict was recalled (Hard, Good or Easy), 0 for Again.</summary>
    public int Label => Current.Rating > 1 ? 1 : 0;

    /// <summary>Reviews on a later day than the one before (delta_t &gt; 0), the current one included.</summary>
    public int LongTermReviewCount { get; }

    /// <summary>The delta_t of the first review with delta_t &gt; 0 (0 when there is none).</summary>
    public int FirstLongTermDeltaT { get; }
}
