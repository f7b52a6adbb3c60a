using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Answers one interaction: the first answer goes through <see cref="RespondAsync"/> (a REST
/// callback on the gateway, the HTTP response in endpoint mode); later changes through the webhook.
/// </summary>
public interface IInteractionResponder
{
    bool HasResponded { get; }

    /// <summary>Sends the one initial answer; a second call throws, because Discord answers it with 40060.</summary>
    Task RespondAsync(InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default);

    Task<Message> EditOriginalAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default);

    Task<Message> FollowupAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default);
}

/// <summary>Raised by a second initial answer to one interaction.</summary>
public sealed class InteractionAlreadyAnsweredException(Snowflake interactionId)
    : InvalidOperationException($"Interaction {interactionId} was already answered; use EditOriginalAsync or FollowupAsync.");
