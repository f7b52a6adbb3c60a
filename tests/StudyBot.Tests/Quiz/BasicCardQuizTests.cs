using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Scheduling;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Quiz;

/// <summary>A plain front/back deck, as teachers bring from Quizlet or a spreadsheet, quizzed in a channel and as the question of the day.</summary>
public sealed class BasicCardQuizTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private const string FrontBack = """
        id: e2e-basic
        title: Front and back
        cards:
          - { id: fr, kind: basic, prompt: "Capital of France?", answers: [Paris] }
          - { id: it, kind: basic, prompt: "Capital of Italy?", answers: [Rome] }
          - { id: es, kind: basic, prompt: "Capital of Spain?", answers: [Madrid] }
          - { id: pe, kind: basic, prompt: "Capital of Peru?", answers: [Lima] }
          - { id: wall, kind: basic, prompt: "Year the Berlin Wall fell?", answers: ["1989"] }
          - { id: moon, kind: basic, prompt: "Year of the first moon landing?", answers: ["1969"] }
          - { id: why, kind: basic, prompt: "Why do some countries move their capital?", answers: ["To develop an inland region, move the government away from a crowded coast and start afresh."] }
        """;

    private static readonly string[] _cities = ["Paris", "Rome", "Madrid", "Lima"];

    private static readonly TimeSpan _question = TimeSpan.FromSeconds(30);

    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task QuizStart_FrontBackDeck_AsksMultipleChoiceFromTheDecksOtherAnswersAndGradesEachChoice()
    {
        await TestDecks.UploadAsync(Bot, FrontBack);
        var ana = Bot.AddStudent("ana-basic");
        var ben = Bot.AddStudent("ben-basic");

        var started = await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-basic"), new CommandOptionInput("questions", 7), new CommandOptionInput("seconds", 30)));

        Assert.Contains("Quiz started: 7 questions from **Front and back**", started.Content);
        var session = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var deck = await Bot.QueryAsync(db => db.Cards.AsNoTracking().Where(c => c.DeckId == session.DeckId).ToListAsync());
        var answers = deck.Select(c => c.Answers[0]).ToHashSet();
        for (var position = 0; position < 7; position++)
        {
            var question = await QuizPlay.QuestionAsync(Bot, session.Id, position);
            var opened = fixture.Time.GetUtcNow();
            var right = question.Card.Answers[0];

            // Four buttons: the card's answer and three other answers of the deck, none of them its own.
            Assert.Equal(4, MessageView.Buttons(question.Message).Count);
            Assert.Equal(right, question.Right);
            var wrong = question.Choices.Where(c => !c.Correct).Select(c => c.Text).ToList();
            Assert.Equal(3, wrong.Distinct().Count());
            Assert.All(wrong, w => Assert.Contains(w, answers));
            Assert.DoesNotContain(right, wrong);
            if (_cities.Contains(right))
            {
                // A name is offered names: the three other capitals.
                Assert.Equal(_cities.Where(c => c != right).Order(), wrong.Order());
            }
            else if (right.Length == 4 && right.All(char.IsDigit))
            {
                Assert.Equal(right == "1989" ? "1969" : "1989", wrong[0]);
            }
            else
            {
                // The long answer's choices do not fit on buttons: lettered buttons and the choices listed.
                Assert.Equal(["A", "B", "C", "D"], MessageView.Buttons(question.Message).Select(b => b.Label));
                Assert.Contains("**A.** ", MessageView.Text(question.Message));
            }

            fixture.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Contains("is right", await QuizPlay.AnswerAsync(ana, question, right));
            Assert.Contains($"Recorded: **{wrong[^1]}**.", await QuizPlay.AnswerAsync(ben, question, wrong[^1]));

            fixture.Time.Advance(opened + _question - fixture.Time.GetUtcNow());
            var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(question.Message), t => t.Contains($"Question {position + 1}: closed"));
            Assert.Empty(MessageView.Buttons(closed));
            var closedText = MessageView.Text(closed);
            Assert.Contains($"✅ {Text(right)} — 1", closedText);
            Assert.Contains($"▫️ {Text(wrong[^1])} — 1", closedText);
        }

        var board = await Eventually.ValueAsync(
            () => Task.FromResult(Bot.Emulator.State.MessagesIn(Bot.ChannelId).FirstOrDefault(m => MessageView.Text(m.Json).Contains("Quiz over: scoreboard"))),
            "no scoreboard");
        Assert.Contains($"1. <@{ana.Id}> — 7 right of 7", MessageView.Text(board.Json));
        Assert.Contains($"2. <@{ben.Id}> — 0 right of 7", MessageView.Text(board.Json));

        // Every choice went into the student's own schedule: right Good, wrong Again.
        var anaLog = await Bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == ulong.Parse(ana.Id)).ToListAsync());
        Assert.Equal(7, anaLog.Count);
        Assert.All(anaLog, l => Assert.Equal(Rating.Good, l.Rating));
        var benLog = await Bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == ulong.Parse(ben.Id)).ToListAsync());
        Assert.All(benLog, l => Assert.Equal(Rating.Again, l.Rating));
        Assert.DoesNotContain(Bot.Emulator.Requests, r => r.Status == 400);

        // style:typed asks the same cards in the answer window, graded as typed cards.
        var typed = await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-basic"), new CommandOptionInput("questions", 1), new CommandOptionInput(QuizForms.StyleOption, "typed")));
        Assert.Contains("Quiz started: 1 question from", typed.Content);
        var typedSession = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var asked = await QuizPlay.QuestionAsync(Bot, typedSession.Id, 0);
        Assert.Null(asked.Quiz.Choices);
        Assert.Equal(["Type your answer"], MessageView.Buttons(asked.Message).Select(b => b.Label));
        var opened2 = await QuizPlay.OpenModalAsync(ana, asked);
        Assert.Contains("is right", await QuizPlay.SubmitAsync(ana, opened2, asked.Card.Answers[0].ToUpperInvariant()));
        await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("stop"));
    }

    [Fact]
    public async Task DailySet_FrontBackDeck_PostsAMultipleChoiceQuestionOrTypedWhenAsked()
    {
        await TestDecks.UploadAsync(Bot, FrontBack);
        var at = fixture.Time.GetUtcNow().AddMinutes(2);
        var set = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), new CommandOptionInput("deck", "e2e-basic")));
        Assert.Contains("every day at", set.Content);
        Assert.DoesNotContain("typed", set.Content);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var first = await QuizPlay.PostedAsync(Bot, q => q.Daily);
        Assert.Equal(4, first.Choices.Count);
        Assert.Equal(first.Card.Answers[0], first.Right);
        var cal = Bot.AddStudent("cal-basic");
        Assert.Contains("is right", await QuizPlay.AnswerAsync(cal, first, first.Right));

        var typed = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), new CommandOptionInput("deck", "e2e-basic"), new CommandOptionInput(QuizForms.StyleOption, "typed")));
        Assert.Contains("Front/back cards are asked as typed questions.", typed.Content);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var second = await QuizPlay.PostedAsync(Bot, q => q.Daily && q.Id != first.Quiz.Id);
        Assert.Empty(second.Choices);
        Assert.Equal(["Type your answer"], MessageView.Buttons(second.Message).Select(b => b.Label));
        Assert.Contains($"Answer: **{first.Right}", MessageView.Text(second.Message));
        await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("off"));
    }

    private static string Text(string choice) => choice.Length <= 180 ? choice : choice[..179] + "…";
}
