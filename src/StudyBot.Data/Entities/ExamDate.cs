namespace StudyBot.Data.Entities;

/// <summary>
/// An exam in one guild's deck, set by an instructor: before it, answers in the deck are scheduled
/// for the exam (recall at the exam at least the student's target); a deck may have several.
/// </summary>
public sealed class ExamDate
{
    public long Id { get; set; }
    /// <summary>The guild the deck belongs to: every read is scoped to it.</summary>
    public ulong GuildId { get; set; }
    public int DeckId { get; set; }
    /// <summary>The exam's start.</summary>
    public DateTime AtUtc { get; set; }
    /// <summary>The instructor who set it.</summary>
    public ulong SetByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
