using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>Quiz sessions end to end: the real client against the emulator, real Quartz on a fake study clock.</summary>
public sealed class QuizSessionTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    public const string FiveCards = """
        id: e2e-quiz
        title: Quiz deck
        cards:
          - id: capital
            kind: mcq
            prompt: Which city is the capital of North Korea?
            choices:
              - { text: "Pyongyang", correct: true }
              - { text: "Seoul" }
              - { text: "Dalian" }
          - id: troops
            kind: mcq
            prompt: About how many U.S. troops are stationed in South Korea?
            choices:
              - { text: "28,500", correct: true }
              - { text: "12,000" }
              - { text: "45,000" }
          - id: trade
            kind: mcq
            prompt: Which country is North Korea's largest trading partner?
            choices:
              - { text: "China", correct: true }
              - { text: "Russia" }
          - id: river
            kind: typed
            prompt: Which river forms much of North Korea's northern border?
            answers: [Yalu, the Yalu River]
          - id: leader
            kind: typed
            prompt: What is the family name of North Korea's ruling dynasty?
            answers: [Kim]
          - id: think
            kind: basic
            prompt: Why does Beijing fear a collapse?
            answers: [Refugees and U.S. troops on its border]
        """;

    private static readonly TimeSpan _question = TimeSpan.FromSeconds(30);

    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task Advance_ResumedAfterItsNodeDiedPastTheClaim_ShowsResultsAndPostsTheNextQuestionOnce()
    {
        await TestDecks.UploadAsync(Bot, FiveCards);
        await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 2), new CommandOptionInput("seconds", 30)));
        var session = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var first = await QuizPlay.QuestionAsync(Bot, session.Id, 0);

        // What a cluster node did before it was killed: its close trigger fired, and it claimed the
        // question (closed in the database) but neither showed the results nor posted question 2.
        var scheduler = await Bot.App.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.UnscheduleJob(new Quartz.TriggerKey(first.Quiz.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), QuizScheduler.Group));
        await Bot.QueryAsync(db => db.Quizzes.Where(q => q.Id == first.Quiz.Id).ExecuteUpdateAsync(q => q.SetProperty(x => x.ClosedUtc, fixture.Time.GetUtcNow().UtcDateTime)));

        // Quartz runs the job again on a live node with Recovering set; a second recovery changes nothing more.
        await AdvanceAsync(first.Quiz.Id, resume: true);
        await AdvanceAsync(first.Quiz.Id, resume: true);
        await AdvanceAsync(first.Quiz.Id, resume: false);

        await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(first.Message), t => t.Contains("Question 1: closed"));
        var second = await QuizPlay.QuestionAsync(Bot, session.Id, 1);
        Assert.Single(Bot.Emulator.State.MessagesIn(Bot.ChannelId), m => MessageView.Text(m.Json).Contains("Question 2 of 2"));
        Assert.NotNull(await scheduler.GetTrigger(new Quartz.TriggerKey(second.Quiz.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), QuizScheduler.Group)));

        await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("stop"));
    }

    private async Task AdvanceAsync(long quizId, bool resume)
    {
        await using var scope = Bot.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuizSessionService>().AdvanceAsync(quizId, CancellationToken.None, resume);
    }

    [Fact]
    public async Task QuizStart_FiveQuestionsThreeStudents_ScoreboardRanksThemAndEachAnswerUpdatesTheirScheduleOnce()
    {
        await TestDecks.UploadAsync(Bot, FiveCards);
        var ana = Bot.AddStudent("ana");
        var ben = Bot.AddStudent("ben");
        var cal = Bot.AddStudent("cal");
        var startedAt = fixture.Time.GetUtcNow();

        var started = await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz"), new CommandOptionInput("questions", 5), new CommandOptionInput("seconds", 30)));

        // Five of the six cards; the basic one, alone of its kind in the deck, has no other answers to choose from and is typed.
        Assert.Contains("Quiz started: 5 questions from **Quiz deck**, 30 seconds each", started.Content);
        Assert.Contains($"<t:{(startedAt + (_question * 5)).ToUnixTimeSeconds()}:T>", started.Content);
        Assert.DoesNotContain(":R>", started.Content);
        var session = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var lateDone = false;
        var asked = new List<QuizPlay.Posted>();
        for (var position = 0; position < 5; position++)
        {
            var question = await QuizPlay.QuestionAsync(Bot, session.Id, position);
            asked.Add(question);
            Assert.Contains($"Question {position + 1} of 5", MessageView.Text(question.Message));
            var opened = fixture.Time.GetUtcNow();

            fixture.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Contains("is right", await QuizPlay.AnswerAsync(ana, question, question.Right));

            fixture.Time.Advance(TimeSpan.FromSeconds(3));
            var benReply = await QuizPlay.AnswerAsync(ben, question, position == 0 ? question.Wrong : question.Right);
            Assert.Contains(position == 0 ? $"Recorded: **{question.Wrong}**." : "is right", benReply);

            fixture.Time.Advance(TimeSpan.FromSeconds(5));
            InteractionHandle? late = null;
            if (position == 0)
            {
                Assert.Contains("is right", await QuizPlay.AnswerAsync(cal, question, question.Right));
                // A second answer (another choice, or typed again) changes nothing.
                Assert.Contains($"You already answered: **{question.Right}**", await QuizPlay.AnswerAsync(cal, question, question.Wrong));
            }
            else if (!lateDone && question.Card.Kind != CardKind.Mcq)
            {
                // Cal opens the answer box in time but sends it after the deadline.
                late = await QuizPlay.OpenModalAsync(cal, question);
                lateDone = true;
            }
            else
            {
                Assert.Contains("is right", await QuizPlay.AnswerAsync(cal, question, question.Right));
            }

            fixture.Time.Advance(opened + _question - fixture.Time.GetUtcNow());
            var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(question.Message), t => t.Contains($"Question {position + 1}: closed"));
            // A typed question answered wrong keeps one button, for instructors to see its wrong wordings; nothing else stays.
            Assert.Equal(question.Choices.Count == 0 && position == 0 ? [QuizViews.WrongAnswersLabel] : [], MessageView.Buttons(closed).Select(b => b.Label));
            Assert.Contains("Fastest right answer: <@" + ana.Id + "> in 2.0 s", MessageView.Text(closed));
            if (late is not null)
            {
                Assert.Contains("has closed; your answer was not counted", await QuizPlay.SubmitAsync(cal, late, question.Right));
            }
        }

        Assert.True(lateDone, "three typed questions in the deck, so two in five questions: one comes after the first");
        var board = await Eventually.ValueAsync(
            () => Task.FromResult(Bot.Emulator.State.MessagesIn(Bot.ChannelId).FirstOrDefault(m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard") && MessageView.Text(m.Json).Contains($"<@{ana.Id}>"))),
            "no scoreboard: " + string.Join("\n", fixture.Logs.Collector.GetSnapshot().Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || l.Category?.Contains("Quiz", StringComparison.Ordinal) == true).Select(l => $"{l.Level} {l.Category} {l.Message} {l.Exception}")) + string.Join("\n", Bot.Emulator.Requests.Where(r => r.Status >= 400).Select(r => $"{r.Method} {r.Path} {r.Status} {r.Body}")));
        var text = MessageView.Text(board.Json);
        var anaLine = text.IndexOf($"1. <@{ana.Id}> — 5 right of 5 · 10.0 s", StringComparison.Ordinal);
        var benLine = text.IndexOf($"2. <@{ben.Id}> — 4 right of 5 · 20.0 s", StringComparison.Ordinal);
        var calLine = text.IndexOf($"3. <@{cal.Id}> — 4 right of 4 · 40.0 s", StringComparison.Ordinal);
        Assert.True(anaLine >= 0 && benLine > anaLine && calLine > benLine, text);
        Assert.Contains("Questions: 5", text);
        Assert.Contains("Players: 3", text);

        // Each counted answer is one review (source quiz) and one change of that student's card state.
        foreach (var (student, answered) in new[] { (ana, 5), (ben, 5), (cal, 4) })
        {
            var userId = ulong.Parse(student.Id);
            var log = await Bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).ToListAsync());
            Assert.Equal(answered, log.Count);
            Assert.All(log, l => Assert.Equal(ReviewSource.Quiz, l.Source));
            Assert.Equal(answered, log.Select(l => l.CardId).Distinct().Count());
            var states = await Bot.QueryAsync(db => db.CardStates.Where(s => s.UserId == userId).ToListAsync());
            Assert.Equal(answered, states.Count);
            Assert.All(states, s => Assert.Equal(1, s.Version));
            var quizAnswers = await Bot.QueryAsync(db => db.QuizAnswers.Where(a => a.UserId == userId).CountAsync());
            Assert.Equal(answered, quizAnswers);
        }

        var benFirst = await Bot.QueryAsync(db => db.ReviewLog.SingleAsync(l => l.UserId == ulong.Parse(ben.Id) && l.CardId == asked[0].Quiz.CardId));
        Assert.Equal(Core.Scheduling.Rating.Again, benFirst.Rating);
        Assert.DoesNotContain(Bot.Emulator.Requests, r => r.Status == 400);
    }
    [Fact]
    public async Task ClosedTypedQuestion_InstructorAcceptsAWrongWording_RescoresTheScoreboardAndTheStudentsSchedules()
    {
        await TestDecks.UploadAsync(Bot, """
            id: e2e-quiz-accept
            title: Accepting quiz
            cards:
              - id: river
                kind: typed
                prompt: Which river forms much of North Korea's northern border?
                answers: [Yalu, the Yalu River]
            """);
        var ana = Bot.AddStudent("acc-ana");
        var ben = Bot.AddStudent("acc-ben");
        var cal = Bot.AddStudent("acc-cal");
        var dee = Bot.AddStudent("acc-dee");
        await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-quiz-accept"), new CommandOptionInput("questions", 1), new CommandOptionInput("seconds", 30)));
        var session = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var question = await QuizPlay.QuestionAsync(Bot, session.Id, 0);
        var opened = fixture.Time.GetUtcNow();
        foreach (var (student, answer) in new[] { (ana, "the Yalu"), (ben, "Amnok"), (cal, "AMNOK "), (dee, "Tumen") })
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(2));
            await QuizPlay.AnswerAsync(student, question, answer);
        }

        fixture.Time.Advance(opened + _question - fixture.Time.GetUtcNow());
        var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(question.Message), t => t.Contains("Question 1: closed"));
        var board = await Eventually.ValueAsync(
            () => Task.FromResult(Bot.Emulator.State.MessagesIn(Bot.ChannelId).FirstOrDefault(m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard") && MessageView.Text(m.Json).Contains($"<@{ana.Id}>"))),
            "no scoreboard");
        Assert.Contains($"<@{ben.Id}> — 0 right of 1", MessageView.Text(board.Json));
        Assert.Contains("1 of 4 answered correctly", MessageView.Text(closed));

        // The wrong wordings are for instructors only, and private.
        var wrongButton = MessageView.ButtonLabelled(closed, QuizViews.WrongAnswersLabel);
        var refused = await Bot.ClickAsync(ben, closed, wrongButton);
        Assert.True(refused.Ephemeral);
        Assert.Contains(Features.Shared.Instructors.RefusalText, refused.Content ?? MessageView.Text(refused.Message));
        var list = await Bot.ClickAsync(Bot.You, closed, wrongButton);
        Assert.True(list.Ephemeral);
        var listed = MessageView.Text(list.Message);
        Assert.Contains("“Amnok” — 2", listed);
        Assert.Contains("“Tumen” — 1", listed);
        Assert.DoesNotContain("Yalu” —", listed);

        var accepted = await Bot.ClickAsync(Bot.You, list.Message!, MessageView.ButtonLabelled(list.Message, "Accept “Amnok”"));
        var said = accepted.Content ?? MessageView.Text(accepted.Message);
        Assert.Contains("“Amnok” is now an answer of card `river` in version 2 of deck `e2e-quiz-accept`", said);
        Assert.Contains("Re-counted as Good: 2 answers of 2 students", said);
        Assert.Contains("Re-scored 1 quiz question and its scoreboard", said);

        // The scoreboard and the question's results are edited to the new score; the schedules agree.
        var rescored = await QuizPlay.MessageAsync(Bot.Emulator, board.Id, t => t.Contains($"<@{ben.Id}> — 1 right of 1"));
        Assert.Contains($"<@{cal.Id}> — 1 right of 1", MessageView.Text(rescored));
        Assert.Contains($"<@{dee.Id}> — 0 right of 1", MessageView.Text(rescored));
        await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(question.Message), t => t.Contains("3 of 4 answered correctly"));
        foreach (var (student, rating) in new[] { (ben, Core.Scheduling.Rating.Good), (cal, Core.Scheduling.Rating.Good), (dee, Core.Scheduling.Rating.Again) })
        {
            var userId = ulong.Parse(student.Id);
            var log = await Bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).OrderBy(l => l.Id).ToListAsync());
            Assert.Equal(rating, log.Last(l => l.Kind == ReviewKind.Answer).Rating);
            Assert.Equal(rating, await Bot.QueryAsync(db => db.QuizAnswers.Where(a => a.UserId == userId).Select(a => a.Rating).SingleAsync()));
        }

        var verified = await Bot.App.Services.GetRequiredService<Data.Verification.ReviewLogVerifier>().VerifyAsync();
        Assert.True(verified.Passed, string.Join("\n", verified.Differences));
    }
}
