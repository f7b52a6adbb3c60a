using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Discord's size limits, checked before anything is sent: a body over a limit throws
/// <see cref="DiscordLimitException"/> naming the field instead of earning a 400 (or a lost reply).
/// </summary>
public static partial class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitleLength = 256;
    public const int EmbedDescriptionLength = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldNameLength = 256;
    public const int EmbedFieldValueLength = 1024;
    public const int EmbedFooterLength = 2048;
    public const int EmbedAuthorLength = 256;
    public const int EmbedTotalLength = 6000;
    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int CustomIdLength = 100;
    public const int ButtonLabelLength = 80;
    public const int SelectOptions = 25;
    public const int SelectOptionTextLength = 100;
    public const int SelectPlaceholderLength = 150;
    public const int ModalTitleLength = 45;
    public const int ModalComponents = 5;
    public const int TextInputLabelLength = 45;
    public const int TextDisplayLength = 4000;
    public const int TextInputValueLength = 4000;
    public const int TextInputPlaceholderLength = 100;
    public const int AutocompleteChoices = 25;

    public static void CheckMessage(MessagePayload message, string field = "message")
    {
        MaxLength(message.Content, ContentLength, field + ".content");
        if (message.Embeds is { } embeds)
        {
            MaxCount(embeds.Count, EmbedsPerMessage, field + ".embeds");
            var total = 0;
            for (var i = 0; i < embeds.Count; i++)
            {
                total += CheckEmbed(embeds[i], $"{field}.embeds[{i}]");
            }

            if (total > EmbedTotalLength)
            {
                throw new DiscordLimitException(field + ".embeds", $"all embeds together hold {total} characters; the limit is {EmbedTotalLength}.");
            }
        }

        if (message.Components is { } components)
        {
            CheckMessageComponents(components, field + ".components");
        }
    }

    /// <summary>Checks one embed and returns the characters it counts towards the 6000 total.</summary>
    public static int CheckEmbed(Embed embed, string field = "embed")
    {
        MaxLength(embed.Title, EmbedTitleLength, field + ".title");
        MaxLength(embed.Description, EmbedDescriptionLength, field + ".description");
        MaxLength(embed.Footer?.Text, EmbedFooterLength, field + ".footer.text");
        MaxLength(embed.Author?.Name, EmbedAuthorLength, field + ".author.name");
        var total = Len(embed.Title) + Len(embed.Description) + Len(embed.Footer?.Text) + Len(embed.Author?.Name);
        if (embed.Fields is { } fields)
        {
            MaxCount(fields.Count, EmbedFields, field + ".fields");
            for (var i = 0; i < fields.Count; i++)
            {
                Required(fields[i].Name, EmbedFieldNameLength, $"{field}.fields[{i}].name");
                Required(fields[i].Value, EmbedFieldValueLength, $"{field}.fields[{i}].value");
                total += fields[i].Name.Length + fields[i].Value.Length;
            }
        }

        if (total > EmbedTotalLength)
        {
            throw new DiscordLimitException(field, $"the embed holds {total} characters; the limit is {EmbedTotalLength}.");
        }

        return total;
    }

    public static void CheckResponse(InteractionResponse response, string field = "response")
    {
        var data = response.Data;
        switch (response.Type)
        {
            case InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.UpdateMessage:
                if (data is null)
                {
                    throw new DiscordLimitException(field + ".data", $"a {response.Type} response needs data.");
                }

                CheckMessage(data, field + ".data");
                break;
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                var choices = data?.Choices ?? [];
                MaxCount(choices.Count, AutocompleteChoices, field + ".data.choices");
                for (var i = 0; i < choices.Count; i++)
                {
                    CheckChoice(choices[i], $"{field}.data.choices[{i}]");
                }

                break;
            case InteractionCallbackType.Modal:
                CheckModal(data ?? throw new DiscordLimitException(field + ".data", "a modal response needs data."), field + ".data");
                break;
        }
    }

    public static void CheckModal(InteractionCallbackData modal, string field = "modal")
    {
        Required(modal.CustomId, CustomIdLength, field + ".custom_id");
        Required(modal.Title, ModalTitleLength, field + ".title");
        var rows = modal.Components ?? [];
        if (rows.Count is < 1 or > ModalComponents)
        {
            throw new DiscordLimitException(field + ".components", $"a modal holds 1 to {ModalComponents} components, not {rows.Count}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"{field}.components[{i}]";
            if (rows[i].Type == ComponentType.TextDisplay)
            {
                Required(rows[i].Content, TextDisplayLength, path + ".content");
                continue;
            }

            if (rows[i].Type != ComponentType.ActionRow || rows[i].Components is not [{ Type: ComponentType.TextInput } input])
            {
                throw new DiscordLimitException(path, "each modal row must be a text display or an action row holding exactly one text input.");
            }

            CheckTextInput(input, path + ".components[0]", ids);
        }
    }

    private static void CheckTextInput(Component input, string field, HashSet<string> ids)
    {
        CustomId(input.CustomId, field + ".custom_id", ids);
        Required(input.Label, TextInputLabelLength, field + ".label");
        MaxLength(input.Placeholder, TextInputPlaceholderLength, field + ".placeholder");
        MaxLength(input.Value, TextInputValueLength, field + ".value");
        if (input.Style is not (1 or 2))
        {
            throw new DiscordLimitException(field + ".style", "a text input is Short (1) or Paragraph (2).");
        }

        if (input.MinLength is < 0 or > TextInputValueLength)
        {
            throw new DiscordLimitException(field + ".min_length", $"must be 0 to {TextInputValueLength}.");
        }

        if (input.MaxLength is < 1 or > TextInputValueLength || input.MaxLength < input.MinLength)
        {
            throw new DiscordLimitException(field + ".max_length", $"must be 1 to {TextInputValueLength} and at least min_length.");
        }
    }

    private static void CheckChoice(ApplicationCommandOptionChoice choice, string field)
    {
        Required(choice.Name, 100, field + ".name");
        if (choice.Value.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            MaxLength(choice.Value.GetString(), 100, field + ".value");
        }
        else if (choice.Value.ValueKind != System.Text.Json.JsonValueKind.Number)
        {
            throw new DiscordLimitException(field + ".value", "a choice value is a string or a number.");
        }
    }

    internal static void MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
        {
            throw new DiscordLimitException(field, $"{value.Length} characters; the limit is {max}.");
        }
    }

    internal static void Required(string? value, int max, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new DiscordLimitException(field, "is required and cannot be empty.");
        }

        MaxLength(value, max, field);
    }

    internal static void MaxCount(int count, int max, string field)
    {
        if (count > max)
        {
            throw new DiscordLimitException(field, $"{count} items; the limit is {max}.");
        }
    }

    internal static void CustomId(string? customId, string field, HashSet<string> seen)
    {
        Required(customId, CustomIdLength, field);
        if (!seen.Add(customId!))
        {
            throw new DiscordLimitException(field, $"custom_id '{customId}' is used twice; it must be unique in the message.");
        }
    }

    private static int Len(string? value) => value?.Length ?? 0;
}
