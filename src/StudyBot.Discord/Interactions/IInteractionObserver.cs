namespace StudyBot.Discord.Interactions;

/// <summary>
/// Sees every interaction in its scope: before its handler runs (to record who is where) and after
/// it answered (to add a follow-up). Registered in DI; a failure before the handler fails the interaction.
/// </summary>
public interface IInteractionObserver
{
    Task BeforeAsync(InteractionContext context);

    Task AfterAsync(InteractionContext context);
}
