using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Reminders;

namespace StudyBot.Tests.EndToEnd;

/// <summary>A student without a zone of their own uses the server's (/config timezone); one who chose theirs keeps it.</summary>
public sealed class ServerTimeZoneTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task ConfigTimezone_StudentWithoutOwnZone_SettingsAndReminderUseTheServersZone()
    {
        var follower = bot.AddStudent("follower");
        var traveller = bot.AddStudent("traveller");
        // Both are seen in the server before its zone is set; the traveller chooses a zone, the follower never does.
        await bot.RunAsync(follower, "review", new CommandOptionInput("deck", "china-costs"));
        await bot.RunAsync(follower, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "19:30")));
        await bot.RunAsync(traveller, "settings", new CommandOptionInput("timezone", "Asia/Tokyo"));

        // Members are recorded in the background; the server's change reaches those recorded.
        var followerId = ulong.Parse(follower.Id);
        for (var i = 0; i < 300 && !await bot.QueryAsync(db => db.GuildMembers.AnyAsync(m => m.UserId == followerId)); i++)
        {
            await Task.Delay(100);
        }

        var config = await bot.RunAsync(bot.You, "config", CommandOptionInput.Sub("timezone", new CommandOptionInput("zone", "Europe/Berlin")));
        Assert.Contains("Europe/Berlin", MessageView.Text(config.Message!));

        var shown = MessageView.Text((await bot.RunAsync(follower, "settings")).Message!);
        Assert.Contains("Europe/Berlin (the server's)", shown);
        Assert.Contains("Asia/Tokyo", MessageView.Text((await bot.RunAsync(traveller, "settings")).Message!));
        Assert.DoesNotContain("the server's", MessageView.Text((await bot.RunAsync(traveller, "settings")).Message!));

        // The follower's reminder set before the server's zone moved with it: 19:30 in Berlin.
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(ulong.Parse(follower.Id))));
        Assert.Equal("Europe/Berlin", trigger.TimeZone.Id);

        // /remind set says which zone the time is in.
        var set = await bot.RunAsync(follower, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:15")));
        Assert.Contains("07:15 Europe/Berlin time (the server's zone)", set.Content);
        var own = await bot.RunAsync(traveller, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:15")));
        Assert.Contains("07:15 Asia/Tokyo time (your zone)", own.Content);

        // A student first seen after the zone was set starts in it, and one who chose a zone can give it back.
        var newcomer = bot.AddStudent("newcomer");
        var newcomerSet = await bot.RunAsync(newcomer, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "18:00")));
        Assert.Contains("Europe/Berlin time (the server's zone)", newcomerSet.Content);
        var back = await bot.RunAsync(traveller, "settings", new CommandOptionInput("timezone", "server"));
        Assert.Contains("Europe/Berlin (the server's)", MessageView.Text(back.Message!));
        var travellerId = ulong.Parse(traveller.Id);
        var saved = await bot.QueryAsync(db => db.UserSettings.SingleAsync(s => s.UserId == travellerId));
        Assert.False(saved.OwnTimeZone);
        var moved = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(travellerId)));
        Assert.Equal("Europe/Berlin", moved.TimeZone.Id);
    }
}
