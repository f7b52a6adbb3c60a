using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>The initial answers handlers give most often.</summary>
public static class InteractionResponderExtensions
{
    public static Task ReplyAsync(this IInteractionResponder responder, MessagePayload message, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource, Data = InteractionCallbackData.FromMessage(message) }, null, cancellationToken);

    public static Task ReplyEphemeralAsync(this IInteractionResponder responder, string content, CancellationToken cancellationToken = default)
        => responder.ReplyAsync(new MessagePayload { Content = content, Flags = MessageFlags.Ephemeral, AllowedMentions = new AllowedMentions() }, cancellationToken);

    /// <summary>Buys 15 minutes for slow work; finish with <see cref="IInteractionResponder.EditOriginalAsync"/>.</summary>
    public static Task DeferAsync(this IInteractionResponder responder, bool ephemeral = false, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse
        {
            Type = InteractionCallbackType.DeferredChannelMessageWithSource,
            Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
        }, null, cancellationToken);

    /// <summary>Acknowledges a component without changing its message yet.</summary>
    public static Task DeferUpdateAsync(this IInteractionResponder responder, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse { Type = InteractionCallbackType.DeferredUpdateMessage }, null, cancellationToken);

    /// <summary>Replaces the message the component sits on.</summary>
    public static Task UpdateMessageAsync(this IInteractionResponder responder, MessagePayload message, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse { Type = InteractionCallbackType.UpdateMessage, Data = InteractionCallbackData.FromMessage(message) }, null, cancellationToken);

    public static Task ShowModalAsync(this IInteractionResponder responder, InteractionCallbackData modal, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse { Type = InteractionCallbackType.Modal, Data = modal }, null, cancellationToken);

    public static Task AutocompleteAsync(this IInteractionResponder responder, IReadOnlyList<ApplicationCommandOptionChoice> choices, CancellationToken cancellationToken = default)
        => responder.RespondAsync(new InteractionResponse { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new InteractionCallbackData { Choices = choices } }, null, cancellationToken);
}
