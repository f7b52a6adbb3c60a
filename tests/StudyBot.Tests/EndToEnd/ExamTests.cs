using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Data.Verification;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Reminders;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/deck exam through the emulator: the countdown on /review, /stats and a reminder, answers scheduled for it, and other servers sealed off.</summary>
public sealed class ExamTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private const string Countdown = @"exam in \d+ days: \d+ cards? to secure";

    [Fact]
    public async Task Exam_SetByInstructor_StudentSeesCountdownInReviewStatsAndReminderAndAnswersReplay()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var date = DateTime.UtcNow.Date.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var set = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("exam", new CommandOptionInput("deck", "e2e-review"), new CommandOptionInput("date", date), new CommandOptionInput("time", "14:00")));
        Assert.Contains($"{date} 14:00 (UTC)", set.Content);
        var examUtc = DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).AddHours(14);

        var student = bot.AddStudent("exam-taker");
        var userId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        var target = await bot.RunAsync(student, "settings", new CommandOptionInput("exam-target", 0.95));
        Assert.Contains("0.95 recall on exam days", MessageView.Text(target.Message));
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        var text = MessageView.Text(prompt.Message);
        Assert.Matches(Countdown, text);
        // Two cards, twelve days: the pace spreads them over the days before the last two (kept for reviews).
        Assert.Contains("2 cards to secure (1 new card a day)", text);

        var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));
        Assert.Contains("Right!", MessageView.Text(answered.Message));
        var entry = await bot.QueryAsync(db => db.ReviewLog.SingleAsync(l => l.UserId == userId));
        Assert.Equal(examUtc, entry.ExamUtc);
        Assert.Equal(0.95, entry.ExamTarget);
        // Twelve days before the exam an answer schedules whole days: no same-day learning step.
        Assert.Equal(Core.Scheduling.CardState.Review, entry.After.State);
        Assert.True(entry.After.Due >= entry.ReviewedUtc.AddDays(1), $"due {entry.After.Due:O}");
        var report = await bot.App.Services.GetRequiredService<ReviewLogVerifier>().VerifyAsync();
        Assert.True(report.Passed, string.Join("\n", report.Differences.Select(d => d.What)));

        var stats = await bot.RunAsync(student, "stats");
        Assert.Matches(Countdown, MessageView.Text(stats.Message));

        await bot.RunAsync(student, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "07:00")));
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ReminderScheduler.JobFor(userId));
        var dm = await WaitForDmAsync(student.Id);
        Assert.Matches(Countdown, dm.Content);
        Assert.Contains("e2e-review", dm.Content);

        var list = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("exams"));
        Assert.Contains($"**End-to-end review** (`e2e-review`) at {date} 14:00 (UTC)", list.Content);
    }

    [Fact]
    public async Task Exam_OtherServer_SeesNoneAndCannotRemoveItByForgedId()
    {
        var date = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("exam", new CommandOptionInput("deck", "china-costs"), new CommandOptionInput("date", date)));
        var guildId = ulong.Parse(bot.World.Guild.Id, CultureInfo.InvariantCulture);
        var examId = await bot.QueryAsync(db => db.ExamDates.Where(x => x.GuildId == guildId).OrderByDescending(x => x.Id).Select(x => x.Id).FirstAsync());
        var (_, channel, teacher) = await bot.AddServerAsync("Exam School");

        var theirs = await Run(teacher, channel.Id, "deck", CommandOptionInput.Sub("exams"));
        Assert.Contains("No exams ahead", theirs.Content);
        var forged = await Run(teacher, channel.Id, "deck", CommandOptionInput.Sub("exam-remove", new CommandOptionInput("exam", examId)));
        Assert.Contains($"This server has no exam {examId}", forged.Content);
        Assert.True(await bot.QueryAsync(db => db.ExamDates.AnyAsync(x => x.Id == examId)));

        var student = bot.AddStudent("exam-refused");
        var refused = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("exam", new CommandOptionInput("deck", "china-costs"), new CommandOptionInput("date", date)));
        Assert.Contains("Only instructors", refused.Content);
        var past = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("exam", new CommandOptionInput("deck", "china-costs"), new CommandOptionInput("date", "2020-01-01")));
        Assert.Contains("has passed", past.Content);
        var malformed = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("exam", new CommandOptionInput("deck", "china-costs"), new CommandOptionInput("date", "15/01/2027")));
        Assert.Contains("YYYY-MM-DD", malformed.Content);

        var removed = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("exam-remove", new CommandOptionInput("exam", examId)));
        Assert.Contains("is removed", removed.Content);
        Assert.False(await bot.QueryAsync(db => db.ExamDates.AnyAsync(x => x.Id == examId)));
    }

    private static async Task<InteractionOutcome> Run(SimulatedUser user, string channelId, string command, params CommandOptionInput[] options)
        => await (await user.RunCommandAsync(channelId, command, options)).WaitAsync(TimeSpan.FromSeconds(30));

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
