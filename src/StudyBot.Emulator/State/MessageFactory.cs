using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

/// <summary>Turns a validated create or edit body into the message JSON Discord would return.</summary>
internal sealed class MessageFactory(EmulatorState state)
{
    // Flags a sender may set; Discord ignores the rest.
    private const int SettableFlags = 1 << 2 | 1 << 6 | 1 << 12 | 1 << 15;

    public JsonObject Create(string id, EmuChannel channel, EmuUser author, JsonObject body, IReadOnlyList<UploadedFile> files, DateTimeOffset now, int type, JsonObject? extras)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["channel_id"] = channel.Id,
            ["author"] = author.ToJson(),
            ["content"] = body["content"]?.GetValue<string>() ?? "",
            ["timestamp"] = now.ToString("O"),
            ["edited_timestamp"] = null,
            ["tts"] = body["tts"]?.GetValue<bool>() ?? false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = Attachments(channel.Id, body, files, []),
            ["embeds"] = Embeds(body["embeds"]),
            ["components"] = body["components"]?.DeepClone() ?? new JsonArray(),
            ["pinned"] = false,
            ["flags"] = (body["flags"]?.GetValue<int>() ?? 0) & SettableFlags,
        };
        if (channel.GuildId is not null)
        {
            json["guild_id"] = channel.GuildId;
        }
        if (body["message_reference"] is JsonObject reference)
        {
            json["message_reference"] = reference.DeepClone();
        }
        foreach (var (key, value) in extras ?? [])
        {
            json[key] = value?.DeepClone();
        }
        return json;
    }

    /// <summary>Applies the fields present in <paramref name="body"/>; absent fields keep their value, as in Discord.</summary>
    public JsonObject Edit(JsonObject current, JsonObject body, IReadOnlyList<UploadedFile> files, DateTimeOffset now)
    {
        var next = (JsonObject)current.DeepClone();
        if (body.ContainsKey("content"))
        {
            next["content"] = body["content"]?.GetValue<string>() ?? "";
        }
        if (body.ContainsKey("embeds"))
        {
            next["embeds"] = Embeds(body["embeds"]);
        }
        if (body.ContainsKey("components"))
        {
            next["components"] = body["components"]?.DeepClone() ?? new JsonArray();
        }
        if (body.ContainsKey("flags"))
        {
            // Ephemerality and the loading state are fixed at creation; only the settable bits change.
            var kept = (next["flags"]?.GetValue<int>() ?? 0) & (EmuMessage.EphemeralFlag | 1 << 15);
            next["flags"] = kept | ((body["flags"]?.GetValue<int>() ?? 0) & SettableFlags & ~EmuMessage.EphemeralFlag);
        }
        if (body.ContainsKey("attachments") || files.Count > 0)
        {
            var existing = (next["attachments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            next["attachments"] = Attachments(current["channel_id"]!.GetValue<string>(), body, files, existing);
        }
        next["flags"] = (next["flags"]?.GetValue<int>() ?? 0) & ~EmuMessage.LoadingFlag;
        next["edited_timestamp"] = now.ToString("O");
        return next;
    }

    private static JsonArray Embeds(JsonNode? embeds)
    {
        var result = new JsonArray();
        foreach (var embed in (embeds as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)embed.DeepClone();
            copy["type"] ??= "rich";
            result.Add(copy);
        }
        return result;
    }

    private JsonArray Attachments(string channelId, JsonObject body, IReadOnlyList<UploadedFile> files, List<JsonObject> existing)
    {
        var result = new JsonArray();
        var listed = body["attachments"] as JsonArray;
        var used = new HashSet<int>();
        foreach (var entry in (listed ?? []).OfType<JsonObject>())
        {
            var id = entry["id"]?.ToString();
            if (id is null)
            {
                continue;
            }
            if (int.TryParse(id, out var index) && index < 1000 && files.FirstOrDefault(f => f.Index == index) is { } file)
            {
                used.Add(index);
                result.Add(Store(channelId, file, entry["description"]?.GetValue<string>()));
            }
            else if (existing.FirstOrDefault(a => a["id"]?.GetValue<string>() == id) is { } kept)
            {
                result.Add(kept.DeepClone());
            }
        }
        if (listed is null)
        {
            foreach (var kept in existing)
            {
                result.Add(kept.DeepClone());
            }
        }
        foreach (var file in files.Where(f => !used.Contains(f.Index)))
        {
            result.Add(Store(channelId, file, null));
        }
        return result;
    }

    private JsonObject Store(string channelId, UploadedFile file, string? description)
    {
        var stored = state.StoreAttachment(channelId, file.FileName, file.ContentType, file.Bytes);
        return state.AttachmentJson(stored, description);
    }
}
