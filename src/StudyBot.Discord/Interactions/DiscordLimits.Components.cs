using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

public static partial class DiscordLimits
{
    public static void CheckMessageComponents(IReadOnlyList<Component> rows, string field = "components")
    {
        MaxCount(rows.Count, ActionRows, field);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowPath = $"{field}[{r}]";
            if (rows[r].Type != ComponentType.ActionRow)
            {
                throw new DiscordLimitException(rowPath, "top-level message components must be action rows.");
            }

            var items = rows[r].Components ?? [];
            if (items.Count == 0)
            {
                throw new DiscordLimitException(rowPath + ".components", "an action row cannot be empty.");
            }

            var selects = items.Count(c => c.Type == ComponentType.StringSelect);
            if (selects > 0 && items.Count > 1)
            {
                throw new DiscordLimitException(rowPath + ".components", "a row with a select menu holds nothing else.");
            }

            MaxCount(items.Count, ButtonsPerRow, rowPath + ".components");
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"{rowPath}.components[{i}]";
                switch (items[i].Type)
                {
                    case ComponentType.Button:
                        CheckButton(items[i], path, ids);
                        break;
                    case ComponentType.StringSelect:
                        CheckSelect(items[i], path, ids);
                        break;
                    default:
                        throw new DiscordLimitException(path + ".type", $"{items[i].Type} cannot go in a message row.");
                }
            }
        }
    }

    private static void CheckButton(Component button, string field, HashSet<string> ids)
    {
        MaxLength(button.Label, ButtonLabelLength, field + ".label");
        if (string.IsNullOrEmpty(button.Label) && button.Emoji is null)
        {
            throw new DiscordLimitException(field + ".label", "a button needs a label or an emoji.");
        }

        if (button.Style == (int)ButtonStyle.Link)
        {
            Required(button.Url, 512, field + ".url");
            if (button.CustomId is not null)
            {
                throw new DiscordLimitException(field + ".custom_id", "a link button has a url and no custom_id.");
            }
        }
        else if (button.Style is >= 1 and <= 4)
        {
            CustomId(button.CustomId, field + ".custom_id", ids);
        }
        else
        {
            throw new DiscordLimitException(field + ".style", $"button style {button.Style} is not one of 1-5.");
        }
    }

    private static void CheckSelect(Component select, string field, HashSet<string> ids)
    {
        CustomId(select.CustomId, field + ".custom_id", ids);
        MaxLength(select.Placeholder, SelectPlaceholderLength, field + ".placeholder");
        var options = select.Options ?? [];
        if (options.Count is < 1 or > SelectOptions)
        {
            throw new DiscordLimitException(field + ".options", $"a select menu holds 1 to {SelectOptions} options, not {options.Count}.");
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var path = $"{field}.options[{i}]";
            Required(options[i].Label, SelectOptionTextLength, path + ".label");
            Required(options[i].Value, SelectOptionTextLength, path + ".value");
            MaxLength(options[i].Description, SelectOptionTextLength, path + ".description");
            if (!values.Add(options[i].Value))
            {
                throw new DiscordLimitException(path + ".value", $"value '{options[i].Value}' is used twice in the menu.");
            }
        }

        if (select.MinValues is < 0 or > SelectOptions)
        {
            throw new DiscordLimitException(field + ".min_values", $"must be 0 to {SelectOptions}.");
        }

        if (select.MaxValues is < 1 || select.MaxValues > options.Count || select.MaxValues < select.MinValues)
        {
            throw new DiscordLimitException(field + ".max_values", $"must be 1 to the number of options ({options.Count}) and at least min_values.");
        }
    }
}
