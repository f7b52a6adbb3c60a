using Microsoft.EntityFrameworkCore;
using StudyBot.Data;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;
using StudyBot.Hosting;
using GuildMember = StudyBot.Data.Entities.GuildMember;

namespace StudyBot.Features.Guilds;

/// <summary>
/// Before every interaction in a guild: the guild has its decks, and the user is recorded as its
/// member (with whether they teach), which is how a DM knows the guilds a student shares with the bot
/// and how class statistics tell students from instructors. A member recorded lately with the same
/// standing is not written again (<see cref="MemberSightings"/>).
/// </summary>
public sealed class GuildPresence(GuildProvisioner provisioner, Instructors instructors, MemberSightings sightings, StudyDbContext db, StudyClock clock, CurrentPlace place) : IInteractionObserver
{
    public static readonly TimeSpan ProvisioningWait = TimeSpan.FromSeconds(1.5);

    public async Task BeforeAsync(InteractionContext context)
    {
        place.Set(context.Interaction);
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

        var now = clock.UtcNow;
        var updated = await db.GuildMembers.Where(m => m.GuildId == guildId && m.UserId == userId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.IsInstructor, teaches).SetProperty(x => x.LastSeenUtc, now).SetProperty(x => x.LeftUtc, (DateTime?)null), context.CancellationToken);
        if (updated > 0)
        {
            sightings.Recorded(guildId, userId, teaches);
            return;
        }

        db.GuildMembers.Add(new GuildMember { GuildId = guildId, UserId = userId, IsInstructor = teaches, FirstSeenUtc = now, LastSeenUtc = now });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
            sightings.Recorded(guildId, userId, teaches);
        }
        catch (DbUpdateException)
        {
            // A second interaction of the same member recorded them first; that row stands.
            db.ChangeTracker.Clear();
        }
    }

    public Task AfterAsync(InteractionContext context) => Task.CompletedTask;
}
