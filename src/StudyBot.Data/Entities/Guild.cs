namespace StudyBot.Data.Entities;

/// <summary>A Discord server using StudyBot.</summary>
public sealed class Guild
{
    public ulong Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>When the essay decks were copied into this guild; null until its first use.</summary>
    public DateTime? EssayDecksAddedUtc { get; set; }
    /// <summary>When the bot was removed from the guild; null while it is there.</summary>
    public DateTime? LeftUtc { get; set; }
    public GuildSettings? Settings { get; set; }
}

/// <summary>What an administrator configured for one guild.</summary>
public sealed class GuildSettings
{
    public ulong GuildId { get; set; }
    /// <summary>Members with this role may upload decks and run quizzes.</summary>
    public ulong? InstructorRoleId { get; set; }
    /// <summary>Where channel quizzes, daily posts and notices are posted.</summary>
    public ulong? StudyChannelId { get; set; }
    /// <summary>IANA zone of the guild's daily posts; null means UTC.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>
/// A user seen in a guild (an interaction there). Which guilds a student shares with the bot, who
/// the class's students are, and whether they teach (instructors are not counted as students).
/// </summary>
public sealed class GuildMember
{
    public ulong GuildId { get; set; }
    public ulong UserId { get; set; }
    /// <summary>Whether the member could teach at their last interaction.</summary>
    public bool IsInstructor { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    /// <summary>When the member left the guild; null while they are in it.</summary>
    public DateTime? LeftUtc { get; set; }
}
