using StudyBot.Core.Scheduling;

namespace StudyBot.Data.Entities;

/// <summary>A question posted to a guild channel for everyone to answer before a deadline.</summary>
public sealed class Quiz
{
    public long Id { get; set; }
    public ulong GuildId { get; set; }
    public ulong ChannelId { get; set; }
    public ulong? MessageId { get; set; }
    public int CardId { get; set; }
    /// <summary>
    /// A basic card asked as multiple choice: its choices as a JSON array of texts, the right answer
    /// first (shown shuffled); null when the card is asked in its own form (a basic card: typed).
    /// </summary>
    public string? Choices { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime ClosesUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    /// <summary>The session this question belongs to; null for a question of the day.</summary>
    public long? SessionId { get; set; }
    /// <summary>The question's place in its session (0-based).</summary>
    public int Position { get; set; }
    /// <summary>A question of the day: it stays open until the next one is posted.</summary>
    public bool Daily { get; set; }
    /// <summary>Not posted: its whole time passed while the bot was offline, or the session was stopped first.</summary>
    public bool Skipped { get; set; }
    public List<QuizAnswer> Answers { get; set; } = [];
}

/// <summary>One member's answer to a channel quiz (one per member).</summary>
public sealed class QuizAnswer
{
    public long Id { get; set; }
    public long QuizId { get; set; }
    public ulong UserId { get; set; }
    public required string AnswerText { get; set; }
    public Rating Rating { get; set; }
    public DateTime AnsweredUtc { get; set; }
    public required string InteractionId { get; set; }
}
