using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Review;
using StudyBot.Data.Verification;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Review;

namespace StudyBot.Tests.EndToEnd;

/// <summary>The loop closed: an instructor accepts, from /overrides, a wording a student counted as right.</summary>
public sealed partial class ReviewSessionTests
{
    [Fact]
    public async Task Overrides_InstructorAcceptsAWording_NewDeckVersionRecountsEveryoneAndTheNextStudentIsGradedGood()
    {
        await TestDecks.UploadAsync(Bot, """
            id: e2e-accept
            title: Accept
            cards:
              - id: vessel
                kind: typed
                prompt: Which vessel carries blood from the heart's left ventricle to the body?
                answers: [the aorta]
            """);
        var insists = Bot.AddStudent("accept-insists");
        var quiet = Bot.AddStudent("accept-quiet");
        var later = Bot.AddStudent("accept-later");

        // One student counts "the main artery" as right; another typed it too, took the Again, and has answered the card again since.
        var wrong = await AnswerFirstAsync(insists, "the main artery");
        Assert.Contains("Not quite", MessageView.Text(wrong));
        await Bot.ClickAsync(insists, wrong, MessageView.ButtonLabelled(wrong, ReviewViews.OverrideLabel));
        Assert.Contains("Not quite", MessageView.Text(await AnswerFirstAsync(quiet, "The main artery")));
        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var again = (await Bot.RunAsync(quiet, "review", new CommandOptionInput("deck", "e2e-accept"))).Message!;
        Assert.Contains("Which vessel carries", MessageView.Text(again));
        Assert.Contains("Right!", MessageView.Text(await AnswerAsync(quiet, again, "the aorta")));
        var quietId = ulong.Parse(quiet.Id);
        var quietBefore = await Bot.QueryAsync(db => db.CardStates.SingleAsync(s => s.UserId == quietId && s.Card!.Key == "vessel"));

        // The instructor sees the wording with its button; a student who sends its custom_id is refused.
        var report = (await Bot.RunAsync(Bot.You, "overrides")).Message!;
        Assert.Contains("`e2e-accept` `vessel` — 1 student: “the main artery”", MessageView.Text(report));
        var accept = MessageView.ButtonLabelled(report, "Accept “the main artery” (vessel)");
        var own = (await Bot.RunAsync(later, "help")).Message!;
        var refused = await (await later.ForgeClickAsync(MessageView.Id(own), accept)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(Features.Shared.Instructors.RefusalText, refused.Content ?? MessageView.Text(refused.Message));
        Assert.Equal(1, await Bot.QueryAsync(db => db.Decks.Where(d => d.Key == "e2e-accept").Select(d => d.CurrentVersion).SingleAsync()));

        var accepted = await Bot.ClickAsync(Bot.You, report, accept);
        var said = accepted.Content ?? MessageView.Text(accepted.Message);
        Assert.Contains("“the main artery” is now an answer of card `vessel` in version 2 of deck `e2e-accept`", said);
        Assert.Contains("Re-counted as Good: 1 answer of 1 student", said);

        // A new version as an upload makes it: the card changed, nobody's progress lost.
        var version = await Bot.QueryAsync(db => db.DeckVersions.Where(v => db.Decks.Any(d => d.Id == v.DeckId && d.Key == "e2e-accept")).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], version.Select(v => v.Number));
        Assert.Equal((1, 1, 0, 0), (version[1].CardCount, version[1].Changed, version[1].Added, version[1].Retired));
        Assert.Equal(["the aorta", "the main artery"], await Bot.QueryAsync(db => db.Cards.Where(c => c.Key == "vessel" && c.Deck!.Key == "e2e-accept").Select(c => c.Answers).SingleAsync()));

        // The quiet student's Again is now a Good, and their later answer was given again after it: the schedule is replayed.
        var quietLog = await LogAsync(quietId);
        var counted = quietLog.Where(l => l.Kind == ReviewKind.Answer && !quietLog.Any(u => u.UndoesId == l.Id)).ToList();
        Assert.Equal([(Rating?)Rating.Good, Rating.Good], counted.Select(l => l.Rating));
        Assert.Equal(["The main artery", "the aorta"], counted.Select(l => l.AnswerText));
        Assert.Equal(WordingAcceptance.Note, counted[0].Note);
        var quietAfter = await Bot.QueryAsync(db => db.CardStates.SingleAsync(s => s.UserId == quietId && s.Card!.Key == "vessel"));
        Assert.Equal(counted[^1].After, quietAfter.Memory);
        Assert.True(quietAfter.Memory.Due > quietBefore.Memory.Due, "two Goods schedule the card further out than an Again and a Good");
        var verified = await Bot.App.Services.GetRequiredService<ReviewLogVerifier>().VerifyAsync();
        Assert.True(verified.Passed, string.Join("\n", verified.Differences));

        // Another student typing the same wording is graded Good, and /overrides no longer lists it.
        var graded = await AnswerFirstAsync(later, "the main artery");
        Assert.Contains("Right!", MessageView.Text(graded));
        Assert.DoesNotContain(ReviewViews.OverrideLabel, MessageView.Buttons(graded).Select(b => b.Label));
        Assert.DoesNotContain("`vessel`", MessageView.Text((await Bot.RunAsync(Bot.You, "overrides")).Message));

        // A second click changes nothing more: the card accepts the wording already.
        var repeated = await Bot.ClickAsync(Bot.You, report, accept);
        Assert.Contains("already accepts “the main artery”", repeated.Content ?? MessageView.Text(repeated.Message));
        Assert.Equal(2, await Bot.QueryAsync(db => db.Decks.Where(d => d.Key == "e2e-accept").Select(d => d.CurrentVersion).SingleAsync()));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> AnswerFirstAsync(SimulatedUser student, string answer)
    {
        var prompt = (await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-accept"))).Message!;
        Assert.Contains("Which vessel carries", MessageView.Text(prompt));
        return await AnswerAsync(student, prompt, answer);
    }
}
