using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Interactions;

/// <summary>
/// What the bot did with an interaction: the callback type (4 message, 5 deferred, 6 deferred update,
/// 7 update, 8 autocomplete, 9 modal), the callback's data, and the message it produced or changed, if any.
/// </summary>
public sealed record InteractionOutcome(int CallbackType, JsonObject? Data, JsonObject? Message)
{
    public bool Ephemeral => ((Message?["flags"]?.GetValue<int>() ?? Data?["flags"]?.GetValue<int>() ?? 0) & 64) != 0;
    public string? Content => Message?["content"]?.GetValue<string>();
}
