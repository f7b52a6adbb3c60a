using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Interactions;

/// <summary>The <c>data</c> of a MODAL_SUBMIT, mirroring the modal's layout, with the checks Discord's client makes before it lets a user submit.</summary>
internal static class ModalSubmission
{
    public static JsonObject Build(JsonObject modal, IReadOnlyDictionary<string, string> values)
    {
        var known = ComponentSearch.All(modal["components"]).Select(c => c["custom_id"]!.GetValue<string>()).ToHashSet();
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"The modal has no field '{unknown}'; it has: {string.Join(", ", known)}.");
        }
        var components = new JsonArray();
        foreach (var top in (modal["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = top["type"]?.GetValue<int>();
            if (type == 1 && (top["components"] as JsonArray)?.FirstOrDefault() is JsonObject input)
            {
                components.Add(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(Answer(input, values)) });
            }
            else if (type == 18 && top["component"] is JsonObject inner)
            {
                components.Add(new JsonObject { ["type"] = 18, ["id"] = top["id"]?.DeepClone(), ["component"] = Answer(inner, values) });
            }
            else if (type == 10)
            {
                components.Add(new JsonObject { ["type"] = 10, ["id"] = top["id"]?.DeepClone() });
            }
        }
        return new JsonObject { ["custom_id"] = modal["custom_id"]?.DeepClone(), ["components"] = components };
    }

    private static JsonObject Answer(JsonObject component, IReadOnlyDictionary<string, string> values)
    {
        var customId = component["custom_id"]!.GetValue<string>();
        var type = component["type"]!.GetValue<int>();
        var given = values.GetValueOrDefault(customId);
        var required = component["required"]?.GetValue<bool>() ?? true;
        if (type != 4)
        {
            var picked = string.IsNullOrEmpty(given) ? [] : given.Split(',');
            if (required && picked.Length == 0)
            {
                throw new ArgumentException($"The modal field '{customId}' is required.");
            }
            return new JsonObject { ["type"] = type, ["id"] = component["id"]?.DeepClone(), ["custom_id"] = customId, ["values"] = new JsonArray([.. picked.Select(v => (JsonNode)v)]) };
        }
        var value = given ?? component["value"]?.GetValue<string>() ?? "";
        var min = component["min_length"]?.GetValue<int>() ?? 0;
        var max = component["max_length"]?.GetValue<int>() ?? 4000;
        if (required && value.Length == 0)
        {
            throw new ArgumentException($"The modal field '{customId}' is required.");
        }
        if (value.Length > 0 && (value.Length < min || value.Length > max))
        {
            throw new ArgumentException($"The modal field '{customId}' takes {min} to {max} characters, not {value.Length}.");
        }
        return new JsonObject { ["type"] = 4, ["id"] = component["id"]?.DeepClone(), ["custom_id"] = customId, ["value"] = value };
    }
}
