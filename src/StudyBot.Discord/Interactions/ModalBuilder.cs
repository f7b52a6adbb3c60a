using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>Builds a modal (1-5 rows: text inputs, and text displays for its body); <see cref="Build"/> checks Discord's limits.</summary>
public sealed class ModalBuilder(string customId, string title)
{
    private readonly List<Component> _rows = [];

    public ModalBuilder AddTextInput(
        string customId,
        string label,
        TextInputStyle style = TextInputStyle.Short,
        bool required = true,
        int? minLength = null,
        int? maxLength = null,
        string? placeholder = null,
        string? value = null)
    {
        var input = new Component
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Label = label,
            Style = (int)style,
            Required = required,
            MinLength = minLength,
            MaxLength = maxLength,
            Placeholder = placeholder,
            Value = value,
        };
        _rows.Add(new Component { Type = ComponentType.ActionRow, Components = [input] });
        return this;
    }

    /// <summary>A paragraph of markdown in the modal's body, above or between the inputs.</summary>
    public ModalBuilder AddText(string content)
    {
        _rows.Add(new Component { Type = ComponentType.TextDisplay, Content = content });
        return this;
    }

    public InteractionCallbackData Build()
    {
        var modal = new InteractionCallbackData { CustomId = customId, Title = title, Components = _rows.ToList() };
        DiscordLimits.CheckModal(modal);
        return modal;
    }
}
