using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Study;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Features.Review;
using StudyBot.Features.Settings;
using StudyBot.Features.Shared;
using StudyBot.Hosting;

namespace StudyBot.Features.Reminders;

/// <summary>What a reminder run did.</summary>
public enum ReminderOutcome
{
    Sent,
    NothingDue,
    DmsClosed,
    /// <summary>The bot was down at the reminder time and came back an hour or more later: that day's reminder is skipped.</summary>
    TooLate,
    /// <summary>This fire time's reminder went out already (a repeated fire after a restart).</summary>
    AlreadySent,
    Off,
}

/// <summary>A student's reminder as /remind show tells it.</summary>
public sealed record ReminderStatus(TimeOnly? At, string TimeZone, DateTimeOffset? Next, DueCounts DueNow, DateTime? BlockedUtc);

/// <summary>
/// Sets, shows and clears reminders, and sends them: the due count is the /review queue's own count
/// (<see cref="ReviewEngine.DueCountAsync"/>) over the decks of every guild the student shares with
/// the bot. A student whose DMs are closed has the reminder turned off at the first failure and is
/// told once: in the study channel of the guild they set it in, else at their next use of the bot.
/// </summary>
public sealed class ReminderService(
    StudyDbContext db,
    StudentStore students,
    StudentDefaults defaults,
    ReminderScheduler scheduler,
    ServerZoneFollowers followers,
    ReviewEngine engine,
    IReminderMessenger messenger,
    StudyClock clock,
    ILogger<ReminderService> logger)
{
    /// <summary>A reminder missed while the bot was down is still worth sending if it is less late than this.</summary>
    public static readonly TimeSpan MissedGrace = TimeSpan.FromHours(1);

    public const string TurnedOffText = "Your daily StudyBot reminder could not reach you because your direct messages are closed, so it is turned off. Open DMs from server members and use `/remind set` to turn it on again.";

    /// <summary>Sets the reminder in the student's zone (the server's, for a student without one of their own); returns the settings it uses and the next fire.</summary>
    public async Task<(UserSettings Settings, DateTimeOffset? Next)> SetAsync(ulong userId, TimeOnly at, ulong? guildId, CancellationToken cancellationToken)
    {
        var settings = await followers.FollowAsync(await defaults.EnsureAsync(userId, guildId, cancellationToken), guildId, cancellationToken);
        settings.ReminderTime = at;
        settings.ReminderGuildId = guildId ?? settings.ReminderGuildId;
        settings.ReminderBlockedUtc = null;
        settings.ReminderNoticePending = false;
        await students.SaveSettingsAsync(settings, cancellationToken);
        await scheduler.ScheduleAsync(userId, at, settings.TimeZone, cancellationToken);
        return (settings, await scheduler.NextFireAsync(userId, cancellationToken));
    }

    public async Task OffAsync(ulong userId, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        settings.ReminderTime = null;
        await students.SaveSettingsAsync(settings, cancellationToken);
        await scheduler.CancelAsync(userId, cancellationToken);
    }

    public async Task<ReminderStatus> ShowAsync(ulong userId, CancellationToken cancellationToken)
    {
        var settings = await defaults.EnsureAsync(userId, cancellationToken);
        var next = settings.ReminderTime is null ? null : await scheduler.NextFireAsync(userId, cancellationToken);
        var due = await CountDueAsync(userId, cancellationToken);
        return new ReminderStatus(settings.ReminderTime, ServerZoneFollowers.Describe(settings), next, due, settings.ReminderBlockedUtc);
    }

    /// <summary>
    /// Sends today's reminder. It is meant for the latest occurrence of the student's reminder time; a
    /// fire that comes later than that (the bot was down) sends it if less than an hour late, once.
    /// </summary>
    /// <param name="onSchedule">False for a reminder sent on demand (a manual trigger): then lateness does not matter.</param>
    public async Task<ReminderOutcome> RemindAsync(ulong userId, bool onSchedule, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var settings = await students.GetSettingsAsync(userId, cancellationToken);
        if (settings.ReminderTime is not { } at)
        {
            return ReminderOutcome.Off;
        }

        var scheduled = LastOccurrence(at, UserZones.Find(settings.TimeZone), now);
        if (onSchedule && now - scheduled >= MissedGrace)
        {
            logger.LogDebug("Reminder for user {User} due at {Scheduled:u} skipped: {Late} late after a restart", userId, scheduled, now - scheduled);
            return ReminderOutcome.TooLate;
        }

        if (onSchedule && settings.ReminderLastSentUtc is { } last && last >= scheduled)
        {
            return ReminderOutcome.AlreadySent;
        }

        var due = await CountDueAsync(userId, cancellationToken);
        if (due.Total == 0)
        {
            logger.LogDebug("Reminder for user {User}: nothing due, no message sent", userId);
            return ReminderOutcome.NothingDue;
        }

        // The claim, before sending: of two runs of one fire (a job re-run on another cluster node after
        // its node died mid-run, a restart), exactly one updates the row and sends. A crash between the
        // claim and the send loses that day's reminder rather than sending it twice.
        var previous = settings.ReminderLastSentUtc;
        if (onSchedule && await db.UserSettings
                .Where(s => s.UserId == userId && (s.ReminderLastSentUtc == null || s.ReminderLastSentUtc < scheduled))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderLastSentUtc, now), cancellationToken) == 0)
        {
            return ReminderOutcome.AlreadySent;
        }

        var message = DueMessage(due, await ExamLinesAsync(userId, cancellationToken));
        try
        {
            await messenger.SendDirectAsync(userId, message, cancellationToken);
        }
        catch (DiscordApiException e) when (e.IsCannotDirectMessage)
        {
            await TurnOffForClosedDmsAsync(userId, settings, cancellationToken);
            return ReminderOutcome.DmsClosed;
        }
        catch (Exception) when (onSchedule)
        {
            // Not sent: give the claim back, so a retry of this fire may send it.
            await db.UserSettings.Where(s => s.UserId == userId && s.ReminderLastSentUtc >= scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderLastSentUtc, previous), CancellationToken.None);
            throw;
        }

        if (!onSchedule)
        {
            await db.UserSettings.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderLastSentUtc, now), cancellationToken);
        }

        logger.LogDebug("Reminder sent to user {User}: {Due} cards due", userId, due.Total);
        return ReminderOutcome.Sent;
    }

    /// <summary>
    /// Sends the student a reminder now, whether or not one is set, so they see what it looks like and
    /// that their DMs are open; with nothing due it says so (a scheduled reminder sends nothing then).
    /// </summary>
    public async Task<ReminderOutcome> TestAsync(ulong userId, CancellationToken cancellationToken)
    {
        var due = await CountDueAsync(userId, cancellationToken);
        var message = due.Total > 0
            ? DueMessage(due, await ExamLinesAsync(userId, cancellationToken))
            : new MessageBuilder().WithContent(NothingDueTestText).Build();
        try
        {
            await messenger.SendDirectAsync(userId, message, cancellationToken);
        }
        catch (DiscordApiException e) when (e.IsCannotDirectMessage)
        {
            return ReminderOutcome.DmsClosed;
        }

        return due.Total > 0 ? ReminderOutcome.Sent : ReminderOutcome.NothingDue;
    }

    public const string NothingDueTestText = "This is a test of your StudyBot reminder: nothing is due right now, and on a day like this the daily reminder sends nothing. When cards are due it says how many, with a button to start.";

    /// <summary>The reminder: how many cards are due, the exams ahead (<paramref name="exams"/>, one line each), and a button to start.</summary>
    private static MessagePayload DueMessage(DueCounts due, string exams)
        => new MessageBuilder()
            .WithContent($"Time to study: **{due.Total}** card{(due.Total == 1 ? " is" : "s are")} waiting for you ({due}).{exams}")
            .AddActionRow(row => row.AddButton(ReviewIds.Next.Format(new(0)), "Start review", ButtonStyle.Primary))
            .Build();

    /// <summary>The exams ahead in the student's decks, one line each after a line break (empty when none).</summary>
    private async Task<string> ExamLinesAsync(ulong userId, CancellationToken cancellationToken)
    {
        var deckIds = await VisibleDecks.ForStudent(db, userId, null).Select(d => d.Id).ToListAsync(cancellationToken);
        var exams = await engine.ExamCountdownsAsync(userId, deckIds, clock.UtcNow, cancellationToken);
        return string.Concat(exams.Take(5).Select(x => "\n" + x.Line()));
    }

    /// <summary>What is left today in every guild the student shares with the bot: the /review screen's own count (new, learning, review).</summary>
    public async Task<DueCounts> CountDueAsync(ulong userId, CancellationToken cancellationToken)
    {
        var deckIds = await VisibleDecks.ForStudent(db, userId, null).Select(d => d.Id).ToListAsync(cancellationToken);
        return await engine.DueCountAsync(userId, deckIds, clock.UtcNow, cancellationToken);
    }

    /// <summary>Whether the student still has to be told their reminder was turned off; clears it, so they are told once.</summary>
    /// <remarks>Read first: it runs after every interaction, and almost always finds nothing to clear, which needs no write.</remarks>
    public async Task<bool> TakePendingNoticeAsync(ulong userId, CancellationToken cancellationToken)
        => await db.UserSettings.AnyAsync(s => s.UserId == userId && s.ReminderNoticePending, cancellationToken)
            && await db.UserSettings.Where(s => s.UserId == userId && s.ReminderNoticePending)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReminderNoticePending, false), cancellationToken) > 0;

    /// <summary>The latest moment at or before <paramref name="nowUtc"/> (give or take a minute) when the local clock showed <paramref name="at"/>.</summary>
    public static DateTime LastOccurrence(TimeOnly at, TimeZoneInfo zone, DateTime nowUtc)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var date = DateOnly.FromDateTime(localNow);
        for (var back = 0; back < 3; back++)
        {
            var local = date.AddDays(-back).ToDateTime(at);
            // A time skipped by a DST change happens an hour later that day.
            while (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1);
            }

            var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            if (utc <= nowUtc.AddMinutes(1))
            {
                return utc;
            }
        }

        return nowUtc;
    }

    private async Task TurnOffForClosedDmsAsync(ulong userId, UserSettings settings, CancellationToken cancellationToken)
    {
        logger.LogDebug("Reminder for user {User} not delivered: they do not accept direct messages; the reminder is turned off", userId);
        await scheduler.CancelAsync(userId, cancellationToken);
        var channel = settings.ReminderGuildId is { } guildId
            ? await db.GuildSettings.Where(g => g.GuildId == guildId).Select(g => g.StudyChannelId).FirstOrDefaultAsync(cancellationToken)
            : null;
        var told = false;
        if (channel is { } channelId)
        {
            try
            {
                await messenger.PostAsync(channelId, new MessagePayload
                {
                    Content = $"<@{userId}> {TurnedOffText}",
                    AllowedMentions = new AllowedMentions { Users = [new Snowflake(userId)] },
                }, cancellationToken);
                told = true;
            }
            catch (DiscordApiException e)
            {
                if (ChannelAccess.IsRefused(e))
                {
                    Observability.HostMetrics.RefusedPost("reminder");
                }

                logger.LogWarning("Could not tell user {User} in study channel {Channel} that their reminder is off: {Reason}", userId, channelId, e.Message);
            }
        }

        var now = clock.UtcNow;
        await db.UserSettings.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ReminderTime, (TimeOnly?)null)
            .SetProperty(x => x.ReminderBlockedUtc, now)
            .SetProperty(x => x.ReminderNoticePending, !told), cancellationToken);
    }
}
