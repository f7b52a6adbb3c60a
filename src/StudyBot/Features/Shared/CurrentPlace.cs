using StudyBot.Discord.Models;

namespace StudyBot.Features.Shared;

/// <summary>
/// Where the interaction being handled happened: in a guild, or in a DM with the bot. Scoped to the
/// interaction and set before its handler runs, so a service deep in the call can word things for
/// the place (a DM review says which server each card is from).
/// </summary>
public sealed class CurrentPlace
{
    public ulong? GuildId { get; private set; }

    public bool InDirectMessage { get; private set; }

    public void Set(Interaction interaction)
    {
        GuildId = interaction.GuildId?.Value;
        InDirectMessage = interaction.GuildId is null;
    }
}
