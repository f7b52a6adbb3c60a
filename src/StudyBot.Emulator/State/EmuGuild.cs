using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

public sealed record EmuRole(string Id, string Name, ulong Permissions, int Position = 0)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["permissions"] = Permissions.ToString(),
        ["position"] = Position,
        ["color"] = 0,
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = false,
        ["flags"] = 0,
    };
}

public sealed class EmuMember(EmuUser user, DateTimeOffset joinedAt)
{
    public EmuUser User { get; } = user;
    public List<string> RoleIds { get; } = [];
    public string? Nick { get; set; }
    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public JsonObject ToJson(ulong? permissions = null)
    {
        var json = new JsonObject
        {
            ["user"] = User.ToJson(),
            ["nick"] = Nick,
            ["roles"] = new JsonArray([.. RoleIds.Select(r => (JsonNode)r)]),
            ["joined_at"] = JoinedAt.ToString("O"),
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
        };
        if (permissions is { } p)
        {
            json["permissions"] = p.ToString();
        }
        return json;
    }
}

public sealed class EmuGuild(string id, string name, string ownerId)
{
    public string Id { get; } = id;
    public string Name { get; set; } = name;
    public string OwnerId { get; set; } = ownerId;

    /// <summary>Roles by id; the @everyone role has the guild's id.</summary>
    public Dictionary<string, EmuRole> Roles { get; } = [];
    public Dictionary<string, EmuMember> Members { get; } = [];
    public List<string> ChannelIds { get; } = [];
    public EmuRole Everyone => Roles[Id];
}
