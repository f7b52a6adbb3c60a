using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// Remembers the interactions already taken for ten minutes, so that one delivered twice (a gateway
/// replay after a resume or a new session, a repeated HTTP request) runs its handler once. Keeps
/// Discord's time (<see cref="DiscordTime.Key"/>), like the clients, whatever time the host studies in.
/// </summary>
public sealed class InteractionDeduplicator([FromKeyedServices(DiscordTime.Key)] TimeProvider time)
{
    /// <summary>Longer than Discord's 3 s to answer and its 15 minute token life needs for a second delivery to matter.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ExpiringSet<ulong> _seen = new(time);

    /// <summary>True the first time an id is seen within the window.</summary>
    public bool TryClaim(Snowflake id) => _seen.TryAdd(id.Value, time.GetUtcNow() + Window);
}
