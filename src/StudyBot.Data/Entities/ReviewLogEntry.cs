using StudyBot.Core.Scheduling;

namespace StudyBot.Data.Entities;

/// <summary>Whether a log entry records an answer or the undoing of one.</summary>
public enum ReviewKind : byte
{
    Answer = 0,
    Undo = 1,
}

/// <summary>Where an answer was given.</summary>
public enum ReviewSource : byte
{
    Review = 0,
    Quiz = 1,
    /// <summary>"I was right": the student counted a typed answer graded wrong as Good (the wrong grade is undone first).</summary>
    Override = 2,
}

/// <summary>
/// One line of the append-only review log: the source of truth from which every card state can be
/// recomputed. Never updated or deleted. An undo is a new entry whose <see cref="After"/> is the
/// undone entry's <see cref="Before"/>.
/// </summary>
public sealed class ReviewLogEntry
{
    public long Id { get; set; }
    public ulong UserId { get; set; }
    public int CardId { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewSource Source { get; set; }
    /// <summary>Null for an undo.</summary>
    public Rating? Rating { get; set; }
    public string? AnswerText { get; set; }
    /// <summary>What the student was told (a near miss, the expected answer, a leech warning).</summary>
    public string? Note { get; set; }
    public int ResponseTimeMs { get; set; }
    /// <summary>The Discord interaction that caused this entry: unique, which makes a double click harmless.</summary>
    public required string InteractionId { get; set; }
    public DateTime ReviewedUtc { get; set; }
    /// <summary>The retention the schedule was computed for, so a replay after a settings change agrees.</summary>
    public double DesiredRetention { get; set; }
    /// <summary>The fit whose weights scheduled this answer; null for the default weights.</summary>
    public long? FsrsFitId { get; set; }
    /// <summary>The exam this answer was scheduled for (the deck's next exam then); null when none was ahead.</summary>
    public DateTime? ExamUtc { get; set; }
    /// <summary>The recall the answer aimed at for that exam; null when no exam was ahead.</summary>
    public double? ExamTarget { get; set; }
    /// <summary>
    /// The version of the exam rule that scheduled this answer (<see cref="Core.Scheduling.Exam.ExamRule"/>);
    /// null when no exam was ahead. Answers logged before the version was kept were scheduled under rule 1.
    /// </summary>
    public int? ExamRule { get; set; }
    /// <summary>For an undo: the entry it undoes.</summary>
    public long? UndoesId { get; set; }
    public CardMemory Before { get; set; } = new();
    public CardMemory After { get; set; } = new();
}
