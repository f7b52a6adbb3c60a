using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Validation;

/// <summary>
/// Message components: 5 action rows, each with up to 5 buttons or one select; custom_id 1-100 and unique;
/// label 80; select options 25 of 100 chars, placeholder 150. Components V2 (flag 1 &lt;&lt; 15) allows 40 in all.
/// </summary>
internal sealed class ComponentValidator(FieldChecker check)
{
    public const int ActionRow = 1, Button = 2, StringSelect = 3, TextInput = 4, UserSelect = 5, RoleSelect = 6,
        MentionableSelect = 7, ChannelSelect = 8, Section = 9, TextDisplay = 10, Thumbnail = 11, MediaGallery = 12,
        File = 13, Separator = 14, Container = 17, Label = 18;

    private static readonly long[] _rowChildren = [Button, StringSelect, UserSelect, RoleSelect, MentionableSelect, ChannelSelect];
    private static readonly long[] _v2TopLevel = [ActionRow, Section, TextDisplay, MediaGallery, File, Separator, Container];
    private readonly HashSet<string> _customIds = [];
    private int _count;

    public void ValidateMessage(JsonObject body, bool componentsV2)
    {
        var rows = check.Array(body, "components", "", 0, componentsV2 ? 40 : 5);
        for (var i = 0; rows is not null && i < rows.Count; i++)
        {
            var path = $"components.{i}";
            if (check.AsObject(rows[i], path) is not { } component)
            {
                continue;
            }
            if (componentsV2)
            {
                ValidateV2(component, path, _v2TopLevel);
            }
            else if (check.Choice(component, "type", path, [ActionRow], required: true) is not null)
            {
                ValidateRow(component, path);
            }
        }
        if (_count > 40)
        {
            check.Errors.Add("components", "COMPONENT_MAX_TOTAL_COMPONENTS_EXCEEDED", "Maximum number of components exceeded (40).");
        }
    }

    public void ValidateRow(JsonObject row, string path)
    {
        _count++;
        var children = check.Array(row, "components", path, 1, 5, required: true);
        if (children is null)
        {
            return;
        }
        for (var i = 0; i < children.Count; i++)
        {
            var childPath = $"{path}.components.{i}";
            if (check.AsObject(children[i], childPath) is not { } child)
            {
                continue;
            }
            var type = check.Choice(child, "type", childPath, _rowChildren, required: true);
            if (type is null)
            {
                continue;
            }
            if (type != Button && children.Count > 1)
            {
                check.Errors.Add($"{path}.components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
            }
            ValidateInteractive(child, childPath, type.Value);
        }
    }

    public void ValidateInteractive(JsonObject component, string path, long type)
    {
        _count++;
        check.Integer(component, "id", path, 0, int.MaxValue);
        if (type == Button)
        {
            ValidateButton(component, path);
        }
        else
        {
            ValidateSelect(component, path, type);
        }
    }

    public void CustomId(JsonObject component, string path, bool required)
    {
        var id = check.String(component, "custom_id", path, 1, 100, required);
        if (id is not null && !_customIds.Add(id))
        {
            check.Errors.Add(FormErrorsPath(path), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }

    private static string FormErrorsPath(string path) => $"{path}.custom_id";

    private void ValidateButton(JsonObject button, string path)
    {
        var style = check.Choice(button, "style", path, [1, 2, 3, 4, 5, 6], required: true);
        check.String(button, "label", path, 0, 80);
        check.Bool(button, "disabled", path);
        if (style is 5)
        {
            check.String(button, "url", path, 1, 512, required: true);
            if (button["custom_id"] is not null)
            {
                check.Errors.Add($"{path}.custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be set on a link button");
            }
        }
        else if (style is 6)
        {
            check.String(button, "sku_id", path, 1, 32, required: true);
        }
        else if (style is not null)
        {
            CustomId(button, path, required: true);
            if (button["label"] is null && button["emoji"] is null)
            {
                check.Errors.Add(path, "BUTTON_COMPONENT_INVALID", "A button must have a label or an emoji");
            }
        }
    }

    private void ValidateSelect(JsonObject select, string path, long type)
    {
        CustomId(select, path, required: true);
        check.String(select, "placeholder", path, 0, 150);
        var min = check.Integer(select, "min_values", path, 0, 25);
        var max = check.Integer(select, "max_values", path, 1, 25);
        check.Bool(select, "disabled", path);
        if (type != StringSelect)
        {
            return;
        }
        var options = check.Array(select, "options", path, 1, 25, required: true);
        var values = new HashSet<string>();
        for (var i = 0; options is not null && i < options.Count; i++)
        {
            var optionPath = $"{path}.options.{i}";
            if (check.AsObject(options[i], optionPath) is not { } option)
            {
                continue;
            }
            check.String(option, "label", optionPath, 1, 100, required: true);
            var value = check.String(option, "value", optionPath, 1, 100, required: true);
            check.String(option, "description", optionPath, 0, 100);
            check.Bool(option, "default", optionPath);
            if (value is not null && !values.Add(value))
            {
                check.Errors.Add($"{optionPath}.value", "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED", "Select component option values must be unique");
            }
        }
        if (options is not null && (max ?? 1) > options.Count)
        {
            check.Errors.Add($"{path}.max_values", "SELECT_COMPONENT_MAX_VALUES_TOO_LARGE", "max_values must be less than or equal to the number of options");
        }
        if (min is not null && max is not null && min > max)
        {
            check.Errors.Add($"{path}.min_values", "SELECT_COMPONENT_MIN_VALUES_TOO_LARGE", "min_values must be less than or equal to max_values");
        }
    }

    private void ValidateV2(JsonObject component, string path, long[] allowed)
    {
        var type = check.Choice(component, "type", path, allowed, required: true);
        switch (type)
        {
            case ActionRow:
                ValidateRow(component, path);
                break;
            case TextDisplay:
                _count++;
                check.String(component, "content", path, 1, 4000, required: true);
                break;
            case Section:
                _count++;
                var texts = check.Array(component, "components", path, 1, 3, required: true);
                for (var i = 0; texts is not null && i < texts.Count; i++)
                {
                    if (check.AsObject(texts[i], $"{path}.components.{i}") is { } text)
                    {
                        ValidateV2(text, $"{path}.components.{i}", [TextDisplay]);
                    }
                }
                if (check.Object(component, "accessory", path, required: true) is { } accessory)
                {
                    var accessoryType = check.Choice(accessory, "type", $"{path}.accessory", [Button, Thumbnail], required: true);
                    if (accessoryType == Button)
                    {
                        ValidateInteractive(accessory, $"{path}.accessory", Button);
                    }
                    else
                    {
                        _count++;
                    }
                }
                break;
            case Container:
                _count++;
                var children = check.Array(component, "components", path, 1, 40, required: true);
                for (var i = 0; children is not null && i < children.Count; i++)
                {
                    if (check.AsObject(children[i], $"{path}.components.{i}") is { } child)
                    {
                        ValidateV2(child, $"{path}.components.{i}", [ActionRow, Section, TextDisplay, MediaGallery, File, Separator]);
                    }
                }
                break;
            case not null:
                _count++;
                break;
        }
    }
}
