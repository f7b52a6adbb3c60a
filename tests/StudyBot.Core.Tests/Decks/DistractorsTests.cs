using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

public class DistractorsTests
{
    private static readonly HashSet<string> _none = [];

    private static DeckCard Basic(string id, string prompt, params string[] answers)
        => new() { Id = id, Kind = CardKind.Basic, Prompt = prompt, Answers = answers };

    private static readonly DeckCard[] _mixed =
    [
        Basic("capital", "Capital of North Korea?", "Pyongyang"),
        Basic("troops", "U.S. troops in South Korea?", "28,500"),
        Basic("trade", "North Korea's largest trading partner?", "China"),
        Basic("border", "River on the northern border?", "Yalu"),
        Basic("armistice", "Year of the armistice?", "1953"),
        Basic("why", "Why does Beijing fear a collapse?", "Refugees would cross the border and U.S. troops could reach the Yalu."),
        Basic("buffer", "What does a buffer state do?", "It keeps two rivals from sharing a border, so neither feels threatened."),
        Basic("tests", "Nuclear tests by 2017?", "6"),
        Basic("km", "Length of the border in km?", "1,416"),
        Basic("leader", "Family name of the ruling dynasty?", "Kim"),
        Basic("sentence", "What did the 2006 resolution do?", "It banned arms sales and froze assets of the programme's leaders."),
    ];

    [Fact]
    public void Choose_NumberAnswer_OffersNumbersBeforeWords()
    {
        var wrong = Distractors.Choose(_mixed[1], _mixed, _none, 3, new Random(1));

        Assert.Equal(3, wrong.Count);
        Assert.All(wrong, w => Assert.Contains(w, new[] { "6", "1,416", "1953" }));
    }

    [Fact]
    public void Choose_SentenceAnswer_OffersSentences()
    {
        var wrong = Distractors.Choose(_mixed[5], _mixed, _none, 2, new Random(2));

        Assert.Equal(["It banned arms sales and froze assets of the programme's leaders.", "It keeps two rivals from sharing a border, so neither feels threatened."], wrong.Order());
    }

    [Fact]
    public void Choose_NameAnswer_OffersShortNamesNotSentencesOrNumbers()
    {
        var wrong = Distractors.Choose(_mixed[0], _mixed, _none, 3, new Random(3));

        Assert.All(wrong, w => Assert.Contains(w, new[] { "China", "Yalu", "Kim" }));
    }

    [Fact]
    public void Choose_ManySeeds_TakesTurnsAmongEquallyFittingAnswersButNeverAWorseOne()
    {
        var deck = new[]
        {
            Basic("a", "Capital of France?", "Paris"),
            Basic("b", "Capital of Italy?", "Rome"),
            Basic("c", "Capital of Spain?", "Madrid"),
            Basic("d", "Capital of Peru?", "Lima"),
            Basic("e", "Capital of Chad?", "N'Djamena"),
            Basic("f", "Why do capitals move?", "Governments move them to develop a region or escape a crowded coast."),
        };
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var wrong = Distractors.Choose(deck[0], deck, _none, 2, new Random(seed));
            Assert.DoesNotContain(deck[5].Answers[0], wrong);
            seen.UnionWith(wrong);
        }

        Assert.True(seen.Count >= 3, $"only {string.Join(", ", seen)} were ever offered");
    }

    [Fact]
    public void Choose_AnotherCardsAnswerTheGraderAcceptsForThisCard_NeverOffered()
    {
        var deck = new[]
        {
            Basic("capital", "Capital of North Korea?", "Pyongyang", "P'yŏngyang"),
            Basic("old-name", "Its name in the McCune–Reischauer spelling?", "P'yŏngyang"),
            Basic("typo", "The capital as a 1950s map misspelt it?", "Pyongyan"),
            Basic("city1", "Largest port?", "Nampo"),
            Basic("city2", "Second city?", "Hamhung"),
            Basic("city3", "Border city?", "Sinuiju"),
        };

        var wrong = Distractors.Choose(deck[0], deck, _none, 5, new Random(4));

        Assert.Equal(["Hamhung", "Nampo", "Sinuiju"], wrong.Order());
    }

    [Fact]
    public void Choose_SiblingsLeakPartnersOtherKindsAndTheCardsOwnPromptWords_NeverOffered()
    {
        var deck = new[]
        {
            Basic("capital", "Capital of North Korea, on the Taedong?", "Pyongyang") with { NoteId = "pair" },
            Basic("capital-reversed", "Pyongyang is the capital of?", "North Korea") with { NoteId = "pair" },
            Basic("leaky", "Which river flows through Pyongyang?", "Taedong River"),
            Basic("leaked", "Largest city of the south?", "Seoul"),
            new DeckCard { Id = "typed", Kind = CardKind.Typed, Prompt = "Largest port?", Answers = ["Nampo"] },
            new DeckCard { Id = "mcq", Kind = CardKind.Mcq, Prompt = "Old capital?", Answers = ["Kaesong"], Choices = [new("Kaesong", true), new("Wonsan", false)] },
            Basic("river", "Name of the river?", "Taedong"),
            Basic("fine1", "Second city?", "Hamhung"),
            Basic("fine2", "Border city?", "Sinuiju"),
        };

        var wrong = Distractors.Choose(deck[0], deck, new HashSet<string> { "leaked" }, 5, new Random(5));

        Assert.Equal(["Hamhung", "Sinuiju", "Taedong River"], wrong.Order());
    }

    [Fact]
    public void Choose_TheSameAnswerOnTwoCards_OfferedOnce()
    {
        var deck = new[]
        {
            Basic("q", "Who signed first?", "Kim Il-sung"),
            Basic("r", "Who founded the state?", "Kim Il Sung"),
            Basic("s", "Who led it in 1994?", "kim il-sung."),
            Basic("t", "Who succeeded him?", "Kim Jong-il"),
            Basic("u", "Who rules now?", "Kim Jong-un"),
        };

        var wrong = Distractors.Choose(deck[0], deck, _none, 3, new Random(6));

        Assert.Equal(["Kim Jong-il", "Kim Jong-un"], wrong.Order());
    }

    [Fact]
    public void Choices_TooFewWrongAnswers_NoneSoTheCardIsTyped()
    {
        var deck = new[] { Basic("a", "One?", "1"), Basic("b", "Two?", "2"), Basic("c", "Why?", "Because") };

        Assert.Empty(Distractors.Choices(deck[0], deck[..2], _none, new Random(7)));
        var choices = Distractors.Choices(deck[0], deck, _none, new Random(7));
        Assert.Equal("1", choices[0]);
        Assert.Equal(3, choices.Count);
    }
}
