using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Tests.Decks;

namespace StudyBot.Core.Tests.Answers;

/// <summary>The answers a new student types, tried against the essay decks' own cards.</summary>
public class EssayDeckGradingTests
{
    private static readonly Dictionary<string, Core.Decks.DeckCard> _cards =
        EssayDeck.LoadAll().SelectMany(d => d.Deck.Cards).ToDictionary(c => c.Id);

    [Theory]
    [InlineData("trade-share-typed", "about 90%", Rating.Good)]
    [InlineData("trade-share-typed", "roughly 90%", Rating.Good)]
    [InlineData("trade-share-typed", "about 90 percent", Rating.Good)]
    [InlineData("trade-share-typed", "ninety per cent", Rating.Good)]
    [InlineData("trade-share-typed", "80%", Rating.Again)]
    [InlineData("trade-share-typed", "90% or 80%", Rating.Again)]
    [InlineData("china-leverage-cloze#c2", "US", Rating.Good)]
    [InlineData("china-leverage-cloze#c2", "the U.S.", Rating.Good)]
    [InlineData("china-leverage-cloze#c2", "America", Rating.Good)]
    [InlineData("china-leverage-cloze#c2", "China or the US", Rating.Again)]
    [InlineData("americanized-oddity#c2", "5000", Rating.Good)]
    [InlineData("americanized-oddity#c2", "5,000 miles", Rating.Good)]
    [InlineData("americanized-oddity#c2", "6,000 miles", Rating.Again)]
    [InlineData("kims-met-chinese-leaders#c1", "20 years", Rating.Good)]
    [InlineData("kims-met-chinese-leaders#c1", "30 years", Rating.Again)]
    [InlineData("chernobyl-fears-risen#c3", "the Punggye-ri test site", Rating.Good)]
    [InlineData("chernobyl-fears-risen#c3", "Yongbyon", Rating.Again)]
    [InlineData("chernobyl-fears-risen#c1", "the Chernobyl disaster", Rating.Good)]
    [InlineData("chernobyl-fears-risen#c1", "Fukushima", Rating.Again)]
    [InlineData("loose-weapons-kinds", "nuclear, biological and chemical", Rating.Good)]
    [InlineData("loose-weapons-kinds", "nuclear and biological", Rating.Again)]
    [InlineData("troops-count-typed", "28,500 troops", Rating.Good)]
    [InlineData("troops-count-typed", "28,600", Rating.Again)]
    [InlineData("unification-capital", "Seoul", Rating.Good)]
    [InlineData("unification-capital", "Seoul or Pyongyang", Rating.Again)]
    [InlineData("refugee-ill-equipped#c2", "the seventies", Rating.Good)]
    [InlineData("refugee-ill-equipped#c2", "1960s", Rating.Again)]
    [InlineData("corruption-champion", "President Xi", Rating.Good)]
    [InlineData("corruption-champion", "not Xi Jinping", Rating.Again)]
    [InlineData("conventional-deterrence-typed", "sixty-five", Rating.Good)]
    [InlineData("conventional-deterrence-typed", "56", Rating.Again)]
    [InlineData("corruption-champion", "Xi Jinping", Rating.Good)]
    [InlineData("corruption-champion", "", Rating.Again)]
    public void Check_EssayCard_AsATeacherWould(string cardId, string given, Rating rating)
    {
        Assert.Equal(rating, AnswerChecker.Check(_cards[cardId], new TypedAnswer(given)).Rating);
    }

    [Fact]
    public void Check_EveryTypedOrClozeEssayCard_AcceptsEachOfItsAnswers()
    {
        var refused = _cards.Values
            .Where(c => c.Kind is Core.Decks.CardKind.Typed or Core.Decks.CardKind.Cloze)
            .SelectMany(c => c.Answers.Select(a => (c.Id, Answer: a, AnswerChecker.Check(c, new TypedAnswer(a)).Rating)))
            .Where(r => r.Rating != Rating.Good)
            .Select(r => $"{r.Id}: '{r.Answer}' is {r.Rating}")
            .ToList();

        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}
