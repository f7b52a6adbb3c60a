using StudyBot.Discord.Models;

namespace StudyBot.Discord.Http;

/// <summary>
/// Where the HTTP endpoint claims each signed interaction's id, beyond the process's own memory of
/// signatures: a store shared by restarts and processes (the bot's database). Optional in DI.
/// </summary>
public interface IInteractionReplayStore
{
    /// <summary>True for the first claim of <paramref name="interactionId"/>; false when it was accepted before.</summary>
    Task<bool> TryClaimAsync(Snowflake interactionId, CancellationToken cancellationToken);
}
