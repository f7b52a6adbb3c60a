using StudyBot.Data.Stores;
using StudyBot.Discord.Http;
using StudyBot.Discord.Models;

namespace StudyBot.Hosting;

/// <summary>The HTTP endpoint's replay store: the accepted interaction ids in the bot's database (<see cref="AcceptedInteractions"/>).</summary>
internal sealed class DatabaseReplayStore(AcceptedInteractions accepted) : IInteractionReplayStore
{
    public Task<bool> TryClaimAsync(Snowflake interactionId, CancellationToken cancellationToken) =>
        accepted.TryClaimAsync(interactionId.Value, cancellationToken);
}
