using System.Globalization;
using System.Text.Json;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// What a handler sees: the interaction, its parsed command path and options, the custom_id
/// remainder after the matched prefix, this interaction's own DI scope and the responder.
/// </summary>
public sealed class InteractionContext
{
    public InteractionContext(Interaction interaction, IServiceProvider services, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        Interaction = interaction;
        Services = services;
        Responder = responder;
        CancellationToken = cancellationToken;
        (CommandPath, Options) = Flatten(interaction.Data);
    }

    public Interaction Interaction { get; }

    /// <summary>Services of this interaction's scope: a scoped DbContext lives exactly as long as the interaction.</summary>
    public IServiceProvider Services { get; }

    public IInteractionResponder Responder { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The acting user (member.user in guilds, user in DMs).</summary>
    public User User => Interaction.Invoker ?? throw new InvalidOperationException($"Interaction {Interaction.Id} carries no user.");

    /// <summary>Command name plus subcommand group and subcommand, space-separated: <c>deck upload</c>.</summary>
    public string? CommandPath { get; }

    /// <summary>The options of the innermost subcommand (or of the command itself).</summary>
    public IReadOnlyList<InteractionOption> Options { get; }

    public string? CustomId => Interaction.Data?.CustomId;

    /// <summary>The part of the custom_id after the prefix the route matched (e.g. <c>42:good</c> for <c>review:answer:42:good</c>).</summary>
    public string CustomIdArgument { get; internal set; } = "";

    /// <summary>The route the router matched; set before gates, observers and the handler run.</summary>
    public InteractionRoute? Route { get; internal set; }

    /// <summary>
    /// The custom_id read as <paramref name="kind"/>. One that does not read (an older layout, a forged
    /// id) is a stale prompt: the router logs the id and the layout it expected, and tells the user the
    /// prompt has expired.
    /// </summary>
    public T ReadCustomId<T>(ICustomIdKind<T> kind)
        where T : class
        => kind.TryParse(CustomIdArgument, out var value)
            ? value
            : throw new InteractionExpiredException($"unreadable custom_id '{CustomId}': expected {kind}");

    /// <summary>Values chosen in a select menu.</summary>
    public IReadOnlyList<string> Values => Interaction.Data?.Values ?? [];

    /// <summary>The option being typed in an autocomplete interaction.</summary>
    public InteractionOption? FocusedOption => Options.FirstOrDefault(o => o.Focused == true);

    public InteractionOption? GetOption(string name) => Options.FirstOrDefault(o => o.Name == name);

    public string? GetString(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public long? GetInteger(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;

    public double? GetNumber(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public bool? GetBoolean(string name) => GetOption(name)?.Value is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>User, channel, role and mentionable options carry an id.</summary>
    public Snowflake? GetId(string name) => Snowflake.TryParse(GetOption(name)?.Value?.ToString(), out var id) ? id : null;

    /// <summary>An attachment option, looked up in <c>data.resolved.attachments</c>.</summary>
    public Attachment? GetAttachment(string name)
    {
        var id = GetId(name);
        return id is { } key && Interaction.Data?.Resolved?.Attachments?.TryGetValue(key, out var attachment) == true ? attachment : null;
    }

    /// <summary>The value a user typed into a modal's text input.</summary>
    public string? GetModalValue(string customId)
        => (Interaction.Data?.Components ?? [])
            .SelectMany(row => row.Components ?? [row])
            .FirstOrDefault(c => c.CustomId == customId)?.Value;

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Interaction.Type} {CommandPath ?? CustomId} by {Interaction.Invoker?.Id}");

    private static (string? Path, IReadOnlyList<InteractionOption> Options) Flatten(InteractionData? data)
    {
        if (data?.Name is not { } name)
        {
            return (null, []);
        }

        var path = name;
        var options = data.Options ?? [];
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } sub])
        {
            path += " " + sub.Name;
            options = sub.Options ?? [];
        }

        return (path, options);
    }
}
