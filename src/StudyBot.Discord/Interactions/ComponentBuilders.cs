using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>One action row: up to five buttons, or one select menu. Limits are checked when the message is built.</summary>
public sealed class ActionRowBuilder
{
    private readonly List<Component> _items = [];

    public ActionRowBuilder AddButton(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false, Emoji? emoji = null)
    {
        if (style == ButtonStyle.Link)
        {
            throw new ArgumentException("Use AddLinkButton for link buttons: they carry a url, not a custom_id.", nameof(style));
        }

        _items.Add(new Component { Type = ComponentType.Button, CustomId = customId, Label = label, Style = (int)style, Disabled = disabled ? true : null, Emoji = emoji });
        return this;
    }

    public ActionRowBuilder AddLinkButton(string url, string label)
    {
        _items.Add(new Component { Type = ComponentType.Button, Url = url, Label = label, Style = (int)ButtonStyle.Link });
        return this;
    }

    public ActionRowBuilder AddSelect(SelectMenuBuilder select)
    {
        _items.Add(select.Build());
        return this;
    }

    public Component Build() => new() { Type = ComponentType.ActionRow, Components = _items.ToList() };
}

/// <summary>A string select menu.</summary>
public sealed class SelectMenuBuilder(string customId)
{
    private readonly List<SelectOption> _options = [];
    private string? _placeholder;
    private int? _min;
    private int? _max;
    private bool _disabled;

    public SelectMenuBuilder WithPlaceholder(string placeholder)
    {
        _placeholder = placeholder;
        return this;
    }

    public SelectMenuBuilder WithValueCount(int min, int max)
    {
        (_min, _max) = (min, max);
        return this;
    }

    public SelectMenuBuilder Disabled(bool disabled = true)
    {
        _disabled = disabled;
        return this;
    }

    public SelectMenuBuilder AddOption(string label, string value, string? description = null, bool isDefault = false)
    {
        _options.Add(new SelectOption { Label = label, Value = value, Description = description, Default = isDefault ? true : null });
        return this;
    }

    public Component Build() => new()
    {
        Type = ComponentType.StringSelect,
        CustomId = customId,
        Options = _options.ToList(),
        Placeholder = _placeholder,
        MinValues = _min,
        MaxValues = _max,
        Disabled = _disabled ? true : null,
    };
}
