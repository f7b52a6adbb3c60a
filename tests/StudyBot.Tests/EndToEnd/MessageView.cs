using System.Text;
using System.Text.Json.Nodes;

namespace StudyBot.Tests.EndToEnd;

/// <summary>Reads what a user sees in a message the emulator holds: its text and its buttons.</summary>
public static class MessageView
{
    public static string Id(JsonObject message) => message["id"]!.GetValue<string>();

    /// <summary>Content, embed titles, descriptions, authors, fields and footers, one per line.</summary>
    public static string Text(JsonObject? message)
    {
        if (message is null)
        {
            return "";
        }

        var text = new StringBuilder(message["content"]?.GetValue<string>() ?? "").Append('\n');
        foreach (var embed in (message["embeds"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var key in new[] { "title", "description" })
            {
                text.Append(embed[key]?.GetValue<string>()).Append('\n');
            }

            text.Append(embed["author"]?["name"]?.GetValue<string>()).Append('\n');
            foreach (var field in (embed["fields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                text.Append(field["name"]?.GetValue<string>()).Append(": ").Append(field["value"]?.GetValue<string>()).Append('\n');
            }

            text.Append(embed["footer"]?["text"]?.GetValue<string>()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every button: (label, custom_id).</summary>
    public static IReadOnlyList<(string Label, string CustomId)> Buttons(JsonObject? message)
        => (message?["components"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(row => (row["components"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(c => c["type"]?.GetValue<int>() == 2 && c["custom_id"] is not null)
            .Select(c => (c["label"]?.GetValue<string>() ?? "", c["custom_id"]!.GetValue<string>()))
            .ToList();

    public static string Button(JsonObject? message, Func<string, bool> label)
        => Buttons(message).FirstOrDefault(b => label(b.Label)).CustomId
            ?? throw new Xunit.Sdk.XunitException($"No matching button; the message has: {string.Join(", ", Buttons(message).Select(b => b.Label))}");

    public static string ButtonLabelled(JsonObject? message, string label) => Button(message, l => l == label);
}
