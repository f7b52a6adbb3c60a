using System.Text.Json;

namespace StudyBot.Discord.Models;

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>Where a command may be installed: to a server (guild install) or to a user's account.</summary>
public enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}

public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>A command definition as sent to (and returned by) the bulk-overwrite endpoints.</summary>
public sealed record ApplicationCommand
{
    public Snowflake? Id { get; init; }
    public Snowflake? ApplicationId { get; init; }
    public Snowflake? GuildId { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    /// <summary>Permission bit set as a decimal string; "0" hides the command from everyone but admins.</summary>
    public string? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
    public IReadOnlyList<ApplicationIntegrationType>? IntegrationTypes { get; init; }
    public bool? Nsfw { get; init; }
    public Snowflake? Version { get; init; }
}

public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Autocomplete { get; init; }
}

public sealed record ApplicationCommandOptionChoice
{
    public string Name { get; init; } = "";
    /// <summary>A string, integer or number, matching the option's type.</summary>
    public JsonElement Value { get; init; }

    public static ApplicationCommandOptionChoice Of(string name, string value)
        => new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandOptionChoice Of(string name, long value)
        => new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };

    public static ApplicationCommandOptionChoice Of(string name, double value)
        => new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Double) };
}
