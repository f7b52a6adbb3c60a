using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Review;
using StudyBot.Features.Shared;

namespace StudyBot.Tests.EndToEnd;

public sealed class ReviewTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Review_McqThenTypedWithDoubleClicks_EachAnswerSavedExactlyOnce()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("double-clicker");
        var userId = ulong.Parse(student.Id);

        var first = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        Assert.True(first.Ephemeral);
        Assert.Contains("capital of North Korea", MessageView.Text(first.Message));
        var right = MessageView.ButtonLabelled(first.Message, "Pyongyang");

        // Two clicks on the same button before the first is answered: Discord delivers both.
        var messageId = MessageView.Id(first.Message!);
        var clicks = await Task.WhenAll(student.ClickButtonAsync(messageId, right), student.ClickButtonAsync(messageId, right));
        var results = await Task.WhenAll(clicks.Select(c => c.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.All(results, r => Assert.Contains("Right!", MessageView.Text(r.Message)));

        var mcqLog = await AnswersAsync(userId, "capital");
        var mcq = Assert.Single(mcqLog);
        Assert.Equal(Rating.Good, mcq.Rating);
        Assert.Equal(ReviewSource.Review, mcq.Source);

        var afterMcq = results[0].Message!;
        Assert.Contains("Next review", MessageView.Text(afterMcq));
        var typedPrompt = await bot.ClickAsync(student, afterMcq, MessageView.ButtonLabelled(afterMcq, "Next card"));
        Assert.Contains("Which river", MessageView.Text(typedPrompt.Message));

        var opened = await student.ClickButtonAsync(MessageView.Id(typedPrompt.Message!), MessageView.ButtonLabelled(typedPrompt.Message, "Answer"));
        var modal = await opened.Callback.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(9, modal.CallbackType);
        var answer = new Dictionary<string, string> { ["answer"] = "yalu" };
        var submits = await Task.WhenAll(student.SubmitModalAsync(opened, answer), student.SubmitModalAsync(opened, answer));
        var typedResults = await Task.WhenAll(submits.Select(s => s.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.All(typedResults, r => Assert.Contains("Right!", MessageView.Text(r.Message)));

        var typed = Assert.Single(await AnswersAsync(userId, "river"));
        Assert.Equal(Rating.Good, typed.Rating);
        Assert.Equal("yalu", typed.AnswerText);
        var states = await bot.QueryAsync(db => db.CardStates.Where(s => s.UserId == userId).ToListAsync());
        Assert.Equal(2, states.Count);
        Assert.All(states, s => Assert.Equal(1, s.Memory.Reps));
    }

    [Fact]
    public async Task Review_UndoAfterTheCardWasAnsweredElsewhere_SaysWhyAndChangesNothing()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("stale-undoer");
        var userId = ulong.Parse(student.Id);
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        var wrong = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Seoul"));
        // The same card answered again in another /review, through the service its buttons call.
        var card = await bot.QueryAsync(db => db.Cards.Where(c => c.Key == "capital" && c.Deck!.Key == "e2e-review").Select(c => c.Id).SingleAsync());
        await using (var scope = bot.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewService>().AnswerAsync(Place.InGuild(ulong.Parse(bot.World.Guild.Id, CultureInfo.InvariantCulture), userId), card, 1, 0, new ChoiceAnswer(0), null, CancellationToken.None);
        }

        var stale = await bot.ClickAsync(student, wrong.Message!, MessageView.ButtonLabelled(wrong.Message, "Undo"));

        Assert.Contains("You have answered this card again since", MessageView.Text(stale.Message));
        Assert.Contains("Not quite", MessageView.Text(bot.Emulator.State.FindMessage(MessageView.Id(wrong.Message!))!.Json));
        var log = await bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).OrderBy(l => l.Id).Select(l => l.Kind).ToListAsync());
        Assert.Equal([ReviewKind.Answer, ReviewKind.Answer], log);
    }

    [Fact]
    public async Task Review_WrongChoiceThenUndo_RestoresCardAndShowsItAgain()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("undoer");
        var userId = ulong.Parse(student.Id);
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));

        var wrong = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Seoul"));
        var text = MessageView.Text(wrong.Message);
        Assert.Contains("Not quite", text);
        Assert.Contains("Pyongyang", text);
        Assert.Contains("Pyongyang is the capital.", text);

        var again = await bot.ClickAsync(student, wrong.Message!, MessageView.ButtonLabelled(wrong.Message, "Undo"));
        Assert.Contains("capital of North Korea", MessageView.Text(again.Message));
        var state = await bot.QueryAsync(db => db.CardStates.SingleAsync(s => s.UserId == userId));
        Assert.Equal(CardState.New, state.Memory.State);
        Assert.Equal(0, state.Memory.Reps);

        // The prompt shown after the undo is live: answering it records a new answer.
        var retry = await (await student.ClickButtonAsync(MessageView.Id(again.Message!), MessageView.ButtonLabelled(again.Message, "Pyongyang"))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Right!", MessageView.Text(retry.Message));
        var log = await bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).OrderBy(l => l.Id).Select(l => l.Kind).ToListAsync());
        Assert.Equal([ReviewKind.Answer, ReviewKind.Undo, ReviewKind.Answer], log);
    }

    [Fact]
    public async Task Review_OldPromptClickedAfterTheCardWasAnswered_ShowsTheFirstResultAndGradesNothing()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var student = bot.AddStudent("two-windows");
        var userId = ulong.Parse(student.Id);
        // Two /review messages show the same card: the student answers in the second, then clicks the first.
        var old = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        var current = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
        Assert.Contains("capital of North Korea", MessageView.Text(old.Message));
        Assert.Contains("capital of North Korea", MessageView.Text(current.Message));
        var answered = await bot.ClickAsync(student, current.Message!, MessageView.ButtonLabelled(current.Message, "Pyongyang"));
        Assert.Contains("Right!", MessageView.Text(answered.Message));

        var stale = await bot.ClickAsync(student, old.Message!, MessageView.ButtonLabelled(old.Message, "Seoul"));

        // The old prompt is the same prompt (same card, same state): its click is the first answer's repeat, not a new grade.
        Assert.Contains("Right!", MessageView.Text(stale.Message));
        Assert.DoesNotContain("Not quite", MessageView.Text(stale.Message));
        var log = await bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).Select(l => l.Rating).ToListAsync());
        Assert.Equal([Rating.Good], log);
    }

    [Fact]
    public async Task Review_SeededDeckBasicCard_ShowAnswerOffersFourGradesWithIntervals()
    {
        var student = bot.AddStudent("grader");
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "collapse-fears"));
        var message = prompt.Message!;
        // Walk the seeded deck until a card with "Show answer" comes up (the essay decks mix every kind).
        for (var i = 0; i < 10 && !MessageView.Buttons(message).Any(b => b.Label == "Show answer"); i++)
        {
            var buttons = MessageView.Buttons(message);
            var step = buttons.Any(b => b.Label == "Next card") ? MessageView.ButtonLabelled(message, "Next card") : buttons[0].CustomId;
            message = (await bot.ClickAsync(student, message, step)).Message!;
        }

        var revealed = await bot.ClickAsync(student, message, MessageView.ButtonLabelled(message, "Show answer"));
        var labels = MessageView.Buttons(revealed.Message).Select(b => b.Label).ToList();
        Assert.Equal(4, labels.Count);
        Assert.StartsWith("Again · ", labels[0]);
        Assert.StartsWith("Easy · ", labels[3]);

        var graded = await bot.ClickAsync(student, revealed.Message!, MessageView.Button(revealed.Message, l => l.StartsWith("Good", StringComparison.Ordinal)));
        Assert.Contains("Graded: Good", MessageView.Text(graded.Message));
    }

    [Fact]
    public async Task Review_ClozeTypedNearMiss_CountsAsHardAndSaysWhatWasExpected()
    {
        await TestDecks.UploadAsync(bot, """
            id: e2e-cloze
            title: Cloze
            cards:
              - id: border
                kind: cloze
                text: "The {{c1::Yalu}} River marks much of the border."
            """);
        var student = bot.AddStudent("clozer");
        var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-cloze"));
        Assert.DoesNotContain("Yalu", MessageView.Text(prompt.Message));

        var opened = await student.ClickButtonAsync(MessageView.Id(prompt.Message!), MessageView.ButtonLabelled(prompt.Message, "Type the blank"));
        var result = await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = "Yalo" })).WaitAsync(TimeSpan.FromSeconds(30));

        var text = MessageView.Text(result.Message);
        Assert.Contains("Almost: counted as Hard", text);
        Assert.Contains("Yalu", text);
        var entry = Assert.Single(await AnswersAsync(ulong.Parse(student.Id), "border#c1"));
        Assert.Equal(Rating.Hard, entry.Rating);
    }

    private Task<List<ReviewLogEntry>> AnswersAsync(ulong userId, string cardKey)
        => bot.QueryAsync(db => db.ReviewLog
            .Where(l => l.UserId == userId && l.Kind == ReviewKind.Answer && db.Cards.Any(c => c.Id == l.CardId && c.Key == cardKey))
            .ToListAsync());
}
