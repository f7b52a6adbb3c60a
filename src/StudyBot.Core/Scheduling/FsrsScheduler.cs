namespace StudyBot.Core.Scheduling;

/// <summary>The four outcomes of answering a card now (the intervals shown on answer buttons).</summary>
public readonly record struct SchedulingPreview(FsrsCard Again, FsrsCard Hard, FsrsCard Good, FsrsCard Easy)
{
    public FsrsCard this[Rating rating] => rating switch
    {
        Rating.Again => Again,
        Rating.Hard => Hard,
        Rating.Good => Good,
        Rating.Easy => Easy,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Rating must be 1-4."),
    };
}

/// <summary>FSRS-6, agreeing with ts-fsrs 5.4.2. Time is always an argument.</summary>
public sealed class FsrsScheduler
{
    public FsrsScheduler(FsrsParameters? parameters = null) => Parameters = parameters ?? new FsrsParameters();

    public FsrsParameters Parameters { get; }

    // CONTRACT (implementation pending)
    public FsrsCard Next(in FsrsCard card, DateTime nowUtc, Rating rating) => throw new NotImplementedException();

    public SchedulingPreview Preview(in FsrsCard card, DateTime nowUtc) => throw new NotImplementedException();

    public double Retrievability(in FsrsCard card, DateTime nowUtc) => throw new NotImplementedException();
}
