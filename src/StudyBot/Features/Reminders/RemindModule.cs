using System.Globalization;
using StudyBot.Data.Entities;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;

namespace StudyBot.Features.Reminders;

/// <summary>/remind set at:HH:MM, /remind show, /remind test and /remind off.</summary>
public sealed class RemindModule(ReminderService reminders)
{
    public async Task SetAsync(InteractionContext context)
    {
        var text = context.GetString("at")?.Trim() ?? "";
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            await context.Responder.ReplyEphemeralAsync($"'{text}' is not a time: use 24-hour HH:MM, e.g. 19:30.", context.CancellationToken);
            return;
        }

        UserSettings settings;
        DateTimeOffset? next;
        try
        {
            (settings, next) = await reminders.SetAsync(context.User.Id.Value, at, context.Interaction.GuildId?.Value, context.CancellationToken);
        }
        catch (Exception e) when (RefusalException.Text(e) is { } refused)
        {
            await context.Responder.ReplyEphemeralAsync(refused, context.CancellationToken);
            return;
        }

        var when = next is { } n ? $" The next one is {DiscordTime.Full(n.UtcDateTime)}." : "";
        await context.Responder.ReplyEphemeralAsync(
            $"Every day at {at:HH\\:mm} {ZoneText(settings)}, I will DM you how many cards are due, with a button to start; a day with nothing due sends no DM.{when} `/remind test` sends one now. Change your time zone with `/settings timezone:`.",
            context.CancellationToken);
    }

    /// <summary>"Europe/Berlin time (the server's zone)", or "Asia/Tokyo time (your zone)".</summary>
    private static string ZoneText(UserSettings settings)
        => $"{settings.TimeZone} time ({(settings.OwnTimeZone ? "your zone" : "the server's zone")})";

    public async Task ShowAsync(InteractionContext context)
    {
        var status = await reminders.ShowAsync(context.User.Id.Value, context.CancellationToken);
        var text = status.At is { } at
            ? $"Your reminder is set for {at:HH\\:mm} every day ({status.TimeZone}).{(status.Next is { } next ? $" The next one is {DiscordTime.Full(next.UtcDateTime)}." : "")}"
            : status.BlockedUtc is { } blocked
                ? $"Your reminder is off: it was turned off {DiscordTime.Full(blocked)} because your DMs are closed. Open them and use `/remind set`."
                : "You have no daily reminder. Set one with `/remind set at:19:30`.";
        await context.Responder.ReplyEphemeralAsync($"{text} Left today: **{status.DueNow.Total}** ({status.DueNow}).", context.CancellationToken);
    }

    public async Task TestAsync(InteractionContext context)
    {
        var outcome = await reminders.TestAsync(context.User.Id.Value, context.CancellationToken);
        var text = outcome switch
        {
            ReminderOutcome.DmsClosed => "I could not DM you: your direct messages are closed. Allow DMs from server members (the server's Privacy Settings), then try `/remind test` again.",
            ReminderOutcome.NothingDue => "Sent: look in your DMs. Nothing is due right now, so it only says so; a daily reminder on such a day sends nothing.",
            _ => "Sent: look in your DMs for the reminder, with its button to start.",
        };
        await context.Responder.ReplyEphemeralAsync(text, context.CancellationToken);
    }

    public async Task OffAsync(InteractionContext context)
    {
        await reminders.OffAsync(context.User.Id.Value, context.CancellationToken);
        await context.Responder.ReplyEphemeralAsync("Daily reminders are off.", context.CancellationToken);
    }
}
