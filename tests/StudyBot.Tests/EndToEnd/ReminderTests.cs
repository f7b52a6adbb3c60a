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
    public async Task ReminderJob_UserRefusesDms_IsLoggedNotAnErrorAndOthersStillGetTheirs()
    {
        var closed = bot.AddStudent("closed-dms", acceptsDms: false);
        var open = bot.AddStudent("open-dms");
        foreach (var student in new[] { closed, open })
        {
            await bot.RunAsync(student, "review");
            await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:00")));
        }

        await using (var scope = bot.App.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ReminderService>().RemindAsync(ulong.Parse(closed.Id), CancellationToken.None);
            Assert.Equal(ReminderOutcome.DmsClosed, outcome);
        }

        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ReminderScheduler.JobFor(ulong.Parse(closed.Id)));
        await scheduler.TriggerJob(ReminderScheduler.JobFor(ulong.Parse(open.Id)));

        await WaitForDmAsync(open.Id);
        Assert.Empty(bot.Emulator.State.MessagesIn(bot.Emulator.State.GetOrCreateDm(closed.Id).Id));
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

    private async Task<Emulator.State.EmuMessage> WaitForDmAsync(string userId)
    {
        var channel = bot.Emulator.State.GetOrCreateDm(userId);
        for (var i = 0; i < 300; i++)
        {
            if (bot.Emulator.State.MessagesIn(channel.Id).FirstOrDefault() is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No DM reached user {userId}.");
    }
}
