namespace StudyBot.Data.Entities;

/// <summary>
/// One student's answers on one deck on one UTC day, summed when the review log's entries of that
/// day passed the retention (<c>Privacy:ReviewLogRetentionDays</c>) and were deleted: the all-time
/// counts and streaks still see them. Undone answers are not counted.
/// </summary>
public sealed class ReviewDay
{
    public ulong UserId { get; set; }
    public int DeckId { get; set; }
    public DateOnly Day { get; set; }
    public int Answers { get; set; }
    /// <summary>Of <see cref="Answers"/>, those rated Again.</summary>
    public int Again { get; set; }
    /// <summary>Answers to cards in review (mature) before the answer, and of those, the ones rated Again.</summary>
    public int MatureAnswers { get; set; }
    public int MatureAgain { get; set; }
    /// <summary>The day's first and last answer: a UTC day meets at most two study days, so the streak sees each one it touched.</summary>
    public DateTime FirstUtc { get; set; }
    public DateTime LastUtc { get; set; }
}

/// <summary>
/// Where the retention cut a student's review log of one card: the entries before it were deleted
/// (summed into <see cref="ReviewDay"/>), so db verify replays this card from the first entry left,
/// whose state before is the last deleted entry's state after.
/// </summary>
public sealed class ReviewLogCut
{
    public ulong UserId { get; set; }
    public int CardId { get; set; }
    /// <summary>How many entries of this card were deleted, in all cuts.</summary>
    public int Entries { get; set; }
    public DateTime CutUtc { get; set; }
}
