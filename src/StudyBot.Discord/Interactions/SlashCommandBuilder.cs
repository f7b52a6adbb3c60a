using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>Builds a slash command definition; <see cref="Build"/> checks names, lengths and counts.</summary>
public sealed class SlashCommandBuilder(string name, string description)
{
    private readonly OptionListBuilder _options = new();
    private string? _defaultMemberPermissions;
    private IReadOnlyList<InteractionContextType>? _contexts;

    public SlashCommandBuilder AddOption(ApplicationCommandOptionType type, string name, string description, bool required = false, bool autocomplete = false, IReadOnlyList<ApplicationCommandOptionChoice>? choices = null, double? minValue = null, double? maxValue = null)
    {
        _options.Add(type, name, description, required, autocomplete, choices, minValue, maxValue);
        return this;
    }

    public SlashCommandBuilder AddSubcommand(string name, string description, Action<OptionListBuilder>? options = null)
    {
        _options.AddSubcommand(name, description, options);
        return this;
    }

    public SlashCommandBuilder AddSubcommandGroup(string name, string description, Action<OptionListBuilder> subcommands)
    {
        var group = new OptionListBuilder();
        subcommands(group);
        _options.Items.Add(new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommandGroup, Name = name, Description = description, Options = group.Items.ToList() });
        return this;
    }

    /// <summary>"0" shows the command only to administrators until a server grants it.</summary>
    public SlashCommandBuilder WithDefaultMemberPermissions(string permissions)
    {
        _defaultMemberPermissions = permissions;
        return this;
    }

    public SlashCommandBuilder WithContexts(params InteractionContextType[] contexts)
    {
        _contexts = contexts;
        return this;
    }

    public ApplicationCommand Build()
    {
        var command = new ApplicationCommand
        {
            Type = ApplicationCommandType.ChatInput,
            Name = name,
            Description = description,
            Options = _options.Items.Count == 0 ? null : _options.Items.ToList(),
            DefaultMemberPermissions = _defaultMemberPermissions,
            Contexts = _contexts,
        };
        DiscordLimits.CheckCommand(command, $"command '{name}'");
        return command;
    }
}

/// <summary>The options of a command or subcommand.</summary>
public sealed class OptionListBuilder
{
    internal List<ApplicationCommandOption> Items { get; } = [];

    public OptionListBuilder Add(ApplicationCommandOptionType type, string name, string description, bool required = false, bool autocomplete = false, IReadOnlyList<ApplicationCommandOptionChoice>? choices = null, double? minValue = null, double? maxValue = null)
    {
        Items.Add(new ApplicationCommandOption
        {
            Type = type,
            Name = name,
            Description = description,
            Required = required ? true : null,
            Autocomplete = autocomplete ? true : null,
            Choices = choices,
            MinValue = minValue,
            MaxValue = maxValue,
        });
        return this;
    }

    public OptionListBuilder AddString(string name, string description, bool required = false, bool autocomplete = false, IReadOnlyList<ApplicationCommandOptionChoice>? choices = null)
        => Add(ApplicationCommandOptionType.String, name, description, required, autocomplete, choices);

    public OptionListBuilder AddInteger(string name, string description, bool required = false, double? minValue = null, double? maxValue = null)
        => Add(ApplicationCommandOptionType.Integer, name, description, required, minValue: minValue, maxValue: maxValue);

    /// <summary>A channel picker limited to <paramref name="types"/> (all types when none are given).</summary>
    public OptionListBuilder AddChannel(string name, string description, bool required = false, params ChannelType[] types)
    {
        Add(ApplicationCommandOptionType.Channel, name, description, required);
        if (types.Length > 0)
        {
            Items[^1] = Items[^1] with { ChannelTypes = types };
        }

        return this;
    }

    public OptionListBuilder AddAttachment(string name, string description, bool required = false)
        => Add(ApplicationCommandOptionType.Attachment, name, description, required);

    public OptionListBuilder AddSubcommand(string name, string description, Action<OptionListBuilder>? options = null)
    {
        var inner = new OptionListBuilder();
        options?.Invoke(inner);
        Items.Add(new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = name, Description = description, Options = inner.Items.Count == 0 ? null : inner.Items.ToList() });
        return this;
    }
}
