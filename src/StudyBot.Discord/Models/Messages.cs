namespace StudyBot.Discord.Models;

[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
}

public sealed record Message
{
    public Snowflake Id { get; init; }
    public Snowflake ChannelId { get; init; }
    public Snowflake? GuildId { get; init; }
    public User? Author { get; init; }
    public string Content { get; init; } = "";
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? EditedTimestamp { get; init; }
    public IReadOnlyList<Embed> Embeds { get; init; } = [];
    public IReadOnlyList<Component>? Components { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }
    public Snowflake? WebhookId { get; init; }
    public Snowflake? ApplicationId { get; init; }
}

public sealed record Attachment
{
    public Snowflake Id { get; init; }
    public string Filename { get; init; } = "";
    public string? Description { get; init; }
    public string? ContentType { get; init; }
    public long Size { get; init; }
    public string Url { get; init; } = "";
    public string? ProxyUrl { get; init; }
}

/// <summary>
/// A file reference inside a message body; <see cref="Id"/> is the index n of the form part files[n],
/// written as a string because the API types attachment ids as snowflakes.
/// </summary>
public sealed record AttachmentReference
{
    public string Id { get; init; } = "";
    public string Filename { get; init; } = "";
    public string? Description { get; init; }
}

public sealed record AllowedMentions
{
    public IReadOnlyList<string> Parse { get; init; } = [];
    public IReadOnlyList<Snowflake>? Users { get; init; }
    public IReadOnlyList<Snowflake>? Roles { get; init; }
    public bool? RepliedUser { get; init; }
}

/// <summary>
/// The body that creates or edits a message: POST/PATCH channel messages, interaction callback
/// data (types 4 and 7), webhook follow-ups and @original edits all share it.
/// </summary>
public record MessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }
    public bool? Tts { get; init; }
}
