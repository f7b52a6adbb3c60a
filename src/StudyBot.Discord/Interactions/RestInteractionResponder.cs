using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Interactions;

/// <summary>Answers a gateway interaction with POST /interactions/{id}/{token}/callback.</summary>
public sealed class RestInteractionResponder(DiscordRestClient rest, Interaction interaction) : IInteractionResponder
{
    private int _responded;

    public bool HasResponded => Volatile.Read(ref _responded) == 1;

    public async Task RespondAsync(InteractionResponse response, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
    {
        DiscordLimits.CheckResponse(response);
        if (Interlocked.Exchange(ref _responded, 1) == 1)
        {
            throw new InteractionAlreadyAnsweredException(interaction.Id);
        }

        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, files, cancellationToken).ConfigureAwait(false);
    }

    public Task<Message> EditOriginalAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, message, files, cancellationToken);

    public Task<Message> FollowupAsync(MessagePayload message, IReadOnlyList<FileAttachment>? files = null, CancellationToken cancellationToken = default)
        => rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, files, cancellationToken);
}
