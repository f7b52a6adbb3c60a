namespace StudyBot.Discord.Models;

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    TextDisplay = 10,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>
/// One message component. Discord's components share one JSON object shape distinguished by
/// <see cref="Type"/>; fields that do not apply to a type stay null and are not written.
/// </summary>
public sealed record Component
{
    public ComponentType Type { get; init; }
    public int? Id { get; init; }

    // action row
    public IReadOnlyList<Component>? Components { get; init; }

    // button, select, text input
    public string? CustomId { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public Emoji? Emoji { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }

    // string select
    public IReadOnlyList<SelectOption>? Options { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }

    // text input
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Required { get; init; }
    public string? Value { get; init; }

    // text display (markdown text, e.g. in a modal's body)
    public string? Content { get; init; }
}

public sealed record SelectOption
{
    public string Label { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Description { get; init; }
    public Emoji? Emoji { get; init; }
    public bool? Default { get; init; }
}

public sealed record Emoji
{
    public Snowflake? Id { get; init; }
    public string? Name { get; init; }
    public bool? Animated { get; init; }
}
