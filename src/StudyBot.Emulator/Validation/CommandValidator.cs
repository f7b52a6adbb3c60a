using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StudyBot.Emulator.Rest;

namespace StudyBot.Emulator.Validation;

/// <summary>
/// Application command definitions as Discord checks them on bulk overwrite: names, descriptions, options
/// (25, required before optional, subcommand nesting), choices (25), and the 4000-character total.
/// </summary>
internal static partial class CommandValidator
{
    public const int ChatInput = 1, UserCommand = 2, MessageCommand = 3;
    public const int SubCommand = 1, SubCommandGroup = 2, StringOption = 3, IntegerOption = 4, NumberOption = 10;

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex ChatInputName();

    public static FormErrors ValidateList(JsonNode? body, int maxChatInput = 100)
    {
        var errors = new FormErrors();
        if (body is not JsonArray list)
        {
            errors.Add("", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return errors;
        }
        var check = new FieldChecker(errors);
        var seen = new HashSet<(long, string)>();
        var perType = new Dictionary<long, int>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = i.ToString();
            if (check.AsObject(list[i], path) is not { } command)
            {
                continue;
            }
            var type = check.Choice(command, "type", path, [ChatInput, UserCommand, MessageCommand, 4]) ?? ChatInput;
            var name = ValidateCommand(command, path, type, check);
            perType[type] = perType.GetValueOrDefault(type) + 1;
            if (name is not null && !seen.Add((type, name)))
            {
                errors.Add($"{path}.name", "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Application command names must be unique: {name}");
            }
        }
        if (perType.GetValueOrDefault(ChatInput) > maxChatInput)
        {
            errors.Add("", "APPLICATION_COMMANDS_MAX_EXCEEDED", $"Maximum number of application commands reached ({maxChatInput}).");
        }
        if (perType.GetValueOrDefault(UserCommand) > 15 || perType.GetValueOrDefault(MessageCommand) > 15)
        {
            errors.Add("", "APPLICATION_COMMANDS_MAX_EXCEEDED", "Maximum number of user or message commands reached (15).");
        }
        return errors;
    }

    private static string? ValidateCommand(JsonObject command, string path, long type, FieldChecker check)
    {
        var name = check.String(command, "name", path, 1, 32, required: true);
        var size = name?.Length ?? 0;
        if (type == ChatInput)
        {
            CheckName(name, $"{path}.name", check);
            size += check.String(command, "description", path, 1, 100, required: true)?.Length ?? 0;
        }
        else if (!string.IsNullOrEmpty(command["description"]?.GetValue<string>()))
        {
            check.Errors.Add($"{path}.description", "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED", "Description must be empty for user and message commands");
        }
        check.Bool(command, "nsfw", path);
        check.Bool(command, "dm_permission", path);
        if (command["default_member_permissions"] is JsonNode permissions
            && (permissions.GetValueKind() != JsonValueKind.String || !ulong.TryParse(permissions.GetValue<string>(), out _)))
        {
            check.Errors.Add($"{path}.default_member_permissions", "BASE_TYPE_STRING", "Must be a string of permission bits.");
        }
        check.Array(command, "contexts", path, 0, 3);
        check.Array(command, "integration_types", path, 0, 2);
        if (command["options"] is not null && type != ChatInput)
        {
            check.Errors.Add($"{path}.options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Only chat input commands can have options");
        }
        else
        {
            size += ValidateOptions(command, path, check, depth: 0);
        }
        if (size > 4000)
        {
            check.Errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (4000)");
        }
        return name;
    }

    private static int ValidateOptions(JsonObject parent, string path, FieldChecker check, int depth)
    {
        var options = check.Array(parent, "options", path, 0, 25);
        if (options is null)
        {
            return 0;
        }
        var size = 0;
        var names = new HashSet<string>();
        var sawOptional = false;
        var kinds = new HashSet<bool>();
        for (var i = 0; i < options.Count; i++)
        {
            var optionPath = $"{path}.options.{i}";
            if (check.AsObject(options[i], optionPath) is not { } option)
            {
                continue;
            }
            var type = check.Choice(option, "type", optionPath, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], required: true);
            var name = check.String(option, "name", optionPath, 1, 32, required: true);
            CheckName(name, $"{optionPath}.name", check);
            size += (name?.Length ?? 0) + (check.String(option, "description", optionPath, 1, 100, required: true)?.Length ?? 0);
            if (name is not null && !names.Add(name))
            {
                check.Errors.Add($"{optionPath}.name", "APPLICATION_COMMAND_OPTIONS_DUPLICATE_NAME", "Option names must be unique");
            }
            if (type is null)
            {
                continue;
            }
            var isSub = type is SubCommand or SubCommandGroup;
            kinds.Add(isSub);
            if (isSub)
            {
                size += ValidateSubcommand(option, optionPath, type.Value, check, depth);
                continue;
            }
            var required = check.Bool(option, "required", optionPath) ?? false;
            if (required && sawOptional)
            {
                check.Errors.Add($"{path}.options", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }
            sawOptional |= !required;
            size += ValidateValueOption(option, optionPath, type.Value, check);
        }
        if (kinds.Count > 1)
        {
            check.Errors.Add($"{path}.options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types");
        }
        return size;
    }

    private static int ValidateSubcommand(JsonObject option, string path, long type, FieldChecker check, int depth)
    {
        if (type == SubCommandGroup && depth > 0 || type == SubCommand && depth > 1)
        {
            check.Errors.Add($"{path}.type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-command groups hold sub-commands, which hold options; no deeper nesting");
            return 0;
        }
        if (type == SubCommandGroup && option["options"] is JsonArray children
            && children.OfType<JsonObject>().Any(c => c["type"]?.GetValueKind() == JsonValueKind.Number && c["type"]!.GetValue<int>() != SubCommand))
        {
            check.Errors.Add($"{path}.options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "A sub-command group may only contain sub-commands");
        }
        return ValidateOptions(option, path, check, type == SubCommandGroup ? depth + 1 : 2);
    }

    private static int ValidateValueOption(JsonObject option, string path, long type, FieldChecker check)
    {
        var size = 0;
        var autocomplete = check.Bool(option, "autocomplete", path) ?? false;
        var choices = check.Array(option, "choices", path, 0, 25);
        if (choices is { Count: > 0 })
        {
            if (type is not (StringOption or IntegerOption or NumberOption))
            {
                check.Errors.Add($"{path}.choices", "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Choices are only allowed on string, integer and number options");
            }
            if (autocomplete)
            {
                check.Errors.Add($"{path}.autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be enabled on an option with choices");
            }
            size += ChoiceValidator.Validate(choices, $"{path}.choices", type, check);
        }
        if (type == StringOption)
        {
            check.Integer(option, "min_length", path, 0, 6000);
            check.Integer(option, "max_length", path, 1, 6000);
        }
        check.Array(option, "channel_types", path, 0, 20);
        return size;
    }

    private static void CheckName(string? name, string path, FieldChecker check)
    {
        if (name is not null && (!ChatInputName().IsMatch(name) || name != name.ToLowerInvariant()))
        {
            check.Errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }
}
