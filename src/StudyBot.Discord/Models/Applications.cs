namespace StudyBot.Discord.Models;

/// <summary>The bot's own application, from GET /applications/@me (the fields StudyBot reads).</summary>
public sealed record Application
{
    public Snowflake Id { get; init; }
    public string Name { get; init; } = "";
    public User? Bot { get; init; }
    public bool? BotPublic { get; init; }
    /// <summary>The user who owns the application (absent for an application owned by a team).</summary>
    public User? Owner { get; init; }
}
