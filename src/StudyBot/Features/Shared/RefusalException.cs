using StudyBot.Data;

namespace StudyBot.Features.Shared;

/// <summary>
/// What a user asked cannot be done, with a message that says why and what to do instead (a deck
/// that is not here, a time that cannot be read). Thrown by the feature services; a module that shows
/// it in its own way catches it with <see cref="Text"/>, and one it does not catch is answered by the
/// router with its message (<see cref="RefusalGuard"/>).
/// </summary>
public sealed class RefusalException(string message) : Exception(message)
{
    /// <summary>
    /// The words to tell the user for a refusal, or null for any other failure. The one place the
    /// storage's refusals (<see cref="StoreRefusedException"/>) become the user's, like the host's own.
    /// </summary>
    public static string? Text(Exception exception) => exception switch
    {
        RefusalException refusal => refusal.Message,
        StoreRefusedException refused => refused.Message,
        _ => null,
    };
}

/// <summary>Answers a refusal no module caught with its message, rather than the router's generic apology.</summary>
public sealed class RefusalGuard : Discord.Interactions.IInteractionGuard
{
    public string? Refusal(Discord.Interactions.InteractionContext context) => null;

    public string? Explain(Exception exception) => RefusalException.Text(exception);
}
