using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Interactions;

/// <summary>One interaction the emulator sent, and how far the bot has answered it.</summary>
internal sealed class InteractionRecord(string id, string token, int type, string channelId, string? guildId, string userId, DateTimeOffset createdAt, JsonObject payload)
{
    public string Id { get; } = id;
    public string Token { get; } = token;
    public int Type { get; } = type;
    public string ChannelId { get; } = channelId;
    public string? GuildId { get; } = guildId;
    public string UserId { get; } = userId;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public JsonObject Payload { get; } = payload;

    /// <summary>The message a component (or a modal opened from one) sits on.</summary>
    public string? SourceMessageId { get; init; }

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamps: when INTERACTION_CREATE was handed to the gateway, and when the first callback was accepted.</summary>
    public long DispatchedTimestamp { get; set; }
    public long CallbackTimestamp { get; set; }

    public Lock Gate { get; } = new();
    public int? CallbackType { get; set; }
    public JsonObject? CallbackData { get; set; }
    public string? OriginalMessageId { get; set; }
    public List<string> FollowupIds { get; } = [];

    public TaskCompletionSource<InteractionOutcome> Callback { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the user can see a result; for deferrals, at the first edit or follow-up.</summary>
    public TaskCompletionSource<InteractionOutcome> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
