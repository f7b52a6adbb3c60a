using System.Text.Json.Nodes;
using StudyBot.Emulator.Rest;

namespace StudyBot.Emulator.Validation;

/// <summary>A modal: title 1-45, custom_id 1-100, 1-5 components (action rows holding one text input, or labels).</summary>
internal static class ModalValidator
{
    public static void Validate(JsonObject data, string path, FormErrors errors)
    {
        var check = new FieldChecker(errors);
        var components = new ComponentValidator(check);
        check.String(data, "title", path, 1, 45, required: true);
        components.CustomId(data, path, required: true);
        var rows = check.Array(data, "components", path, 1, 5, required: true);
        for (var i = 0; rows is not null && i < rows.Count; i++)
        {
            var rowPath = $"{path}.components.{i}";
            if (check.AsObject(rows[i], rowPath) is not { } row)
            {
                continue;
            }
            switch (check.Choice(row, "type", rowPath, [ComponentValidator.ActionRow, ComponentValidator.Label, ComponentValidator.TextDisplay], required: true))
            {
                case ComponentValidator.ActionRow:
                    var inputs = check.Array(row, "components", rowPath, 1, 1, required: true);
                    if (inputs is not null && check.AsObject(inputs[0], $"{rowPath}.components.0") is { } input
                        && check.Choice(input, "type", $"{rowPath}.components.0", [ComponentValidator.TextInput], required: true) is not null)
                    {
                        ValidateTextInput(input, $"{rowPath}.components.0", check, components, labelRequired: true);
                    }
                    break;
                case ComponentValidator.Label:
                    check.String(row, "label", rowPath, 1, 45, required: true);
                    check.String(row, "description", rowPath, 0, 100);
                    if (check.Object(row, "component", rowPath, required: true) is { } inner)
                    {
                        var innerPath = $"{rowPath}.component";
                        var type = check.Choice(inner, "type", innerPath, [ComponentValidator.TextInput, ComponentValidator.StringSelect,
                            ComponentValidator.UserSelect, ComponentValidator.RoleSelect, ComponentValidator.MentionableSelect, ComponentValidator.ChannelSelect], required: true);
                        if (type == ComponentValidator.TextInput)
                        {
                            ValidateTextInput(inner, innerPath, check, components, labelRequired: false);
                        }
                        else if (type is not null)
                        {
                            components.ValidateInteractive(inner, innerPath, type.Value);
                        }
                    }
                    break;
                case ComponentValidator.TextDisplay:
                    check.String(row, "content", rowPath, 1, 4000, required: true);
                    break;
            }
        }
    }

    private static void ValidateTextInput(JsonObject input, string path, FieldChecker check, ComponentValidator components, bool labelRequired)
    {
        components.CustomId(input, path, required: true);
        check.Choice(input, "style", path, [1, 2], required: labelRequired);
        check.String(input, "label", path, 1, 45, required: labelRequired);
        var min = check.Integer(input, "min_length", path, 0, 4000);
        var max = check.Integer(input, "max_length", path, 1, 4000);
        check.Bool(input, "required", path);
        check.String(input, "value", path, 0, 4000);
        check.String(input, "placeholder", path, 0, 100);
        if (min is not null && max is not null && min > max)
        {
            check.Errors.Add($"{path}.min_length", "TEXT_INPUT_MIN_LENGTH_TOO_LARGE", "min_length must be less than or equal to max_length");
        }
    }
}
