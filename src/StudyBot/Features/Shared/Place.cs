using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;

namespace StudyBot.Features.Shared;

/// <summary>
/// Where an interaction happened and who acted: a server (or a DM with the bot when
/// <see cref="GuildId"/> is null), its channel, and the user. Built once from the interaction
/// (<see cref="Of(InteractionContext)"/>) and passed to the services that act for it, so a service
/// deep in the call words things for the place (a DM review says which server each card is from)
/// and reads only what this place may see.
/// </summary>
public readonly record struct Place(ulong? GuildId, ulong? ChannelId, ulong UserId)
{
    public bool InDirectMessage => GuildId is null;

    public static Place Of(Interaction interaction)
        => new(interaction.GuildId?.Value, interaction.ChannelId?.Value,
            (interaction.Invoker ?? throw new InvalidOperationException($"Interaction {interaction.Id} carries no user.")).Id.Value);

    public static Place Of(InteractionContext context) => Of(context.Interaction);

    /// <summary>A server's channel (0 when no channel matters), as a job or a test acts for a member.</summary>
    public static Place InGuild(ulong guildId, ulong userId, ulong channelId = 0) => new(guildId, channelId, userId);

    /// <summary>A DM with the bot.</summary>
    public static Place InDm(ulong userId) => new(null, null, userId);
}
