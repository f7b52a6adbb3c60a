using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Settings;

/// <summary>/settings [timezone] [day-start] [new-per-day] [reviews-per-day], and time zone autocomplete.</summary>
public sealed class SettingsModule(SettingsService settings, TimeZoneCatalog zones)
{
    public async Task UpdateAsync(InteractionContext context)
    {
        var change = new SettingsChange(
            context.GetString("timezone"),
            (int?)context.GetInteger("day-start"),
            (int?)context.GetInteger("new-per-day"),
            (int?)context.GetInteger("reviews-per-day"),
            context.GetBoolean("leaderboard"));
        UserSettings saved;
        try
        {
            saved = await settings.UpdateAsync(context.User.Id.Value, change, context.CancellationToken);
        }
        catch (StudyException e)
        {
            await context.Responder.ReplyEphemeralAsync(e.Message + " Nothing was changed.", context.CancellationToken);
            return;
        }

        var message = new MessageBuilder()
            .AddEmbed(e => e
                .WithTitle(change.IsEmpty ? "Your settings" : "Settings saved")
                .WithColor(Colors.Brand)
                .AddField("Time zone", saved.TimeZone, inline: true)
                .AddField("Day starts at", $"{saved.DayStartHour:00}:00", inline: true)
                .AddField("New cards per day", saved.NewPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture), inline: true)
                .AddField("Reviews per day", saved.ReviewsPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture), inline: true)
                .AddField("Daily reminder", saved.ReminderTime is { } at ? $"{at:HH\\:mm}" : "off (`/remind set`)", inline: true)
                .AddField("On leaderboards", saved.HideFromLeaderboard ? "no" : "yes", inline: true))
            .Ephemeral()
            .Build();
        await context.Responder.ReplyAsync(message, context.CancellationToken);
    }

    public async Task SuggestZonesAsync(InteractionContext context)
    {
        var choices = (await zones.MatchAsync(Choices.Typed(context)))
            .Select(zone => Choices.Of(zone.Label, zone.Id))
            .ToList();
        await context.Responder.AutocompleteAsync(choices, context.CancellationToken);
    }
}
