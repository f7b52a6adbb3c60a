using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public sealed class AnswerDecisionTests
{
    private static readonly DateTime _now = new(2026, 3, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly FsrsScheduler _scheduler = new();
    private static readonly AnswerScheduling _scheduling = new(_scheduler);

    private static readonly DeckCard _typed = new() { Id = "capital", Kind = CardKind.Typed, Prompt = "Capital of North Korea?", Answers = ["Pyongyang"] };
    private static readonly DeckCard _basic = new() { Id = "river", Kind = CardKind.Basic, Prompt = "Which river marks the border?", Answers = ["The Yalu"] };

    /// <summary>quiz question, quiz answered before, quiz closed, saved under the interaction, expected entries (-1: none), entries -> gate.</summary>
    [Theory]
    [InlineData(false, false, false, false, -1, 3, AnswerGate.Take)]
    [InlineData(false, false, false, false, 3, 3, AnswerGate.Take)]
    [InlineData(false, false, false, false, 2, 3, AnswerGate.Stale)]
    [InlineData(false, false, false, true, 2, 3, AnswerGate.Repeat)] // a repeated click gets its first result, not a refusal
    [InlineData(false, true, true, false, -1, 0, AnswerGate.Take)] // a quiz answered through its draft, not by question: the question's state does not gate it
    [InlineData(true, false, false, false, -1, 0, AnswerGate.Take)]
    [InlineData(true, true, false, false, -1, 0, AnswerGate.QuizRepeat)]
    [InlineData(true, true, true, true, -1, 0, AnswerGate.QuizRepeat)] // the first answer stands even after closing
    [InlineData(true, false, true, false, -1, 0, AnswerGate.QuizClosed)]
    [InlineData(true, false, true, true, -1, 0, AnswerGate.QuizClosed)]
    [InlineData(true, false, false, true, -1, 0, AnswerGate.Repeat)]
    public void Gate_WhatTheReadFound_DecidesWhetherTheAnswerIsTaken(bool quiz, bool answeredBefore, bool closed, bool saved, int expected, int entries, AnswerGate gate)
    {
        var facts = new AnswerFacts(quiz, answeredBefore, closed, saved, expected < 0 ? null : expected, entries);

        Assert.Equal(gate, AnswerDecision.Gate(facts));
    }

    [Theory]
    [InlineData("Pyongyang")]
    [InlineData("pyongyang")]
    [InlineData("Seoul")]
    [InlineData("")]
    public void Decide_NewCard_GradesLikeTheCheckerAndSchedulesWithFsrs(string typed)
    {
        var answer = new TypedAnswer(typed);
        var verdict = AnswerChecker.Check(_typed, answer);

        var outcome = AnswerDecision.Decide(null, _typed, answer, _now, _scheduling);

        Assert.Equal(verdict.Rating, outcome.Rating);
        Assert.Equal(verdict.Note, outcome.Note);
        Assert.Equal(typed, outcome.AnswerText);
        Assert.Equal(_now, outcome.ReviewedUtc);
        Assert.Equal(CardStudyState.New(_now), outcome.Before);
        Assert.Equal(new CardStudyState(_scheduler.Next(FsrsCard.CreateNew(_now), _now, verdict.Rating), false, false), outcome.After);
        Assert.Equal(LeechOutcome.None, outcome.Leech);
        Assert.Null(outcome.LeechMessage);
    }

    [Theory]
    [InlineData(Rating.Again)]
    [InlineData(Rating.Good)]
    public void Decide_StampedBeforeTheLastReview_DatedAtTheLastReview(Rating rating)
    {
        var before = new CardStudyState(_scheduler.Next(FsrsCard.CreateNew(_now), _now, Rating.Good), false, false);
        var earlier = _now.AddSeconds(-5);

        var outcome = AnswerDecision.Decide(before, _basic, new SelfGrade(rating), earlier, _scheduling);

        Assert.Equal(_now, outcome.ReviewedUtc);
        Assert.Equal(_scheduler.Next(before.Memory, _now, rating), outcome.After.Memory);
    }

    [Fact]
    public void Decide_AnswerThatDoesNotFitTheCard_RefusedWithoutAState()
    {
        // A typed card is graded from its answer, never by the student: the engine refuses the answer, nothing is written.
        Assert.Throws<ArgumentException>(() => AnswerDecision.Decide(null, _typed, new SelfGrade(Rating.Easy), _now, _scheduling));
    }

    /// <summary>Lapses before, whether the card was a leech already, rating -> leech outcome, suspended after.</summary>
    [Theory]
    [InlineData(6, false, Rating.Again, LeechOutcome.None, false)]
    [InlineData(7, false, Rating.Again, LeechOutcome.BecameLeech, true)]
    [InlineData(7, false, Rating.Good, LeechOutcome.None, false)]
    [InlineData(10, true, Rating.Again, LeechOutcome.None, true)] // 11 lapses: between warnings, stays suspended
    [InlineData(11, true, Rating.Again, LeechOutcome.StillLeech, true)]
    public void Decide_LapseOnAReview_FollowsTheLeechRule(int lapses, bool leech, Rating rating, LeechOutcome expected, bool suspended)
    {
        var review = new FsrsCard(_now.AddDays(-1), 20, 6, 10, 10, 0, lapses + 5, lapses, CardState.Review, _now.AddDays(-11));
        var before = new CardStudyState(review, leech, leech);

        var outcome = AnswerDecision.Decide(before, _basic, new SelfGrade(rating), _now, _scheduling);

        Assert.Equal(expected, outcome.Leech);
        Assert.Equal(suspended, outcome.After.Suspended);
        Assert.Equal(leech || expected != LeechOutcome.None, outcome.After.Leech);
        Assert.Equal(expected != LeechOutcome.None, outcome.LeechMessage is not null);
    }

    [Fact]
    public void DecideAndSchedule_WithAnAdjustment_AdjustedOnceAndReplayedTheSame()
    {
        var deadline = _now.AddDays(2);
        var scheduling = new AnswerScheduling(_scheduler, new DueNoLaterThan(deadline));
        var before = new CardStudyState(new FsrsCard(_now.AddDays(-1), 30, 5, 30, 30, 0, 6, 0, CardState.Review, _now.AddDays(-31)), false, false);

        var outcome = AnswerDecision.Decide(before, _basic, new SelfGrade(Rating.Easy), _now, scheduling);
        var replayed = AnswerDecision.Schedule(outcome.Before, outcome.ReviewedUtc, outcome.Rating, scheduling);

        Assert.True(_scheduler.Next(before.Memory, _now, Rating.Easy).Due > deadline, "the test needs an interval the adjustment shortens");
        Assert.Equal(deadline, outcome.After.Memory.Due);
        Assert.Equal(outcome.After, replayed.After);
    }

    /// <summary>An adjustment for the test: never due after a fixed instant.</summary>
    private sealed class DueNoLaterThan(DateTime latest) : IScheduleAdjustment
    {
        public FsrsCard Adjust(in FsrsCard before, in FsrsCard scheduled, DateTime reviewedUtc, Rating rating) =>
            scheduled.Due > latest ? scheduled with { Due = latest } : scheduled;
    }
}
