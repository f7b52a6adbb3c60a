namespace StudyBot.Data.Entities;

/// <summary>A Discord server using StudyBot.</summary>
public sealed class Guild
{
    public ulong Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; set; }
    public GuildSettings? Settings { get; set; }
}

/// <summary>What an administrator configured for one guild.</summary>
public sealed class GuildSettings
{
    public ulong GuildId { get; set; }
    /// <summary>Members with this role may upload decks and run quizzes.</summary>
    public ulong? InstructorRoleId { get; set; }
    /// <summary>Where channel quizzes are posted.</summary>
    public ulong? StudyChannelId { get; set; }
}
