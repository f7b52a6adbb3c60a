namespace StudyBot.Data.Entities;

/// <summary>
/// A run of timed questions in one guild channel, drawn from one deck. Its questions are planned at
/// start (one <see cref="Quiz"/> row each, back to back), so after a restart the remaining ones
/// still open and close at their planned times.
/// </summary>
public sealed class QuizSession
{
    public long Id { get; set; }
    public ulong GuildId { get; set; }
    public ulong ChannelId { get; set; }
    /// <summary>The deck's database id (not its key: keys are unique within a guild only).</summary>
    public int DeckId { get; set; }
    public ulong StartedBy { get; set; }
    public int SecondsPerQuestion { get; set; }
    public DateTime StartedUtc { get; set; }
    /// <summary>When the scoreboard was posted: after the last question, or at <c>/quiz stop</c>.</summary>
    public DateTime? EndedUtc { get; set; }
    public bool Stopped { get; set; }
    public ulong? ScoreboardMessageId { get; set; }
    public List<Quiz> Questions { get; set; } = [];
}

/// <summary>A guild's question of the day: posted every day at a local time in one channel.</summary>
public sealed class DailyQuestion
{
    public ulong GuildId { get; set; }
    public ulong ChannelId { get; set; }
    /// <summary>Minutes after local midnight, in the time zone named by <see cref="TimeZone"/>.</summary>
    public int LocalMinute { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>The deck to draw from (database id); null: every deck the guild can use.</summary>
    public int? DeckId { get; set; }
    /// <summary>Basic (front/back) cards are asked as typed questions rather than as multiple choice.</summary>
    public bool BasicAsTyped { get; set; }
    public ulong SetBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
