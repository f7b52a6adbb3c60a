namespace StudyBot.Discord.Interactions;

/// <summary>
/// Stands before every handler: may refuse an interaction with a message before its handler (and the
/// observers) run, and may put a known failure into words for the user instead of the router's
/// generic apology. Registered in DI (e.g. the storage's: a database that cannot take writes answers
/// every command with one message).
/// </summary>
public interface IInteractionGuard
{
    /// <summary>The message to answer with instead of running the handler, or null to let it run.</summary>
    string? Refusal(InteractionContext context);

    /// <summary>The message for a failure this guard knows, or null for one it does not.</summary>
    string? Explain(Exception exception);
}
