using System.Text.Json.Nodes;

namespace StudyBot.Emulator.State;

/// <summary>A registered application command; <see cref="GuildId"/> is null for global commands.</summary>
public sealed record EmuCommand(string Id, string? GuildId, JsonObject Json)
{
    public string Name => Json["name"]!.GetValue<string>();
    public int Type => Json["type"]?.GetValue<int>() ?? 1;
    public string Description => Json["description"]?.GetValue<string>() ?? "";
}
