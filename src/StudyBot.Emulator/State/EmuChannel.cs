using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

public sealed record PermissionOverwrite(string Id, int Type, ulong Allow, ulong Deny)
{
    public const int RoleType = 0;
    public const int MemberType = 1;
}

public sealed class EmuChannel(string id, int type, string? guildId, string name)
{
    public const int GuildText = 0;
    public const int Dm = 1;

    public string Id { get; } = id;
    public int Type { get; } = type;
    public string? GuildId { get; } = guildId;
    public string Name { get; set; } = name;
    public string? Topic { get; set; }
    public int Position { get; set; }
    public List<PermissionOverwrite> Overwrites { get; } = [];
    public List<string> RecipientIds { get; } = [];
    public string? LastMessageId { get; set; }

    public JsonObject ToJson(Func<string, EmuUser?> users)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["last_message_id"] = LastMessageId,
            ["flags"] = 0,
        };
        if (Type == Dm)
        {
            json["recipients"] = new JsonArray([.. RecipientIds.Select(users).OfType<EmuUser>().Select(u => (JsonNode)u.ToJson())]);
            return json;
        }
        json["guild_id"] = GuildId;
        json["name"] = Name;
        json["topic"] = Topic;
        json["position"] = Position;
        json["nsfw"] = false;
        json["parent_id"] = null;
        json["rate_limit_per_user"] = 0;
        json["permission_overwrites"] = new JsonArray([.. Overwrites.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id,
            ["type"] = o.Type,
            ["allow"] = o.Allow.ToString(),
            ["deny"] = o.Deny.ToString(),
        })]);
        return json;
    }
}
