using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Reminders;

namespace StudyBot.Tests.EndToEnd;

public sealed class ReminderTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Remind_UserInTokyo_TriggerFiresAtTheirLocalTimeAndDmsThem()
    {
        var student = bot.AddStudent("tokyo");
        var userId = ulong.Parse(student.Id);
        await bot.RunAsync(student, "settings", new CommandOptionInput("timezone", "Asia/Tokyo"));
        await bot.RunAsync(student, "review", new CommandOptionInput("deck", "china-costs"));

        var set = await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "19:30")));
        Assert.Contains("19:30", set.Content);

        // The stored cron trigger keeps the student's zone: 19:30 in Tokyo (UTC+9, no DST) is 10:30 UTC.
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(ReminderScheduler.TriggerFor(userId));
        var next = Assert.IsAssignableFrom<ICronTrigger>(trigger).NextFireTimeUtc!.Value;
        Assert.Equal(new TimeSpan(10, 30, 0), next.UtcDateTime.TimeOfDay);
        Assert.Equal("Asia/Tokyo", ((ICronTrigger)trigger!).TimeZone.Id);

        // Fire it now through the real scheduler instead of waiting for the evening.
        await scheduler.TriggerJob(ReminderScheduler.JobFor(userId));
        var dm = await WaitForDmAsync(student.Id);

        Assert.Contains("cards are waiting", dm.Content);
        var start = MessageView.ButtonLabelled(dm.Json, "Start review");
        var card = await (await student.ClickButtonAsync(dm.Id, start)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("What North Korea's misbehavior already costs", MessageView.Text(card.Message));
    }

    [Fact]
    public async Task ReminderJob_DmsClosedAndNoStudyChannel_TurnsReminderOffAndTellsTheStudentOnceAtTheirNextCommand()
    {
        var closed = bot.AddStudent("closed-dms", acceptsDms: false);
        var open = bot.AddStudent("open-dms");
        foreach (var student in new[] { closed, open })
        {
            await bot.RunAsync(student, "review", new CommandOptionInput("deck", "china-costs"));
            await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:00")));
        }

        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var closedId = ulong.Parse(closed.Id);
        await scheduler.TriggerJob(ReminderScheduler.JobFor(closedId));
        await scheduler.TriggerJob(ReminderScheduler.JobFor(ulong.Parse(open.Id)));

        await WaitForDmAsync(open.Id);
        var settings = await WaitForBlockedAsync(bot, closedId);
        Assert.Null(settings.ReminderTime);
        Assert.True(settings.ReminderNoticePending);
        Assert.Null(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(closedId)));
        Assert.Empty(bot.Emulator.State.MessagesIn(bot.Emulator.State.GetOrCreateDm(closed.Id).Id));

        await bot.RunAsync(closed, "remind", CommandOptionInput.Sub("show"));
        await bot.RunAsync(closed, "stats");

        var notes = bot.Emulator.State.MessagesIn(bot.ChannelId, closed.Id)
            .Where(m => m.VisibleOnlyTo == closed.Id && MessageView.Text(m.Json).Contains("direct messages are closed"))
            .ToList();
        Assert.Single(notes);
        Assert.False((await bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == closedId))).ReminderNoticePending);
    }

    [Fact]
    public async Task RemindTest_NothingDueThenCardsDue_SendsADmNowSayingWhichAndSetTellsThatEmptyDaysSendNothing()
    {
        var student = bot.AddStudent("tester");
        var set = await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "21:00")));
        Assert.Contains("a day with nothing due sends no DM", set.Content);
        Assert.Contains("`/remind test`", set.Content);

        var empty = await bot.RunAsync(student, "remind", CommandOptionInput.Sub("test"));
        Assert.Contains("look in your DMs", empty.Content);
        Assert.Contains("Nothing is due", empty.Content);
        var note = await WaitForDmAsync(student.Id);
        Assert.Equal(ReminderService.NothingDueTestText, note.Content);

        await bot.RunAsync(student, "review", new CommandOptionInput("deck", "china-costs"));
        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("test"));
        var dm = await WaitForDmAsync(student.Id, count: 2);
        Assert.Contains("cards are waiting", dm.Content);
        Assert.NotNull(MessageView.ButtonLabelled(dm.Json, "Start review"));

        var closed = bot.AddStudent("tester-closed", acceptsDms: false);
        var refused = await bot.RunAsync(closed, "remind", CommandOptionInput.Sub("test"));
        Assert.Contains("direct messages are closed", refused.Content);
    }

    internal static async Task<StudyBot.Data.Entities.UserSettings> WaitForBlockedAsync(PlaygroundBot bot, ulong userId)
    {
        for (var i = 0; i < 300; i++)
        {
            var settings = await bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == userId));
            if (settings.ReminderBlockedUtc is not null)
            {
                return settings;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The reminder of user {userId} was never found blocked.");
    }

    [Fact]
    public async Task RemindOff_AfterSet_RemovesTheStoredTrigger()
    {
        var student = bot.AddStudent("quitter");
        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "8:15")));
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(ulong.Parse(student.Id))));

        var off = await bot.RunAsync(student, "remind", CommandOptionInput.Sub("off"));

        Assert.Contains("off", off.Content);
        Assert.Null(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(ulong.Parse(student.Id))));
    }

    /// <summary>The newest DM once the student has <paramref name="count"/> of them.</summary>
    private async Task<Emulator.State.EmuMessage> WaitForDmAsync(string userId, int count = 1)
    {
        var channel = bot.Emulator.State.GetOrCreateDm(userId);
        for (var i = 0; i < 300; i++)
        {
            var messages = bot.Emulator.State.MessagesIn(channel.Id);
            if (messages.Count >= count)
            {
                return messages.MaxBy(m => ulong.Parse(m.Id))!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No DM reached user {userId}.");
    }
}

/// <summary>With a study channel configured (its own server state, apart from the tests above).</summary>
public sealed class ReminderChannelNoticeTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task ReminderJob_DmsClosedWithStudyChannel_TellsTheStudentThereOnce()
    {
        await bot.RunAsync(bot.You, "config", CommandOptionInput.Sub("study-channel", new CommandOptionInput("channel", bot.ChannelId)));
        var closed = bot.AddStudent("closed-with-channel", acceptsDms: false);
        var closedId = ulong.Parse(closed.Id);
        await bot.RunAsync(closed, "review", new CommandOptionInput("deck", "china-costs"));
        await bot.RunAsync(closed, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:00")));

        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ReminderScheduler.JobFor(closedId));
        await ReminderTests.WaitForBlockedAsync(bot, closedId);
        await using (var scope = bot.App.Services.CreateAsyncScope())
        {
            // A second run finds the reminder off: nothing more is sent.
            Assert.Equal(ReminderOutcome.Off, await scope.ServiceProvider.GetRequiredService<ReminderService>().RemindAsync(closedId, onSchedule: false, CancellationToken.None));
        }
        await bot.RunAsync(closed, "stats");

        var told = bot.Emulator.State.MessagesIn(bot.ChannelId, closed.Id)
            .Where(m => MessageView.Text(m.Json).Contains("direct messages are closed"))
            .ToList();
        var notice = Assert.Single(told);
        Assert.Null(notice.VisibleOnlyTo);
        Assert.StartsWith($"<@{closed.Id}>", MessageView.Text(notice.Json));
    }
}
