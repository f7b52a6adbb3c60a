using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Data.Entities;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;

namespace StudyBot.Tests.EndToEnd;

public sealed class QuizTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Quiz_StudentsAnswerThenDeadline_EachGradedOnceAndMessageEditedWithResults()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var started = await bot.RunAsync(bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-review"), new CommandOptionInput("minutes", 5)));
        Assert.Contains("Quiz posted", started.Content);

        var quiz = await bot.QueryAsync(db => db.Quizzes.OrderByDescending(q => q.Id).FirstAsync());
        var posted = bot.Emulator.State.FindMessage(quiz.MessageId!.Value.ToString())!;
        Assert.Contains("capital of North Korea", MessageView.Text(posted.Json));
        var right = MessageView.ButtonLabelled(posted.Json, "Pyongyang");
        var wrong = MessageView.ButtonLabelled(posted.Json, "Seoul");

        var ana = bot.AddStudent("ana");
        var ben = bot.AddStudent("ben");
        var anaClicks = await Task.WhenAll(ana.ClickButtonAsync(posted.Id, right), ana.ClickButtonAsync(posted.Id, right));
        var anaReplies = await Task.WhenAll(anaClicks.Select(c => c.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.Contains(anaReplies, r => r.Content!.Contains("is right"));
        var benReply = await (await ben.ClickButtonAsync(posted.Id, wrong)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Recorded: **Seoul**", benReply.Content);
        var benAgain = await (await ben.ClickButtonAsync(posted.Id, right)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("You already answered: **Seoul**", benAgain.Content);

        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(QuizScheduler.JobFor(quiz.Id)));
        await scheduler.TriggerJob(QuizScheduler.JobFor(quiz.Id));
        var closed = await WaitForEditAsync(posted.Id);

        var text = MessageView.Text(closed);
        Assert.Contains("Quiz closed", text);
        Assert.Contains("1 of 2 answered correctly", text);
        Assert.Empty(MessageView.Buttons(closed));
        var answers = await bot.QueryAsync(db => db.QuizAnswers.Where(a => a.QuizId == quiz.Id).CountAsync());
        Assert.Equal(2, answers);
        var graded = await bot.QueryAsync(db => db.ReviewLog.Where(l => l.Source == ReviewSource.Quiz).Select(l => l.UserId).ToListAsync());
        Assert.Equal([ulong.Parse(ana.Id), ulong.Parse(ben.Id)], graded.Order());

        // The buttons are gone: a latecomer has nothing to click.
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.AddStudent("late").ClickButtonAsync(posted.Id, right));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> WaitForEditAsync(string messageId)
    {
        for (var i = 0; i < 300; i++)
        {
            var message = bot.Emulator.State.FindMessage(messageId)!;
            if (MessageView.Text(message.Json).Contains("Quiz closed", StringComparison.Ordinal))
            {
                return message.Json;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The quiz message was never edited with its results.");
    }
}
