namespace StudyBot.Discord.Models;

public sealed record User
{
    public Snowflake Id { get; init; }
    public string Username { get; init; } = "";
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }
}

public sealed record GuildMember
{
    public User? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<Snowflake> Roles { get; init; } = [];
    /// <summary>Permission bit set as a decimal string (only present on interaction members).</summary>
    public string? Permissions { get; init; }
    public DateTimeOffset? JoinedAt { get; init; }
}

public sealed record Channel
{
    public Snowflake Id { get; init; }
    public ChannelType Type { get; init; }
    public Snowflake? GuildId { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<User>? Recipients { get; init; }
    /// <summary>In an interaction's resolved channels: the invoking member's permissions there.</summary>
    public string? Permissions { get; init; }
    /// <summary>In an interaction's resolved channels: the app's own permissions there (when the bot is in the guild).</summary>
    public string? AppPermissions { get; init; }
}

public enum ChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    AnnouncementThread = 10,
    PublicThread = 11,
    PrivateThread = 12,
    GuildForum = 15,
}

public sealed record UnavailableGuild
{
    public Snowflake Id { get; init; }
    public bool? Unavailable { get; init; }
}

public sealed record Guild
{
    public Snowflake Id { get; init; }
    public string? Name { get; init; }
    public bool? Unavailable { get; init; }
    public IReadOnlyList<Channel>? Channels { get; init; }
}

/// <summary>Body of POST /users/@me/channels.</summary>
public sealed record CreateDmRequest
{
    public Snowflake RecipientId { get; init; }
}
