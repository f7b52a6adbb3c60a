using System.Globalization;
using StudyBot.Data.Entities;
using StudyBot.Data.Fitting;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Settings;

/// <summary>/settings [timezone] [day-start] [new-per-day] [reviews-per-day] [optimize], and time zone autocomplete.</summary>
public sealed class SettingsModule(SettingsService settings, TimeZoneCatalog zones, ScheduleFitService fits, StudentFitter fitter)
{
    public async Task UpdateAsync(InteractionContext context)
    {
        var userId = context.User.Id.Value;
        var optimize = context.GetBoolean("optimize") == true;
        var change = new SettingsChange(
            context.GetString("timezone"),
            (int?)context.GetInteger("day-start"),
            (int?)context.GetInteger("new-per-day"),
            (int?)context.GetInteger("reviews-per-day"),
            context.GetBoolean("leaderboard"),
            context.GetNumber("exam-target"));
        FitOutcome? fitted = null;
        if (optimize)
        {
            // A fit reads the whole review log: answer within Discord's three seconds, then edit.
            await context.Responder.DeferAsync(ephemeral: true, context.CancellationToken);
            fitted = await fits.FitAsync(userId, context.CancellationToken);
        }
        UserSettings saved;
        try
        {
            saved = await settings.UpdateAsync(userId, context.Interaction.GuildId?.Value, change, context.CancellationToken);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            var refusal = refused + " Nothing was changed.";
            if (optimize)
            {
                await context.Responder.EditOriginalAsync(new MessageBuilder().WithContent(refusal).Build(), null, context.CancellationToken);
                return;
            }
            await context.Responder.ReplyEphemeralAsync(refusal, context.CancellationToken);
            return;
        }
        var latest = await fitter.LatestAsync(userId, context.CancellationToken);

        var message = new MessageBuilder()
            .AddEmbed(e =>
            {
                e.WithTitle(fitted is not null ? "Schedule optimized" : change.IsEmpty ? "Your settings" : "Settings saved")
                    .WithColor(Colors.Brand)
                    .AddField("Time zone", ServerZoneFollowers.Describe(saved), inline: true)
                    .AddField("Day starts at", $"{saved.DayStartHour:00}:00", inline: true)
                    .AddField("New cards per day", saved.NewPerDay.ToString(CultureInfo.InvariantCulture), inline: true)
                    .AddField("Reviews per day", saved.ReviewsPerDay.ToString(CultureInfo.InvariantCulture), inline: true)
                    .AddField("Daily reminder", saved.ReminderTime is { } at ? $"{at:HH\\:mm}" : "off (`/remind set`)", inline: true)
                    .AddField("On leaderboards", saved.HideFromLeaderboard ? "no" : "yes", inline: true)
                    .AddField("Exam target", (saved.ExamTarget ?? Core.Scheduling.Exam.ExamScheduler.DefaultTarget).ToString("0.00", CultureInfo.InvariantCulture) + " recall on exam days", inline: true)
                    .AddField("Schedule", ScheduleViews.Schedule(saved, latest), inline: false);
                if (fitted is not null)
                {
                    e.WithDescription(ScheduleViews.Outcome(fitted));
                }
            });
        if (optimize)
        {
            await context.Responder.EditOriginalAsync(message.Build(), null, context.CancellationToken);
            return;
        }
        await context.Responder.ReplyAsync(message.Ephemeral().Build(), context.CancellationToken);
    }

    public async Task SuggestZonesAsync(InteractionContext context)
    {
        var typed = Choices.Typed(context);
        var choices = (await zones.MatchAsync(typed))
            .Select(zone => Choices.Of(zone.Label, zone.Id))
            .ToList();
        if (typed.Length > 0 && ServerZoneFollowers.ServerWord.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            choices.Insert(0, Choices.Of("server (follow this server's time zone)", ServerZoneFollowers.ServerWord));
        }
        await context.Responder.AutocompleteAsync(choices, context.CancellationToken);
    }
}
