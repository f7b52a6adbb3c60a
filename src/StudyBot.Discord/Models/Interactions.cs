using System.Text.Json;

namespace StudyBot.Discord.Models;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public sealed record Interaction
{
    public Snowflake Id { get; init; }
    public Snowflake ApplicationId { get; init; }
    public InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public Snowflake? GuildId { get; init; }
    public Snowflake? ChannelId { get; init; }
    public GuildMember? Member { get; init; }
    /// <summary>Present in DMs; in guilds the user is inside <see cref="Member"/>.</summary>
    public User? User { get; init; }
    public string Token { get; init; } = "";
    public int Version { get; init; } = 1;
    public Message? Message { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    /// <summary>The app's computed permissions in the interaction's channel (channel overwrites included), a decimal bit set.</summary>
    public string? AppPermissions { get; init; }
    /// <summary>The channel the interaction came from (partial: id, type, name, guild id).</summary>
    public Channel? Channel { get; init; }

    /// <summary>The user who acted, wherever the interaction happened.</summary>
    public User? Invoker => Member?.User ?? User;

    // The interaction token is a credential for 15 minutes: keep it out of logs.
    public override string ToString() => $"Interaction {{ Id = {Id}, Type = {Type}, GuildId = {GuildId}, ChannelId = {ChannelId}, Invoker = {Invoker?.Id} }}";
}

/// <summary>The <c>data</c> of an interaction; which fields are set depends on the interaction type.</summary>
public sealed record InteractionData
{
    // application command and autocomplete
    public Snowflake? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public ResolvedData? Resolved { get; init; }
    public Snowflake? GuildId { get; init; }
    public Snowflake? TargetId { get; init; }

    // message component and modal submit
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
}

public sealed record InteractionOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }
    /// <summary>String, integer, number or boolean, as Discord sent it.</summary>
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

public sealed record ResolvedData
{
    public IReadOnlyDictionary<Snowflake, User>? Users { get; init; }
    public IReadOnlyDictionary<Snowflake, GuildMember>? Members { get; init; }
    public IReadOnlyDictionary<Snowflake, Channel>? Channels { get; init; }
    /// <summary>Roles as Discord sent them (a role object carries no guild id: Discord resolves only the interaction's guild's roles).</summary>
    public IReadOnlyDictionary<Snowflake, JsonElement>? Roles { get; init; }
    public IReadOnlyDictionary<Snowflake, Message>? Messages { get; init; }
    public IReadOnlyDictionary<Snowflake, Attachment>? Attachments { get; init; }
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>Body of POST /interactions/{id}/{token}/callback (and of an HTTP-endpoint answer).</summary>
public sealed record InteractionResponse
{
    public InteractionCallbackType Type { get; init; }
    public InteractionCallbackData? Data { get; init; }

    public static InteractionResponse Pong { get; } = new() { Type = InteractionCallbackType.Pong };
}

/// <summary>
/// Callback data: the message fields for types 4 and 7 (flags alone for 5), <see cref="Choices"/> for 8,
/// <see cref="CustomId"/>/<see cref="Title"/>/<see cref="MessagePayload.Components"/> for 9.
/// </summary>
public sealed record InteractionCallbackData : MessagePayload
{
    public InteractionCallbackData()
    {
    }

    private InteractionCallbackData(MessagePayload message)
        : base(message)
    {
    }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }

    public static InteractionCallbackData FromMessage(MessagePayload message) => new(message);
}
