using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;
using StudyBot.Data.Review;
using StudyBot.Discord.Models;
using StudyBot.Features.Review;
using StudyBot.Features.Shared;

namespace StudyBot.Tests.Review;

/// <summary>What the review screens tell a student, read from the payloads the bot sends.</summary>
public class ReviewViewsTests
{
    private static readonly DateTime _now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly DeckCard _typed = new()
    {
        Id = "trade",
        Kind = CardKind.Typed,
        Prompt = "According to the essay, roughly what percentage of North Korea's trade runs through China?",
        Answers = ["90 percent", "90%", "ninety"],
        Explanation = "\"roughly 90 percent\"",
    };

    [Fact]
    public void Outcome_WrongTypedAnswer_ShowsFirstAnswerOnceAndOffersIWasRight()
    {
        var payload = Outcome(_typed, "80%");

        var fields = Fields(payload);
        Assert.Equal("90 percent", fields["Answer"]);
        Assert.False(fields.ContainsKey("Note"), "the expected answer is shown once, in Answer");
        Assert.Contains(ReviewViews.OverrideLabel, Buttons(payload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\U0001F937\u200D\u2642\uFE0F")]
    [InlineData("?!")]
    public void Outcome_NothingAnswered_OffersNoIWasRight(string given)
    {
        var payload = Outcome(_typed, given);

        Assert.DoesNotContain(ReviewViews.OverrideLabel, Buttons(payload));
    }

    [Fact]
    public void Outcome_NearMiss_SaysWhyHard()
    {
        var payload = Outcome(_typed with { Answers = ["Pyongyang"] }, "Pyongyng");

        Assert.Equal("Hard because of the spelling: expected Pyongyang", Fields(payload)["Why Hard"]);
        Assert.Equal("Almost: counted as Hard", payload.Embeds![0].Title);
    }

    [Fact]
    public void Outcome_QualifiedAnswer_GoodShowsExpectedFormWithoutOverride()
    {
        var payload = Outcome(_typed with { Answers = ["5,000 miles"] }, "5000");

        Assert.Equal("expected form: 5,000 miles", Fields(payload)["Note"]);
        Assert.DoesNotContain(ReviewViews.OverrideLabel, Buttons(payload));
    }

    [Fact]
    public void Outcome_Cloze_ShowsTheWholeSentence()
    {
        var card = Cloze("China has more leverage than {{c1::the United States|the States}} does.");

        var payload = Outcome(card, "the States");

        Assert.Equal("China has more leverage than the United States does.", payload.Embeds![0].Description);
        Assert.Equal("the United States", Fields(payload)["Answer"]);
    }

    [Fact]
    public void AnswerModal_ShortTypedPrompt_TitleOnly_ClozeShowsSentenceWithGap()
    {
        var shortPrompt = ReviewViews.AnswerModal(Prompt(_typed with { Prompt = "Capital of North Korea?" }));
        var cloze = ReviewViews.AnswerModal(Prompt(Cloze("China has more leverage than {{c1::the United States::which country?}} does.")));

        Assert.Equal("Capital of North Korea?", shortPrompt.Title);
        Assert.DoesNotContain(shortPrompt.Components!, c => c.Type == ComponentType.TextDisplay);
        Assert.Equal("Fill in the blank", cloze.Title);
        Assert.Equal("China has more leverage than [which country?] does.", Assert.Single(cloze.Components!, c => c.Type == ComponentType.TextDisplay).Content);
    }

    [Theory]
    [InlineData(8, "Next card in 8 minutes")]
    [InlineData(1, "Next card in 1 minute")]
    public void End_LearningCardWithinTheHour_OffersToWait(int minutes, string title)
    {
        var payload = ReviewViews.End(new ReviewEnd(0, _now, _now.AddMinutes(minutes), new SessionSummary(12, 9, TimeSpan.FromMinutes(14))));

        Assert.Equal(title, payload.Embeds![0].Title);
        Assert.Equal("12 cards reviewed, 9 right, in 14 minutes.", Fields(payload)["This session so far"]);
        Assert.Equal(["Next card"], Buttons(payload));
    }

    /// <summary>The waiting screen's title and text, and an answer's "Next review", count minutes one way: rounded up.</summary>
    [Theory]
    [InlineData(6.5, 7)]
    [InlineData(6.0, 6)]
    [InlineData(6.01, 7)]
    [InlineData(0.2, 1)]
    [InlineData(59.5, 60)]
    public void End_ComesBackInMinutes_TitleTextAndIntervalAgree(double minutes, int shown)
    {
        var due = _now.AddMinutes(minutes);
        var payload = ReviewViews.End(new ReviewEnd(0, _now, due, null) { Left = new DueCounts(0, 2, 0) });

        var plural = shown == 1 ? "" : "s";
        Assert.Equal($"Next card in {shown} minute{plural}", payload.Embeds![0].Title);
        Assert.StartsWith($"A card you are learning comes back in {shown} minute{plural},", payload.Embeds[0].Description);
        Assert.Equal($"{shown}m", DiscordTime.Interval(due - _now));
        Assert.Equal("2 left today: 0 new · 2 learning · 0 to review.", payload.Embeds[0].Footer?.Text);
    }

    [Fact]
    public void End_NothingComingBack_DoneWithSummary()
    {
        var payload = ReviewViews.End(new ReviewEnd(0, _now, null, new SessionSummary(1, 1, TimeSpan.FromSeconds(20))));

        Assert.Equal("All caught up", payload.Embeds![0].Title);
        Assert.Equal("1 card reviewed, 1 right, in under a minute.", Fields(payload)["This session"]);
    }

    private static MessagePayload Outcome(DeckCard card, string given)
    {
        var verdict = AnswerChecker.Check(card, new TypedAnswer(given));
        var result = new AnswerResult(7, 1, verdict.Rating, FsrsCard.CreateNew(_now), FsrsCard.CreateNew(_now) with { Due = _now.AddMinutes(10) }, false, LeechOutcome.None, verdict.Note, Duplicate: false);
        return ReviewViews.Outcome(new ReviewOutcome(Prompt(card), result, given, _now) { Left = new DueCounts(1, 1, 1) });
    }

    private static ReviewPrompt Prompt(DeckCard card) => new(1, 0, 0, "Deck", card, QueueKind.New);

    private static DeckCard Cloze(string text)
    {
        var loaded = new DeckLoader().LoadText($"id: d\ntitle: D\ncards:\n  - id: n\n    kind: cloze\n    text: '{text}'\n", "d.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        return loaded.Deck!.Cards.Single();
    }

    private static Dictionary<string, string> Fields(MessagePayload payload) => payload.Embeds![0].Fields!.ToDictionary(f => f.Name, f => f.Value);

    private static List<string> Buttons(MessagePayload payload)
        => payload.Components!.SelectMany(row => row.Components ?? []).Select(b => b.Label ?? "").ToList();
}
