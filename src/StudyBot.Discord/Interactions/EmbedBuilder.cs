using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>Builds an embed; <see cref="Build"/> refuses one beyond Discord's limits, naming the field.</summary>
public sealed class EmbedBuilder
{
    private readonly List<EmbedField> _fields = [];
    private Embed _embed = new();

    public EmbedBuilder WithTitle(string title) => Set(_embed with { Title = title });

    public EmbedBuilder WithDescription(string description) => Set(_embed with { Description = description });

    public EmbedBuilder WithUrl(string url) => Set(_embed with { Url = url });

    public EmbedBuilder WithColor(int rgb) => Set(_embed with { Color = rgb & 0xFFFFFF });

    public EmbedBuilder WithTimestamp(DateTimeOffset timestamp) => Set(_embed with { Timestamp = timestamp });

    public EmbedBuilder WithFooter(string text, string? iconUrl = null) => Set(_embed with { Footer = new EmbedFooter { Text = text, IconUrl = iconUrl } });

    public EmbedBuilder WithAuthor(string name, string? url = null, string? iconUrl = null) => Set(_embed with { Author = new EmbedAuthor { Name = name, Url = url, IconUrl = iconUrl } });

    public EmbedBuilder WithThumbnail(string url) => Set(_embed with { Thumbnail = new EmbedMedia { Url = url } });

    /// <summary>A URL, or attachment://name for a file sent with the same message.</summary>
    public EmbedBuilder WithImage(string url) => Set(_embed with { Image = new EmbedMedia { Url = url } });

    public EmbedBuilder AddField(string name, string value, bool inline = false)
    {
        _fields.Add(new EmbedField { Name = name, Value = value, Inline = inline ? true : null });
        return this;
    }

    /// <summary>Adds the field only when <paramref name="condition"/> holds (its value is made only then).</summary>
    public EmbedBuilder AddFieldIf(bool condition, string name, Func<string> value, bool inline = false) =>
        condition ? AddField(name, value(), inline) : this;

    public Embed Build()
    {
        var embed = _embed with { Fields = _fields.Count == 0 ? null : _fields.ToList() };
        DiscordLimits.CheckEmbed(embed);
        return embed;
    }

    private EmbedBuilder Set(Embed embed)
    {
        _embed = embed;
        return this;
    }
}
