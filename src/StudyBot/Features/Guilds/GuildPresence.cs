using System.Data.Common;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Guilds;

/// <summary>
/// Before every interaction in a guild: the guild has its decks, and the user is recorded as its
/// member (with whether they teach), which is how a DM knows the guilds a student shares with the bot
/// and how class statistics tell students from instructors. A member recorded lately with the same
/// standing is not written again (<see cref="MemberSightings"/>); a new sighting is written with those
/// of other interactions (<see cref="MemberSightingWriter"/>).
/// </summary>
public sealed class GuildPresence(GuildProvisioner provisioner, Instructors instructors, MemberSightings sightings, MemberSightingWriter writer, GuildMembership membership, StudyClock clock) : IInteractionObserver
{
    public static readonly TimeSpan ProvisioningWait = TimeSpan.FromSeconds(1.5);

    public async Task BeforeAsync(InteractionContext context)
    {
        if (context.Interaction.GuildId is not { } guild)
        {
            return;
        }

        var guildId = guild.Value;
        // A guild's first copy of the essay decks may still be under way (started by GUILD_CREATE): wait
        // a little, but not past Discord's 3 seconds; the copy finishes on its own.
        var ensure = provisioner.EnsureAsync(guildId, CancellationToken.None);
        if (await Task.WhenAny(ensure, Task.Delay(ProvisioningWait, context.CancellationToken)) == ensure)
        {
            await ensure;
        }
        if (context.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return;
        }

        var userId = context.User.Id.Value;
        var teaches = await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken);
        if (sightings.IsRecorded(guildId, userId, teaches))
        {
            return;
        }

        try
        {
            await writer.WriteAsync(guildId, userId, teaches, clock.UtcNow).WaitAsync(context.CancellationToken);
            sightings.Recorded(guildId, userId, teaches);
            // Back in (or new to) this server: the user's DMs see its decks again without waiting for the recheck.
            membership.Forget(guildId, userId);
        }
        catch (DbException exception) when (DatabaseErrors.IsConstraintViolation(exception))
        {
            // The guild's own row is not written yet (its first copy of the decks is still under way):
            // the member is recorded at their next interaction; this one goes on (the writer logged why).
        }
    }

    public Task AfterAsync(InteractionContext context) => Task.CompletedTask;
}
