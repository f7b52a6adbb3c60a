using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Daily;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>The question of the day on a fake study clock with the real Quartz scheduler, the server's zone set to New York.</summary>
public sealed class DailyQuestionTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    /// <summary>08:00 in New York on Saturday 13 March 2027 (EST, UTC-5).</summary>
    private static readonly DateTimeOffset _saturday = new(2027, 3, 13, 13, 0, 0, TimeSpan.Zero);

    /// <summary>08:00 in New York on Sunday 14 March 2027, after clocks went forward at 02:00 (EDT, UTC-4).</summary>
    private static readonly DateTimeOffset _sunday = new(2027, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task DailySet_0800NewYorkAcrossTheSpringDstChange_PostsAtEachDaysUtcInstantAndShowsYesterdaysResults()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        await fixture.SetServerTimeZoneAsync("America/New_York");
        var set = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", "08:00"), new CommandOptionInput("deck", "e2e-quiz")));

        Assert.Contains($"posted in <#{Bot.ChannelId}> every day at 08:00 (America/New_York)", set.Content);
        Assert.Contains($"The first one is <t:{_saturday.ToUnixTimeSeconds()}:f>", set.Content);
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(DailyScheduler.TriggerFor(ulong.Parse(Bot.World.Guild.Id))));
        Assert.Equal("America/New_York", trigger.TimeZone.Id);

        // A minute early nothing is posted (the trigger still waits for 13:00 UTC); at 13:00 UTC the first question is.
        MoveTo(_saturday.AddMinutes(-1));
        Assert.Equal(_saturday, await NextFireAsync(scheduler));
        Assert.Equal(0, await DailyCountAsync());
        MoveTo(_saturday);
        var first = await QuizPlay.PostedAsync(Bot, q => q.Daily);
        Assert.Equal(_saturday.UtcDateTime, first.Quiz.OpenedUtc);
        Assert.Equal(_sunday.UtcDateTime, first.Quiz.ClosesUtc);
        var firstText = MessageView.Text(first.Message);
        Assert.Contains("Question of the day", firstText);
        Assert.DoesNotContain("Yesterday", firstText);

        var ana = Bot.AddStudent("ana-daily");
        var ben = Bot.AddStudent("ben-daily");
        fixture.Time.Advance(TimeSpan.FromSeconds(7));
        Assert.Contains("is right", await QuizPlay.AnswerAsync(ana, first, first.Right));
        Assert.Contains("Recorded:", await QuizPlay.AnswerAsync(ben, first, first.Wrong));

        // After the change the post comes an hour earlier in UTC: 12:00, still 08:00 in New York.
        MoveTo(_sunday.AddMinutes(-1));
        Assert.Equal(_sunday, await NextFireAsync(scheduler));
        Assert.Equal(1, await DailyCountAsync());
        MoveTo(_sunday);
        var second = await QuizPlay.PostedAsync(Bot, q => q.Daily && q.Id != first.Quiz.Id);
        Assert.Equal(_sunday.UtcDateTime, second.Quiz.OpenedUtc);
        Assert.NotEqual(first.Quiz.CardId, second.Quiz.CardId);
        var secondText = MessageView.Text(second.Message);
        Assert.Contains("Yesterday's question: " + first.Card.Prompt, secondText);
        Assert.Contains($"Answer: **{first.Right}", secondText);
        Assert.Contains("1 of 2 answered correctly.", secondText);
        Assert.Contains($"Fastest: <@{ana.Id}> in 7.0 s.", secondText);
        var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(first.Message), t => t.Contains("Question of the day: closed"));
        // Nothing to answer with any more; a typed question answered wrong keeps only the instructors' button to its wrong wordings.
        Assert.Equal(first.Choices.Count == 0 ? [QuizViews.WrongAnswersLabel] : [], MessageView.Buttons(closed).Select(b => b.Label));

        // Both answers went into the students' own schedules, once each.
        var log = await Bot.QueryAsync(db => db.ReviewLog.Where(l => l.CardId == first.Quiz.CardId).ToListAsync());
        Assert.Equal([ulong.Parse(ana.Id), ulong.Parse(ben.Id)], log.Select(l => l.UserId).Order());
        Assert.DoesNotContain(Bot.Emulator.Requests, r => r.Status == 400);

        var off = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("off"));
        Assert.Equal("The question of the day is off.", off.Content);
        Assert.Null(await scheduler.GetTrigger(DailyScheduler.TriggerFor(ulong.Parse(Bot.World.Guild.Id))));
    }

    private void MoveTo(DateTimeOffset instant) => fixture.Time.Advance(instant - fixture.Time.GetUtcNow());

    /// <summary>When the server's daily trigger fires next: it moves on only once it has fired.</summary>
    private async Task<DateTimeOffset?> NextFireAsync(IScheduler scheduler)
        => (await scheduler.GetTrigger(DailyScheduler.TriggerFor(ulong.Parse(Bot.World.Guild.Id))))?.NextFireTimeUtc;

    private Task<int> DailyCountAsync() => Bot.QueryAsync(db => db.Quizzes.CountAsync(q => q.Daily));
}
