using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Http;

/// <summary>
/// Endpoint mode: the initial answer becomes the HTTP response to Discord's POST; later edits and
/// follow-ups go through the webhook as usual, once the response has been written.
/// </summary>
internal sealed class HttpInteractionResponder(DiscordRestClient rest, Interaction interaction) : IInteractionResponder
{
    private readonly TaskCompletionSource<(InteractionResponse Response, IReadOnlyList<FileAttachment>? Files)> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<(InteractionResponse Response, IReadOnlyList<FileAttachment>? Files)> Answer => _answer.Task;

    public bool HasResponded => _answer.Task.IsCompleted;

    public async Task RespondAsync(InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        DiscordLimits.CheckResponse(response);
        if (!_answer.TrySetResult((response, files)))
        {
            throw new InteractionAlreadyAnsweredException(interaction.Id);
        }

        // Edits right after the answer must not overtake it.
        await _written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void MarkWritten(Exception? error = null)
    {
        if (error is null)
        {
            _written.TrySetResult();
        }
        else
        {
            _written.TrySetException(error);
        }
    }

    public Task<Message> EditOriginalAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, files, cancellationToken);

    public Task<Message> FollowupAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, files, cancellationToken);
}
