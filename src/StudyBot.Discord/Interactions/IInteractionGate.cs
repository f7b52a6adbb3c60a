namespace StudyBot.Discord.Interactions;

/// <summary>
/// Decides whether an interaction may reach its handler at all: run by the router for every route
/// (commands, autocomplete, buttons, select menus, modals), after any acknowledgement the route asks
/// for and before observers and the handler, so nothing is written for a refused interaction.
/// Registered in DI; every gate must let the interaction through.
/// </summary>
public interface IInteractionGate
{
    /// <summary>Null to let the interaction through; otherwise what to tell the user (ephemerally).</summary>
    Task<string?> RefuseAsync(InteractionContext context);
}
