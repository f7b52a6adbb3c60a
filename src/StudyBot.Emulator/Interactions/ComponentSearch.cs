using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Interactions;

/// <summary>Finds components by custom_id anywhere in a message or modal (rows, sections, containers, labels).</summary>
internal static class ComponentSearch
{
    public static JsonObject? Find(JsonNode? node, string customId) =>
        All(node).FirstOrDefault(c => c["custom_id"]?.GetValue<string>() == customId);

    public static IEnumerable<JsonObject> All(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var found in All(item))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonObject obj:
                if (obj["custom_id"] is not null)
                {
                    yield return obj;
                }
                foreach (var key in new[] { "components", "accessory", "component" })
                {
                    foreach (var found in All(obj[key]))
                    {
                        yield return found;
                    }
                }
                break;
        }
    }
}
