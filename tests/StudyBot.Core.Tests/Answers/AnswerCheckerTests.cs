using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;

namespace StudyBot.Core.Tests.Answers;

public class AnswerCheckerTests
{
    private static readonly DeckCard _typed = new()
    {
        Id = "capital",
        Kind = CardKind.Typed,
        Prompt = "Capital of North Korea?",
        Answers = ["Pyongyang", "P'yŏngyang"],
    };

    private static readonly DeckCard _mcq = new()
    {
        Id = "ally",
        Kind = CardKind.Mcq,
        Prompt = "North Korea's only treaty ally?",
        Answers = ["China"],
        Choices = [new("Russia", false), new("China", true), new("Japan", false)],
    };

    private static readonly DeckCard _basic = new() { Id = "b", Kind = CardKind.Basic, Prompt = "Why?", Answers = ["Because."] };

    [Theory]
    [InlineData("Pyongyang", Rating.Good)]
    [InlineData("  PYONGYANG. ", Rating.Good)]
    [InlineData("the pyongyang", Rating.Good)]
    [InlineData("pyongyáng", Rating.Good)]
    [InlineData("pyongyng", Rating.Hard)]
    [InlineData("pyonygang", Rating.Hard)]
    [InlineData("Seoul", Rating.Again)]
    [InlineData("pyong", Rating.Again)]
    [InlineData("", Rating.Again)]
    public void Check_TypedAnswer_RatesByCloseness(string given, Rating expected)
    {
        Assert.Equal(expected, AnswerChecker.Check(_typed, new TypedAnswer(given)).Rating);
    }

    [Fact]
    public void Check_NearMiss_NotesExpectedAnswer()
    {
        var verdict = AnswerChecker.Check(_typed, new TypedAnswer("Pyongyan"));

        Assert.Equal(Rating.Hard, verdict.Rating);
        Assert.Equal("Hard because of the spelling: expected Pyongyang", verdict.Note);
    }

    [Fact]
    public void Check_ShortAnswerOneLetterOff_Again()
    {
        var card = _typed with { Answers = ["DMZ"] };

        Assert.Equal(Rating.Again, AnswerChecker.Check(card, new TypedAnswer("DMC")).Rating);
        Assert.Equal(Rating.Good, AnswerChecker.Check(card, new TypedAnswer("d.m.z.")).Rating);
    }

    [Theory]
    [InlineData(1, Rating.Good)]
    [InlineData(0, Rating.Again)]
    [InlineData(2, Rating.Again)]
    public void Check_Choice_RightIsGoodWrongIsAgain(int index, Rating expected)
    {
        Assert.Equal(expected, AnswerChecker.Check(_mcq, new ChoiceAnswer(index)).Rating);
    }

    [Fact]
    public void Check_ChoiceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerChecker.Check(_mcq, new ChoiceAnswer(3)));
    }

    [Theory]
    [InlineData(Rating.Again)]
    [InlineData(Rating.Hard)]
    [InlineData(Rating.Good)]
    [InlineData(Rating.Easy)]
    public void Check_BasicSelfGrade_KeepsStudentsGrade(Rating rating)
    {
        Assert.Equal(rating, AnswerChecker.Check(_basic, new SelfGrade(rating)).Rating);
    }

    [Fact]
    public void Check_SelfGradeOnMcq_Throws()
    {
        Assert.Throws<ArgumentException>(() => AnswerChecker.Check(_mcq, new SelfGrade(Rating.Easy)));
    }
}
