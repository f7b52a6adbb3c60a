using StudyBot.Data.Entities;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Settings;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Config;

/// <summary>/config instructor-role | study-channel | timezone | show (instructors).</summary>
public sealed class ConfigModule(ConfigService config, Instructors instructors, TimeZoneCatalog zones)
{
    public Task InstructorRoleAsync(InteractionContext context) => GuardedAsync(context, (guildId, ct) =>
        context.GetId("role") is { } role
            ? config.SetInstructorRoleAsync(guildId, role.Value, ct)
            : throw new RefusalException("Choose a role in the `role` option."));

    public Task StudyChannelAsync(InteractionContext context) => GuardedAsync(context, (guildId, ct) =>
        context.GetId("channel") is not { } channel
            ? throw new RefusalException("Choose a channel in the `channel` option.")
            // Notices for students whose DMs are closed are posted there.
            : ChannelAccess.Missing(context.Interaction, channel.Value, ChannelAccess.Text) is { Count: > 0 } missing
                ? throw new RefusalException(ChannelAccess.Need(missing, channel.Value) + " Ask a server manager to allow them for StudyBot in that channel's permissions.")
                : config.SetStudyChannelAsync(guildId, channel.Value, ct));

    public Task TimeZoneAsync(InteractionContext context)
        => GuardedAsync(context, (guildId, ct) => config.SetTimeZoneAsync(guildId, context.GetString("zone") ?? "", ct));

    public Task ShowAsync(InteractionContext context)
        => GuardedAsync(context, (guildId, ct) => config.GetAsync(guildId, ct), changed: false);

    public async Task SuggestZonesAsync(InteractionContext context)
    {
        var choices = (await zones.MatchAsync(Choices.Typed(context))).Select(z => Choices.Of(z.Label, z.Id)).ToList();
        await context.Responder.AutocompleteAsync(choices, context.CancellationToken);
    }

    public static MessagePayload Render(GuildSettings settings, bool changed)
    {
        var message = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(changed ? "Server settings saved" : "Server settings")
                .WithColor(Colors.Brand)
                .AddField("Instructor role", settings.InstructorRoleId is { } role ? $"<@&{role}>" : "none (members with Manage Server teach)", inline: true)
                .AddField("Study channel", settings.StudyChannelId is { } channel ? $"<#{channel}>" : "none", inline: true)
                .AddField("Time zone", settings.TimeZone ?? "UTC (not set)", inline: true)
                .WithFooter("Change with /config instructor-role, /config study-channel, /config timezone"))
            .Ephemeral()
            .Build();
        return message with { AllowedMentions = new AllowedMentions() };
    }

    private async Task GuardedAsync(InteractionContext context, Func<ulong, CancellationToken, Task<GuildSettings>> action, bool changed = true)
    {
        if (context.Interaction.GuildId is not { } guild || !await instructors.IsInstructorAsync(context.Interaction, context.CancellationToken))
        {
            await context.Responder.ReplyEphemeralAsync(Instructors.RefusalText, context.CancellationToken);
            return;
        }

        try
        {
            var settings = await action(guild.Value, context.CancellationToken);
            await context.Responder.ReplyAsync(Render(settings, changed), context.CancellationToken);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            await context.Responder.ReplyEphemeralAsync(refused + " Nothing was changed.", context.CancellationToken);
        }
    }
}
