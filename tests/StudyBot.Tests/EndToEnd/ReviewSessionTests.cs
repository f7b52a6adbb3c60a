using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Verification;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Review;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

/// <summary>The Playground bot with study time on a fake clock, so a test can wait for a learning card without waiting.</summary>
public sealed class ClockedPlaygroundBot : IAsyncLifetime
{
    public ClockedPlaygroundBot()
    {
        Bot = new PlaygroundBot { Configure = builder => builder.Services.AddSingleton(new StudyClock(Clock)) };
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public PlaygroundBot Bot { get; }

    public Task InitializeAsync() => Bot.InitializeAsync();

    public Task DisposeAsync() => Bot.DisposeAsync();
}

/// <summary>A review session through the emulator: "I was right", waiting for a learning card, cards left today and the closing summary.</summary>
public sealed partial class ReviewSessionTests(ClockedPlaygroundBot fixture) : IClassFixture<ClockedPlaygroundBot>
{
    private PlaygroundBot Bot => fixture.Bot;

    [Fact]
    public async Task Review_IWasRight_RecordedAsOverrideReportedToInstructorsAndUndoable()
    {
        await TestDecks.UploadAsync(Bot, """
            id: e2e-override
            title: Override
            cards:
              - id: capital
                kind: typed
                prompt: According to the lesson, which city is the capital of North Korea?
                answers: [Pyongyang]
            """);
        var student = Bot.AddStudent("insists");
        var userId = ulong.Parse(student.Id);
        var prompt = await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-override"));

        // The question is longer than a modal title: the window shows it in its body.
        var opened = await student.ClickButtonAsync(MessageView.Id(prompt.Message!), MessageView.ButtonLabelled(prompt.Message, "Answer"));
        var modal = await opened.Callback.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Your answer", modal.Data!["title"]!.GetValue<string>());
        Assert.Contains(modal.Data["components"]!.AsArray(), c => c!["type"]!.GetValue<int>() == 10
            && c["content"]!.GetValue<string>() == "According to the lesson, which city is the capital of North Korea?");
        var wrong = await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = "Phenian" })).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Not quite", MessageView.Text(wrong.Message));

        var right = await Bot.ClickAsync(student, wrong.Message!, MessageView.ButtonLabelled(wrong.Message, ReviewViews.OverrideLabel));
        var text = MessageView.Text(right.Message);
        Assert.Contains("Counted as right", text);
        Assert.Contains("You answered: Phenian", text);
        Assert.DoesNotContain(ReviewViews.OverrideLabel, MessageView.Buttons(right.Message).Select(b => b.Label));
        var log = await LogAsync(userId);
        Assert.Equal(
            [(ReviewKind.Answer, ReviewSource.Review, (Rating?)Rating.Again), (ReviewKind.Undo, ReviewSource.Review, null), (ReviewKind.Answer, ReviewSource.Override, Rating.Good)],
            log.Select(l => (l.Kind, l.Source, l.Rating)));
        Assert.Equal("Phenian", log[2].AnswerText);
        var state = await Bot.QueryAsync(db => db.CardStates.SingleAsync(s => s.UserId == userId));
        Assert.Equal(1, state.Memory.Reps);
        Assert.Equal(log[2].After.Due, state.Memory.Due);

        // The log still rebuilds every card state: an override is an undo and an answer like any other.
        Assert.True((await Bot.App.Services.GetRequiredService<ReviewLogVerifier>().VerifyAsync()).Passed);

        var report = await Bot.RunAsync(Bot.You, "overrides");
        var reported = MessageView.Text(report.Message);
        Assert.Contains("`e2e-override` `capital` — 1 student: “Phenian”", reported);

        // Undo takes the override back: the card is new again and no longer reported.
        var undone = await Bot.ClickAsync(student, right.Message!, MessageView.ButtonLabelled(right.Message, "Undo"));
        Assert.Contains("capital of North Korea", MessageView.Text(undone.Message));
        Assert.Equal(ReviewKind.Undo, (await LogAsync(userId))[^1].Kind);
        Assert.Equal(CardState.New, (await Bot.QueryAsync(db => db.CardStates.SingleAsync(s => s.UserId == userId))).Memory.State);
        Assert.DoesNotContain("`capital`", MessageView.Text((await Bot.RunAsync(Bot.You, "overrides")).Message));
    }

    [Fact]
    public async Task Review_LearningCardComesBackSoon_OffersToWaitThenEndsWithSummary()
    {
        await TestDecks.UploadAsync(Bot, """
            id: e2e-wait
            title: Waiting
            cards:
              - id: river
                kind: typed
                prompt: Which river forms much of the China-North Korea border?
                answers: [the Yalu]
            """);
        var student = Bot.AddStudent("patient");
        var screen = (await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-wait"))).Message!;
        Assert.Contains("Waiting · new card · 1 left today: 1 new · 0 learning · 0 to review", MessageView.Text(screen));

        var outcome = await AnswerAsync(student, screen, "the Han");
        Assert.Contains("Not quite", MessageView.Text(outcome));
        // The new card answered wrong comes back today: it moves from the new count to the learning count.
        Assert.Contains("1 left today: 0 new · 1 learning · 0 to review.", MessageView.Text(outcome));
        screen = (await Bot.ClickAsync(student, outcome, MessageView.ButtonLabelled(outcome, "Next card"))).Message!;

        var waits = 0;
        var advanced = TimeSpan.Zero;
        while (WaitMinutes().Match(MessageView.Text(screen)) is { Success: true } wait)
        {
            waits++;
            var text = MessageView.Text(screen);
            Assert.DoesNotContain("Come back tomorrow", text);
            Assert.Contains("This session so far", text);
            // Pressing Next card before the card is due keeps waiting.
            var early = (await Bot.ClickAsync(student, screen, MessageView.ButtonLabelled(screen, "Next card"))).Message!;
            Assert.Matches(WaitMinutes(), MessageView.Text(early));

            var minutes = TimeSpan.FromMinutes(int.Parse(wait.Groups[1].Value) + 1);
            fixture.Clock.Advance(minutes);
            advanced += minutes;
            var card = (await Bot.ClickAsync(student, early, MessageView.ButtonLabelled(early, "Next card"))).Message!;
            Assert.Contains("Which river", MessageView.Text(card));
            var right = await AnswerAsync(student, card, "Yalu");
            Assert.Contains("Right!", MessageView.Text(right));
            screen = (await Bot.ClickAsync(student, right, MessageView.ButtonLabelled(right, "Next card"))).Message!;
        }

        Assert.True(waits >= 1, "the card answered wrong should have come back within the hour");
        var done = MessageView.Text(screen);
        Assert.Contains("All caught up", done);
        Assert.Contains($"This session: {waits + 1} cards reviewed, {waits} right, in {(int)Math.Round(advanced.TotalMinutes)} minutes.", done);
    }

    [Fact]
    public async Task Review_CardsLeftToday_CountSiblingsOnceAndGoDown()
    {
        await TestDecks.UploadAsync(Bot, """
            id: e2e-left
            title: Left
            cards:
              - id: yalu
                kind: cloze
                text: "The {{c1::Yalu}} River marks much of the {{c2::China}}-North Korea border."
              - id: capital
                kind: basic
                prompt: Capital of North Korea?
                answer: Pyongyang
            """);
        var student = Bot.AddStudent("counter");

        // Two deletions of one note are one card today (answering one buries the other), plus the basic card.
        var first = (await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-left"))).Message!;
        Assert.Contains("Left · new card · 2 left today: 2 new · 0 learning · 0 to review", MessageView.Text(first));
        var revealed = (await Bot.ClickAsync(student, first, MessageView.ButtonLabelled(first, "Show answer"))).Message!;
        var graded = (await Bot.ClickAsync(student, revealed, MessageView.Button(revealed, l => l.StartsWith("Easy", StringComparison.Ordinal)))).Message!;
        Assert.Contains("1 left today: 1 new · 0 learning · 0 to review.", MessageView.Text(graded));
    }

    private async Task<JsonObject> AnswerAsync(SimulatedUser student, JsonObject prompt, string answer)
    {
        var opened = await student.ClickButtonAsync(MessageView.Id(prompt), MessageView.ButtonLabelled(prompt, "Answer"));
        return (await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = answer })).WaitAsync(TimeSpan.FromSeconds(30))).Message!;
    }

    private Task<List<ReviewLogEntry>> LogAsync(ulong userId)
        => Bot.QueryAsync(db => db.ReviewLog.Where(l => l.UserId == userId).OrderBy(l => l.Id).ToListAsync());

    [GeneratedRegex(@"Next card in (\d+) minutes?")]
    private static partial Regex WaitMinutes();
}
