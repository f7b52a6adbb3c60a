using System.ComponentModel.DataAnnotations;

namespace StudyBot.Discord.Interactions;

/// <summary>The <c>Discord:Interactions</c> section.</summary>
public sealed class DiscordInteractionOptions
{
    /// <summary>
    /// Handlers of acknowledged interactions (<see cref="RouteAcknowledgement.DeferEphemeral"/>)
    /// running at once; the rest wait their turn, already acknowledged. SQLite's driver holds a
    /// thread for every statement, so a thousand clicks run at once would starve the thread pool
    /// that the gateway and the REST client need for the next acknowledgements.
    /// </summary>
    public int MaxDeferredHandlers { get; set; } = 16;

    internal IEnumerable<ValidationResult> Validate()
    {
        if (MaxDeferredHandlers < 1)
        {
            yield return new ValidationResult("Discord:Interactions:MaxDeferredHandlers must be at least 1.");
        }
    }
}
