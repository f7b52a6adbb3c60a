using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

/// <summary>A message as Discord would return it, plus every earlier version (edits are kept, oldest first).</summary>
public sealed class EmuMessage(string id, string channelId, string authorId, JsonObject json)
{
    public const int EphemeralFlag = 1 << 6;
    public const int LoadingFlag = 1 << 7;

    public string Id { get; } = id;
    public string ChannelId { get; } = channelId;
    public string AuthorId { get; } = authorId;

    /// <summary>The current Discord JSON of the message; read it under the state's lock or through a snapshot.</summary>
    public JsonObject Json { get; internal set; } = json;
    public List<JsonObject> History { get; } = [];
    public bool Deleted { get; internal set; }

    /// <summary>Set for ephemeral replies: only this user can see the message.</summary>
    public string? VisibleOnlyTo { get; init; }
    public string? InteractionId { get; init; }

    public int Flags => Json["flags"]?.GetValue<int>() ?? 0;
    public string Content => Json["content"]?.GetValue<string>() ?? "";
    public JsonArray Embeds => Json["embeds"] as JsonArray ?? [];
    public JsonArray Components => Json["components"] as JsonArray ?? [];
}
