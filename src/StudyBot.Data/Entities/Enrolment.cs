namespace StudyBot.Data.Entities;

/// <summary>A student studying a deck: its cards enter the student's queue.</summary>
public sealed class Enrolment
{
    public int Id { get; set; }
    public ulong UserId { get; set; }
    public int DeckId { get; set; }
    public DateTime EnrolledUtc { get; set; }
}
