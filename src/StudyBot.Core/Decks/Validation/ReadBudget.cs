using System.Diagnostics;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Decks.Validation;

/// <summary>
/// What reading one deck may cost: time, and work counted as it is done (characters read and
/// made, YAML nodes). Readers call <see cref="Check"/> inside their loops and charge their work
/// as they go; past the time (or when the caller gives up) the read stops with
/// <see cref="DeckReadCancelledException"/>, past a limit of work with
/// <see cref="DeckTooLargeException"/> naming what was too large, where, and what to change. The
/// loader turns either into one problem.
/// </summary>
public sealed class ReadBudget
{
    /// <summary>
    /// How far past <see cref="Limit"/> the wall clock may run while the process itself has not
    /// spent the limit in processor time: a machine busy with other work slows a read without
    /// the file being at fault, so the wall clock alone stops it only at this many times the limit.
    /// </summary>
    public const int WallClockBackstopFactor = 15;

    private static readonly long _processorRecheckTicks = Stopwatch.Frequency / 20;

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly ProcessorClock _processor = ProcessorClock.Start();
    private long _processorCheckedAt;
    private bool _processorSpent;
    private readonly CancellationToken _cancellation;
    private long _charactersRead;
    private long _charactersMade;
    private int _yamlNodes;

    public ReadBudget(TimeSpan limit, CancellationToken cancellation = default)
        : this(DeckLimits.Default with { TimeBudget = limit }, cancellation)
    {
    }

    public ReadBudget(DeckLimits limits, CancellationToken cancellation = default)
    {
        Limits = limits;
        _cancellation = cancellation;
    }

    public static ReadBudget Unlimited { get; } = new(Timeout.InfiniteTimeSpan);

    /// <summary>The limits of work this budget holds a read to (its time limit among them).</summary>
    public DeckLimits Limits { get; }

    public TimeSpan Limit => Limits.TimeBudget;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// True when the caller gave up, or the read has run past <see cref="Limit"/> both on the wall
    /// clock and in the processor time it spent itself since it began (so other programs on a busy
    /// machine, or other work of the bot, do not make a valid deck fail), or past <see cref="WallClockBackstopFactor"/>
    /// times the limit on the wall clock whatever the cause.
    /// </summary>
    public bool IsSpent
    {
        get
        {
            if (_cancellation.IsCancellationRequested)
            {
                return true;
            }

            if (Limit == Timeout.InfiniteTimeSpan)
            {
                return false;
            }

            var elapsed = Elapsed;
            if (elapsed <= Limit)
            {
                return false;
            }

            if (elapsed > Limit * WallClockBackstopFactor)
            {
                return true;
            }

            // Reading the process's processor time costs a system call: at most once every 50 ms.
            var now = Stopwatch.GetTimestamp();
            if (!_processorSpent && now - _processorCheckedAt >= _processorRecheckTicks)
            {
                _processorCheckedAt = now;
                _processorSpent = _processor.Spent() > Limit;
            }

            return _processorSpent;
        }
    }


    /// <summary>Stops the read when the budget is spent; <paramref name="at"/> says where it was.</summary>
    public void Check(SourcePosition at)
    {
        if (IsSpent)
        {
            throw new DeckReadCancelledException(at, _cancellation.IsCancellationRequested);
        }
    }

    /// <summary>Stops the read at once: <paramref name="message"/> says what is too large and what to change.</summary>
    public static void Refuse(SourcePosition at, string? cardId, string message) => throw new DeckTooLargeException(at, cardId, message);

    /// <summary>Counts the characters of one note (or row) as it is read; past the file's total the read stops.</summary>
    public void ChargeRead(long characters, SourcePosition at, string what)
    {
        _charactersRead += characters;
        if (_charactersRead > Limits.MaxTotalCharacters)
        {
            Refuse(at, null, $"the notes read so far hold more than {Limits.MaxTotalCharacters:N0} characters, up to and including {what}; a deck holds at most that many (2,000 a card for the largest deck): split the deck into several files.");
        }
    }

    /// <summary>Counts the characters of the cards made from a note; past the total the read stops.</summary>
    public void ChargeMade(long characters, SourcePosition at, string what)
    {
        _charactersMade += characters;
        if (_charactersMade > Limits.MaxTotalCharacters)
        {
            Refuse(at, null, $"the cards made so far hold more than {Limits.MaxTotalCharacters:N0} characters, up to and including those of {what} (each of a note's cards repeats the fields it does not show): split the deck, or remove fields its cards do not need.");
        }
    }

    /// <summary>Counts one YAML/JSON node (a value, key, list item or alias); past the limit the read stops.</summary>
    public void ChargeYamlNode(SourcePosition at)
    {
        if (++_yamlNodes > Limits.MaxYamlNodes)
        {
            Refuse(at, null, $"the file holds more than {Limits.MaxYamlNodes:N0} values, keys and list items (this is the first past the limit); a deck of {Limits.MaxCards:N0} cards needs far fewer: split the deck into several files.");
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

/// <summary>Reading stopped as soon as a limit of work was passed; the message names what and what to change.</summary>
public sealed class DeckTooLargeException(SourcePosition at, string? cardId, string message) : Exception(message)
{
    public SourcePosition At { get; } = at;

    public string? CardId { get; } = cardId;
}
