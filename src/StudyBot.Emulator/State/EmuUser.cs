using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

public sealed class EmuUser(string id, string username, bool bot = false)
{
    public string Id { get; } = id;
    public string Username { get; set; } = username;
    public string? GlobalName { get; set; }
    public bool Bot { get; } = bot;

    /// <summary>False makes messages to this user's DM fail with 50007, as for a user who closed DMs.</summary>
    public bool AcceptsDms { get; set; } = true;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["username"] = Username,
            ["discriminator"] = "0",
            ["global_name"] = GlobalName,
            ["avatar"] = null,
            ["public_flags"] = 0,
        };
        if (Bot)
        {
            json["bot"] = true;
        }
        return json;
    }
}
