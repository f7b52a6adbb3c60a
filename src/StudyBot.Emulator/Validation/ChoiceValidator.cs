using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Validation;

/// <summary>Command option choices, also returned by autocomplete (type 8): 25 at most, names 1-100, string values up to 100.</summary>
internal static class ChoiceValidator
{
    public static int Validate(JsonArray choices, string path, long optionType, FieldChecker check)
    {
        var size = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            var choicePath = $"{path}.{i}";
            if (check.AsObject(choices[i], choicePath) is not { } choice)
            {
                continue;
            }
            size += check.String(choice, "name", choicePath, 1, 100, required: true)?.Length ?? 0;
            var value = choice["value"];
            if (value is null)
            {
                check.Errors.Add($"{choicePath}.value", "BASE_TYPE_REQUIRED", "This field is required");
            }
            else if (optionType == CommandValidator.StringOption || value.GetValueKind() == JsonValueKind.String)
            {
                size += check.String(choice, "value", choicePath, 1, 100)?.Length ?? 0;
            }
            else if (value.GetValueKind() != JsonValueKind.Number)
            {
                check.Errors.Add($"{choicePath}.value", "NUMBER_TYPE_COERCE", $"Value \"{value.ToJsonString()}\" is not a number.");
            }
        }
        return size;
    }
}
