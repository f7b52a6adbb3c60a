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

/// <summary>
/// The question of the day skips a card that gives yesterday's away. A class of its own, with its
/// own bot: its daily posts must not be taken for another test's.
/// </summary>
public sealed class DailyLeakTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    /// <summary>Uploads the deck; its stored card ids by card key.</summary>
    private async Task<Dictionary<string, int>> UploadAsync(string yaml, string deckKey)
    {
        await TestDecks.UploadAsync(Bot, yaml);
        return await Bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.Key == deckKey).ToDictionaryAsync(c => c.Key, c => c.Id));
    }

    private Task<AnswerResult> AnswerAsync(ulong student, int cardId, int choice, string interaction) =>
        Bot.App.Services.GetRequiredService<ReviewEngine>().AnswerAsync(student, cardId, new ChoiceAnswer(choice), interaction, TimeSpan.FromSeconds(3), ReviewSource.Review, fixture.Time.GetUtcNow().UtcDateTime);

    /// <summary>Sets the question of the day on the deck at 18:30; the scheduler and the guild that fire it.</summary>
    private async Task<(IScheduler Scheduler, ulong GuildId, string Reply)> SetDailyAsync(string deckKey)
    {
        var set = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", "18:30"), new CommandOptionInput("deck", deckKey)));
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return (scheduler, ulong.Parse(Bot.World.Guild.Id), set.Content ?? "");
    }

    private const string LeakingCards = """
        id: e2e-leaks
        title: Cards that give each other away
        cards:
          - id: power-year
            kind: mcq
            prompt: In which year did Kim Jong Un take power?
            choices:
              - { text: "2011", correct: true }
              - { text: "2014" }
          - id: first-meeting
            kind: mcq
            prompt: Whom did Kim meet first as a foreign leader?
            choices:
              - { text: "Xi Jinping", correct: true }
              - { text: "Vladimir Putin" }
            explanation: '"his first meeting with a foreign leader since taking power in 2011"'
          - id: river
            kind: mcq
            prompt: Which river marks the border with China?
            choices:
              - { text: "The Yalu", correct: true }
              - { text: "The Han" }
        """;

    [Fact]
    public async Task DailyPost_TheHardestCardLeaksYesterdays_AsksAnotherOne()
    {
        var cards = await UploadAsync(LeakingCards, "e2e-leaks");
        // power-year missed by three students (4/5), first-meeting by two (3/4), river unseen (1/2).
        foreach (var student in new ulong[] { 9101, 9102, 9103 })
        {
            await AnswerAsync(student, cards["power-year"], 1, $"leak-year-{student}");
            if (student != 9103)
            {
                await AnswerAsync(student, cards["first-meeting"], 1, $"leak-meet-{student}");
            }
        }
        var (scheduler, guildId, _) = await SetDailyAsync("e2e-leaks");

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));
        var year = cards["power-year"];
        var first = await QuizPlay.PostedAsync(Bot, q => q.Daily && q.CardId == year);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));
        var firstId = first.Quiz.Id;
        var second = await QuizPlay.PostedAsync(Bot, q => q.Daily && q.Id > firstId);

        // first-meeting scores higher than river, but its explanation prints yesterday's answer (2011).
        Assert.Equal(cards["river"], second.Quiz.CardId);
    }
}
