using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

public static partial class DiscordLimits
{
    public const int CommandNameLength = 32;
    public const int CommandDescriptionLength = 100;
    public const int CommandOptions = 25;
    public const int CommandChoices = 25;
    public const int CommandTotalLength = 4000;
    public const int ChatInputCommands = 100;

    public static void CheckCommands(IReadOnlyList<ApplicationCommand> commands, string field = "commands")
    {
        var chatInput = commands.Count(c => (c.Type ?? ApplicationCommandType.ChatInput) == ApplicationCommandType.ChatInput);
        MaxCount(chatInput, ChatInputCommands, field);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            CheckCommand(commands[i], $"{field}[{i}]");
            if (!names.Add($"{commands[i].Type}:{commands[i].Name}"))
            {
                throw new DiscordLimitException($"{field}[{i}].name", $"command '{commands[i].Name}' is defined twice.");
            }
        }
    }

    public static void CheckCommand(ApplicationCommand command, string field = "command")
    {
        var chatInput = (command.Type ?? ApplicationCommandType.ChatInput) == ApplicationCommandType.ChatInput;
        if (chatInput)
        {
            CheckName(command.Name, field + ".name");
            Required(command.Description, CommandDescriptionLength, field + ".description");
        }
        else
        {
            Required(command.Name, CommandNameLength, field + ".name");
        }

        var total = command.Name.Length + command.Description.Length;
        total += CheckOptions(command.Options ?? [], field + ".options", depth: 0);
        if (total > CommandTotalLength)
        {
            throw new DiscordLimitException(field, $"names, descriptions and choices add up to {total} characters; the limit is {CommandTotalLength}.");
        }
    }

    // Returns the characters the options add to the command's 4000 total.
    private static int CheckOptions(IReadOnlyList<ApplicationCommandOption> options, string field, int depth)
    {
        MaxCount(options.Count, CommandOptions, field);
        var total = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var subcommands = options.Count(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup);
        if (subcommands > 0 && subcommands != options.Count)
        {
            throw new DiscordLimitException(field, "subcommands and plain options cannot be mixed at one level.");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var path = $"{field}[{i}]";
            CheckName(option.Name, path + ".name");
            Required(option.Description, CommandDescriptionLength, path + ".description");
            if (!names.Add(option.Name))
            {
                throw new DiscordLimitException(path + ".name", $"option '{option.Name}' is defined twice.");
            }

            total += option.Name.Length + option.Description.Length;
            switch (option.Type)
            {
                case ApplicationCommandOptionType.SubCommandGroup when depth > 0:
                    throw new DiscordLimitException(path + ".type", "a subcommand group can only sit at the top level.");
                case ApplicationCommandOptionType.SubCommand when depth > 1:
                    throw new DiscordLimitException(path + ".type", "subcommands nest at most inside one group.");
                case ApplicationCommandOptionType.SubCommandGroup:
                    if ((option.Options ?? []).Any(o => o.Type != ApplicationCommandOptionType.SubCommand))
                    {
                        throw new DiscordLimitException(path + ".options", "a subcommand group holds only subcommands.");
                    }

                    total += CheckOptions(option.Options ?? [], path + ".options", depth + 1);
                    break;
                case ApplicationCommandOptionType.SubCommand:
                    total += CheckOptions(option.Options ?? [], path + ".options", depth + 1);
                    break;
                default:
                    if (option.Options is { Count: > 0 })
                    {
                        throw new DiscordLimitException(path + ".options", "only subcommands and groups have nested options.");
                    }

                    if (option.Required == true && sawOptional)
                    {
                        throw new DiscordLimitException(path + ".required", "required options must come before optional ones.");
                    }

                    sawOptional |= option.Required != true;
                    total += CheckChoices(option, path);
                    break;
            }
        }

        return total;
    }

    private static int CheckChoices(ApplicationCommandOption option, string field)
    {
        var choices = option.Choices ?? [];
        MaxCount(choices.Count, CommandChoices, field + ".choices");
        if (choices.Count > 0 && option.Autocomplete == true)
        {
            throw new DiscordLimitException(field + ".autocomplete", "an option cannot have both choices and autocomplete.");
        }

        var total = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            var path = $"{field}.choices[{i}]";
            CheckChoice(choices[i], path);
            var expected = option.Type == ApplicationCommandOptionType.String ? JsonValueKind.String : JsonValueKind.Number;
            if (choices[i].Value.ValueKind != expected)
            {
                throw new DiscordLimitException(path + ".value", $"a {option.Type} option's choices must be {(expected == JsonValueKind.String ? "strings" : "numbers")}.");
            }

            total += choices[i].Name.Length + (choices[i].Value.ValueKind == JsonValueKind.String ? choices[i].Value.GetString()!.Length : choices[i].Value.GetRawText().Length);
        }

        return total;
    }

    private static void CheckName(string name, string field)
    {
        if (!CommandName().IsMatch(name))
        {
            throw new DiscordLimitException(field, $"'{name}' is not a valid name: 1-32 letters, digits, '-', '_' or apostrophes, no spaces.");
        }

        if (name != name.ToLowerInvariant())
        {
            throw new DiscordLimitException(field, $"'{name}' must be lowercase.");
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex CommandName();
}
