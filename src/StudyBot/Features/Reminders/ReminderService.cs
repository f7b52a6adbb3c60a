using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Review;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Reminders;

/// <summary>What a reminder run did.</summary>
public enum ReminderOutcome
{
    Sent,
    NothingDue,
    DmsClosed,
}

/// <summary>Sets and clears reminders, and sends them: counts what is due and DMs the student a Start button.</summary>
public sealed class ReminderService(
    StudyDbContext db,
    StudentStore students,
    StudentDefaults defaults,
    ReminderScheduler scheduler,
    DiscordRestClient rest,
    StudyClock clock,
    ILogger<ReminderService> logger)
{
    public async Task<DateTimeOffset?> SetAsync(ulong userId, TimeOnly at, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        settings.ReminderTime = at;
        await students.SaveSettingsAsync(settings, cancellationToken);
        await scheduler.ScheduleAsync(userId, at, settings.TimeZone, cancellationToken);
        return await scheduler.NextFireAsync(userId, cancellationToken);
    }

    public async Task OffAsync(ulong userId, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        settings.ReminderTime = null;
        await students.SaveSettingsAsync(settings, cancellationToken);
        await scheduler.CancelAsync(userId, cancellationToken);
    }

    public async Task<ReminderOutcome> RemindAsync(ulong userId, CancellationToken cancellationToken)
    {
        var due = await CountDueAsync(userId, cancellationToken);
        if (due == 0)
        {
            logger.LogInformation("Reminder for user {User}: nothing due, no message sent", userId);
            return ReminderOutcome.NothingDue;
        }

        var message = new MessageBuilder()
            .WithContent($"Time to study: **{due}** card{(due == 1 ? " is" : "s are")} waiting for you.")
            .AddActionRow(row => row.AddButton(ReviewIds.NextOf(0), "Start review", ButtonStyle.Primary))
            .Build();
        try
        {
            await rest.SendDirectMessageAsync(userId, message, cancellationToken);
        }
        catch (DiscordApiException e) when (e.IsCannotDirectMessage)
        {
            // The student closed their DMs: an ordinary choice, not a failure of the job.
            logger.LogInformation("Reminder for user {User} not delivered: they do not accept direct messages", userId);
            return ReminderOutcome.DmsClosed;
        }

        logger.LogInformation("Reminder sent to user {User}: {Due} cards due", userId, due);
        return ReminderOutcome.Sent;
    }

    /// <summary>Cards the student could study now: learning and review cards due today, plus new cards within today's limit.</summary>
    public async Task<int> CountDueAsync(ulong userId, CancellationToken cancellationToken)
    {
        var settings = await students.GetSettingsAsync(userId, cancellationToken);
        var now = clock.UtcNow;
        var day = StudyDay.Containing(now, UserZones.Find(settings.TimeZone), settings.DayStartHour);
        var deckIds = await db.Enrolments.Where(e => e.UserId == userId).Select(e => e.DeckId).ToListAsync(cancellationToken);
        if (deckIds.Count == 0)
        {
            return 0;
        }

        var due = await db.CardStates.CountAsync(
            s => s.UserId == userId && !s.Memory.Suspended && !s.Card!.Retired && deckIds.Contains(s.Card.DeckId)
                && s.Memory.State != CardState.New && s.Memory.Due < day.EndUtc,
            cancellationToken);
        var unseen = await db.Cards.CountAsync(
            c => deckIds.Contains(c.DeckId) && !c.Retired && !db.CardStates.Any(s => s.UserId == userId && s.CardId == c.Id && s.Memory.State != CardState.New),
            cancellationToken);
        var introducedToday = await db.ReviewLog.CountAsync(
            l => l.UserId == userId && l.Kind == Data.Entities.ReviewKind.Answer && l.ReviewedUtc >= day.StartUtc && l.ReviewedUtc < day.EndUtc
                && l.Before.State == CardState.New && !db.ReviewLog.Any(u => u.UndoesId == l.Id),
            cancellationToken);
        return due + Math.Min(unseen, Math.Max(0, settings.NewPerDay - introducedToday));
    }
}
