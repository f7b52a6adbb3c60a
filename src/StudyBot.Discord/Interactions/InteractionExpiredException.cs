namespace StudyBot.Discord.Interactions;

/// <summary>
/// Thrown by a handler when the prompt the user acted on no longer applies (the card was already
/// answered, the quiz closed): the router answers with the same ephemeral note as for an unknown custom_id.
/// </summary>
public sealed class InteractionExpiredException(string reason) : Exception(reason);
