using System.Diagnostics;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// How long reading one deck may take. Readers call <see cref="Check"/> in their loops; past the
/// budget (or when the caller gives up) the read stops with <see cref="DeckReadCancelledException"/>,
/// which the loader turns into one problem naming where the reader was.
/// </summary>
public sealed class ReadBudget
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationToken _cancellation;

    public ReadBudget(TimeSpan limit, CancellationToken cancellation = default)
    {
        Limit = limit;
        _cancellation = cancellation;
    }

    public static ReadBudget Unlimited { get; } = new(Timeout.InfiniteTimeSpan);

    public TimeSpan Limit { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public bool IsSpent => _cancellation.IsCancellationRequested || (Limit != Timeout.InfiniteTimeSpan && Elapsed > Limit);

    /// <summary>Stops the read when the budget is spent; <paramref name="at"/> says where it was.</summary>
    public void Check(SourcePosition at)
    {
        if (IsSpent)
        {
            throw new DeckReadCancelledException(at, _cancellation.IsCancellationRequested);
        }
    }
}

/// <summary>Reading stopped: the time budget was spent, or the caller cancelled.</summary>
public sealed class DeckReadCancelledException(SourcePosition at, bool cancelled)
    : Exception(cancelled ? "reading the deck was cancelled" : "reading the deck took too long")
{
    public SourcePosition At { get; } = at;

    public bool Cancelled { get; } = cancelled;
}
