using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>Builds a message body; <see cref="Build"/> refuses anything Discord would reject, naming the field.</summary>
public sealed class MessageBuilder
{
    private readonly List<Embed> _embeds = [];
    private readonly List<Component> _rows = [];
    private string? _content;
    private MessageFlags _flags;
    private bool _allowMentions;

    public MessageBuilder WithContent(string content)
    {
        _content = content;
        return this;
    }

    public MessageBuilder AddEmbed(Embed embed)
    {
        _embeds.Add(embed);
        return this;
    }

    public MessageBuilder AddEmbed(Action<EmbedBuilder> build)
    {
        var builder = new EmbedBuilder();
        build(builder);
        return AddEmbed(builder.Build());
    }

    public MessageBuilder AddActionRow(Action<ActionRowBuilder> build)
    {
        var row = new ActionRowBuilder();
        build(row);
        _rows.Add(row.Build());
        return this;
    }

    /// <summary>Only the invoking user sees the message (interaction replies only).</summary>
    public MessageBuilder Ephemeral(bool ephemeral = true)
    {
        _flags = ephemeral ? _flags | MessageFlags.Ephemeral : _flags & ~MessageFlags.Ephemeral;
        return this;
    }

    /// <summary>By default nothing in the text pings anyone; call this to let mentions notify.</summary>
    public MessageBuilder AllowMentions()
    {
        _allowMentions = true;
        return this;
    }

    public MessagePayload Build()
    {
        var message = new MessagePayload
        {
            Content = _content,
            Embeds = _embeds.Count == 0 ? null : _embeds.ToList(),
            Components = _rows.Count == 0 ? null : _rows.ToList(),
            Flags = _flags == MessageFlags.None ? null : _flags,
            AllowedMentions = _allowMentions ? null : new AllowedMentions(),
        };
        if (string.IsNullOrEmpty(_content) && _embeds.Count == 0 && _rows.Count == 0)
        {
            throw new Rest.DiscordLimitException("message", "a message needs content, an embed or components.");
        }

        DiscordLimits.CheckMessage(message);
        return message;
    }
}
