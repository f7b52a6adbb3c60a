using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Core.Answers;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Daily;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>Which card the question of the day asks, and what a change of the server's zone does to it.</summary>
public sealed class DailyPickTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private const string ThreeCards = """
        id: e2e-hard
        title: Hard cards
        cards:
          - id: easy
            kind: mcq
            prompt: Which country borders North Korea to the north?
            choices:
              - { text: "China", correct: true }
              - { text: "Japan" }
          - id: hard
            kind: mcq
            prompt: In which year did the Korean War armistice come?
            choices:
              - { text: "1953", correct: true }
              - { text: "1950" }
          - id: unseen
            kind: mcq
            prompt: Which sea lies east of North Korea?
            choices:
              - { text: "The Sea of Japan", correct: true }
              - { text: "The Yellow Sea" }
        """;

    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task DailyPost_ClassMissedOneCardTwice_AsksThatCardBeforeUnseenAndKnownOnes()
    {
        await TestDecks.UploadAsync(Bot, ThreeCards);
        var cards = await Bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.Key == "e2e-hard").ToDictionaryAsync(c => c.Key, c => c.Id));
        var engine = Bot.App.Services.GetRequiredService<ReviewEngine>();
        var now = fixture.Time.GetUtcNow().UtcDateTime;
        // Two students got "hard" wrong (choice 1 is wrong) and "easy" right: hard scores 3/4, unseen 1/2, easy 1/4.
        foreach (var student in new ulong[] { 9001, 9002 })
        {
            Assert.Equal(Core.Scheduling.Rating.Again, (await engine.AnswerAsync(student, cards["hard"], new ChoiceAnswer(1), $"pick-hard-{student}", TimeSpan.FromSeconds(3), ReviewSource.Review, now)).Rating);
            await engine.AnswerAsync(student, cards["easy"], new ChoiceAnswer(0), $"pick-easy-{student}", TimeSpan.FromSeconds(3), ReviewSource.Review, now);
        }

        var set = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", "18:30"), new CommandOptionInput("deck", "e2e-hard")));
        Assert.Contains("every day at 18:30 (", set.Content);
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var guildId = ulong.Parse(Bot.World.Guild.Id);
        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));

        var first = await QuizPlay.PostedAsync(Bot, q => q.Daily);
        Assert.Equal(cards["hard"], first.Quiz.CardId);
        Assert.Contains("In which year did the Korean War armistice come?", MessageView.Text(first.Message));

        // The next day's question is not the same card: of the two left, the unseen one.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));
        var second = await QuizPlay.PostedAsync(Bot, q => q.Daily && q.Id != first.Quiz.Id);
        Assert.Equal(cards["unseen"], second.Quiz.CardId);
    }

    [Fact]
    public async Task ZoneChanged_AfterDailySet_KeepsTheLocalTimeInTheNewZone()
    {
        await TestDecks.UploadAsync(Bot, ThreeCards);
        var guildId = ulong.Parse(Bot.World.Guild.Id);
        await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", "07:15")));
        // The instructor changes the server's zone with /config: the daily trigger follows at once.
        var changed = await Bot.RunAsync(Bot.You, "config", CommandOptionInput.Sub("timezone", new CommandOptionInput("zone", "Asia/Tokyo")));
        Assert.Contains("Asia/Tokyo", MessageView.Text(changed.Message));

        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(DailyScheduler.TriggerFor(guildId)));
        Assert.Equal("Asia/Tokyo", trigger.TimeZone.Id);
        // 07:15 in Tokyo (UTC+9, no DST) is 22:15 UTC the day before.
        Assert.Equal(new TimeSpan(22, 15, 0), trigger.GetFireTimeAfter(fixture.Time.GetUtcNow())!.Value.UtcDateTime.TimeOfDay);
        var row = await Bot.QueryAsync(db => db.DailyQuestions.SingleAsync(d => d.GuildId == guildId));
        Assert.Equal("Asia/Tokyo", row.TimeZone);
        Assert.Equal((7 * 60) + 15, row.LocalMinute);
    }
}
