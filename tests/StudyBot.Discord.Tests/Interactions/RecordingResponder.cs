using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Interactions;

/// <summary>Keeps what a handler answered, for router tests that do not need Discord.</summary>
internal sealed class RecordingResponder : IInteractionResponder
{
    public List<InteractionResponse> Responses { get; } = [];

    public List<MessagePayload> Followups { get; } = [];

    public List<MessagePayload> Edits { get; } = [];

    public bool HasResponded => Responses.Count > 0;

    public Task RespondAsync(InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        if (HasResponded)
        {
            throw new InteractionAlreadyAnsweredException(1);
        }

        Responses.Add(response);
        return Task.CompletedTask;
    }

    public Task<Message> EditOriginalAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        Edits.Add(message);
        return Task.FromResult(new Message { Content = message.Content ?? "" });
    }

    public Task<Message> FollowupAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        Followups.Add(message);
        return Task.FromResult(new Message { Content = message.Content ?? "" });
    }
}
