using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>/quiz stop, and quizzes whose message or channel was deleted under them.</summary>
public sealed class QuizLifecycleTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task QuizStop_AfterFirstAnswer_ClosesTheQuestionPostsTheScoreboardAndAsksNoMore()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "stop-here");
        var dee = Bot.AddStudent("dee");
        await Start(channel.Id, questions: 3, seconds: 60);
        var session = await Bot.QueryAsync(db => db.QuizSessions.SingleAsync(s => s.ChannelId == ulong.Parse(channel.Id)));
        var first = await QuizPlay.QuestionAsync(Bot, session.Id, 0);
        fixture.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Contains("is right", await QuizPlay.AnswerAsync(dee, first, first.Right));

        var stop = await (await Bot.You.RunCommandAsync(channel.Id, "quiz", CommandOptionInput.Sub("stop"))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Quiz stopped; the scoreboard is posted in the channel.", stop.Content);
        var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(first.Message), t => t.Contains("Question 1: closed"));
        Assert.Contains("1 of 1 answered correctly", MessageView.Text(closed));
        var board = Bot.Emulator.State.MessagesIn(channel.Id).Select(m => MessageView.Text(m.Json)).Single(t => t.Contains("scoreboard"));
        Assert.Contains("Quiz stopped: scoreboard", board);
        Assert.Contains($"1. <@{dee.Id}> — 1 right of 1 · 4.0 s", board);
        Assert.Contains("Questions: 1", board);

        // Its deadline trigger is gone, and time passing asks nothing more.
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Null(await scheduler.GetJobDetail(QuizScheduler.JobFor(first.Quiz.Id)));
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await scheduler.GetTriggersOfJob(QuizScheduler.JobFor(first.Quiz.Id)));
        Assert.Equal(2, Bot.Emulator.State.MessagesIn(channel.Id).Count);
        var rows = await Bot.QueryAsync(db => db.Quizzes.Where(q => q.SessionId == session.Id).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal([false, true, true], rows.Select(q => q.Skipped));
        Assert.All(rows, q => Assert.NotNull(q.ClosedUtc));

        var again = await (await Bot.You.RunCommandAsync(channel.Id, "quiz", CommandOptionInput.Sub("stop"))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("No quiz is running in this channel.", again.Content);
    }

    [Fact]
    public async Task QuizDeadline_ReachedLateWithUnderFiveSecondsOfTheNextLeft_SkipsItWithANoteAndCountsItOnTheScoreboard()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "late-close");
        await Start(channel.Id, questions: 3, seconds: 10);
        var session = await Bot.QueryAsync(db => db.QuizSessions.SingleAsync(s => s.ChannelId == ulong.Parse(channel.Id)));
        await QuizPlay.QuestionAsync(Bot, session.Id, 0);
        var second = await Bot.QueryAsync(db => db.Quizzes.SingleAsync(q => q.SessionId == session.Id && q.Position == 1));

        // The first question's deadline is handled only when 3 s of the second's time are left (the bot was away).
        fixture.Time.Advance(second.ClosesUtc - fixture.Time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(3));
        var third = await QuizPlay.QuestionAsync(Bot, session.Id, 2);

        var texts = Bot.Emulator.State.MessagesIn(channel.Id).Select(m => MessageView.Text(m.Json)).ToList();
        Assert.Contains(texts, t => t.Contains("Question 2 of 3 was skipped: StudyBot was away (a restart) and came back with under 5 seconds left", StringComparison.Ordinal));
        Assert.True((await Bot.QueryAsync(db => db.Quizzes.SingleAsync(q => q.Id == second.Id))).Skipped);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var board = await Eventually.ValueAsync(
            () => Task.FromResult(Bot.Emulator.State.MessagesIn(channel.Id).Select(m => MessageView.Text(m.Json)).FirstOrDefault(t => t.Contains("Quiz over: scoreboard", StringComparison.Ordinal))),
            "no scoreboard was posted");
        Assert.Contains("Questions: 2 (1 skipped after a restart)", board);
        Assert.NotNull(third.Message);
    }

    [Fact]
    public async Task QuizDeadline_MessageDeleted_SessionEndsQuietlyWithOneLogLine()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "message-deleted");
        await Start(channel.Id, questions: 2, seconds: 10);
        var session = await Bot.QueryAsync(db => db.QuizSessions.SingleAsync(s => s.ChannelId == ulong.Parse(channel.Id)));
        var first = await QuizPlay.QuestionAsync(Bot, session.Id, 0);

        Bot.Emulator.State.RemoveMessage(MessageView.Id(first.Message));
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await AssertEndedQuietlyAsync(session.Id, channel.Id, first.Quiz.Id, expectedMessages: 0);
    }

    [Fact]
    public async Task QuizDeadline_ChannelDeleted_SessionEndsQuietlyWithOneLogLine()
    {
        await TestDecks.UploadAsync(Bot, QuizSessionTests.FiveCards);
        var channel = Bot.Emulator.State.AddTextChannel(Bot.World.Guild.Id, "channel-deleted");
        await Start(channel.Id, questions: 2, seconds: 10);
        var session = await Bot.QueryAsync(db => db.QuizSessions.SingleAsync(s => s.ChannelId == ulong.Parse(channel.Id)));
        var first = await QuizPlay.QuestionAsync(Bot, session.Id, 0);

        Bot.Emulator.State.RemoveChannel(channel.Id);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await AssertEndedQuietlyAsync(session.Id, channel.Id, first.Quiz.Id, expectedMessages: 0);
    }

    [Fact]
    public async Task Help_Instructor_ShowsQuizAndDailyCommandsWithExamples()
    {
        var first = await Bot.RunAsync(Bot.You, "help");
        var help = MessageView.Text((await Bot.ClickAsync(Bot.You, first.Message!, MessageView.ButtonLabelled(first.Message, Features.Help.HelpService.InstructorButton))).Message);

        Assert.Contains("`/quiz start deck:collapse-fears questions:5`", help);
        Assert.Contains("`/quiz stop`", help);
        Assert.Contains("`/daily set channel:#study time:08:00`", help);
        Assert.Contains("`/daily off`", help);
    }

    private async Task Start(string channelId, int questions, int seconds)
    {
        var started = await (await Bot.You.RunCommandAsync(channelId, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", questions), new CommandOptionInput("seconds", seconds))))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.StartsWith("Quiz started", started.Content);
    }

    private async Task AssertEndedQuietlyAsync(long sessionId, string channelId, long quizId, int expectedMessages)
    {
        var ended = await Eventually.ValueAsync(
            () => Bot.QueryAsync(db => db.QuizSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedUtc != null)),
            "the session never ended");
        Assert.Null(ended.ScoreboardMessageId);
        // The question's log line is written as the session ends; wait for it rather than for a while.
        await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Logs.Collector.GetSnapshot().Where(l => l.Message.Contains($"Quiz question {quizId}:", StringComparison.Ordinal)).Select(l => l.Message).FirstOrDefault()),
            $"no log line for quiz question {quizId}");
        var quizLines = fixture.Logs.Collector.GetSnapshot().Where(l => l.Message.Contains($"Quiz question {quizId}:", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(quizLines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("is gone", line.Message);
        Assert.DoesNotContain(fixture.Logs.Collector.GetSnapshot(), l => l.Exception is not null || l.Level >= LogLevel.Error);
        Assert.Equal(expectedMessages, Bot.Emulator.State.MessagesIn(channelId).Count);
        var rows = await Bot.QueryAsync(db => db.Quizzes.Where(q => q.SessionId == sessionId).ToListAsync());
        Assert.All(rows, q => Assert.NotNull(q.ClosedUtc));
        Assert.Single(rows, q => q.MessageId != null);
    }
}
