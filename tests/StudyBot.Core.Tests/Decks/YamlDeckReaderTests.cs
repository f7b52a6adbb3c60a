using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

public class YamlDeckReaderTests
{
    private const string EveryKind = """
        id: collapse-fears
        title: Why a North Korean collapse worries Beijing
        description: One or two sentences.
        source: "An essay"
        cards:
          - id: refugee-policy
            kind: basic
            prompt: What does the party lack for a refugee crisis?
            answer: A resettlement policy.
            explanation: '"it lacks a resettlement policy"'
            tags: [refugees]
          - id: troops-count
            kind: mcq
            prompt: About how many U.S. troops are stationed in South Korea?
            choices:
              - { text: "28,500", correct: true }
              - { text: "12,000" }
              - "45,000"
          - id: summit-place
            kind: typed
            prompt: Where was the summit?
            answers: [Singapore, singapore city]
          - id: neighborhood-quote
            kind: cloze
            text: 'Trump said {{c1::China}} and {{c2::South Korea::a neighbour}} would rebuild {{c1::it}}.'
          - id: capital
            kind: basic
            prompt: Capital of North Korea
            answer: Pyongyang
            reversed: true
        """;

    [Fact]
    public void Load_DeckUsingEveryKind_ExpandsCardsAsDocumented()
    {
        var result = DeckText.Load(EveryKind);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var deck = result.Deck!;
        Assert.Equal("collapse-fears", deck.Id);
        Assert.Equal(["refugee-policy", "troops-count", "summit-place", "neighborhood-quote#c1", "neighborhood-quote#c2", "capital#f", "capital#r"],
            deck.Cards.Select(c => c.Id));

        var mcq = deck.Cards[1];
        Assert.Equal(CardKind.Mcq, mcq.Kind);
        Assert.Equal(["28,500"], mcq.Answers);
        Assert.Equal([new McqChoice("28,500", true), new McqChoice("12,000", false), new McqChoice("45,000", false)], mcq.Choices);

        Assert.Equal(["Singapore", "singapore city"], deck.Cards[2].Answers);
    }

    [Fact]
    public void Load_ClozeWithRepeatedNumber_MakesOneCardWithSeveralBlanks()
    {
        var cards = DeckText.Load(EveryKind).Deck!.Cards.Where(c => c.Kind == CardKind.Cloze).ToList();

        Assert.Equal("Trump said [...] and South Korea would rebuild [...].", cards[0].Prompt);
        Assert.Equal(["China", "it"], cards[0].Answers);
        Assert.Null(cards[0].Hint);
        Assert.Equal("Trump said China and [a neighbour] would rebuild it.", cards[1].Prompt);
        Assert.Equal(["South Korea"], cards[1].Answers);
        Assert.Equal("a neighbour", cards[1].Hint);
        Assert.All(cards, c => Assert.Equal("neighborhood-quote", c.NoteId));
        Assert.All(cards, c => Assert.Contains("{{c2::South Korea::a neighbour}}", c.SourceText));
    }

    [Fact]
    public void Load_ReversedBasic_MakesSiblingPairWithSwappedSides()
    {
        var cards = DeckText.Load(EveryKind).Deck!.Cards.Where(c => c.NoteId == "capital").ToList();

        Assert.Equal(("Capital of North Korea", "Pyongyang"), (cards[0].Prompt, cards[0].Answers.Single()));
        Assert.Equal(("Pyongyang", "Capital of North Korea"), (cards[1].Prompt, cards[1].Answers.Single()));
    }

    [Fact]
    public void Load_Json_IsReadLikeYaml()
    {
        var json = """
            {
            	"id": "json-deck",
            	"title": "From JSON",
            	"cards": [
            		{ "id": "one", "kind": "typed", "prompt": "1 + 1?", "answers": ["2", "two"] },
            		{ "id": "two", "kind": "mcq", "prompt": "Pick", "choices": [ { "text": "a", "correct": true }, { "text": "b" } ] }
            	]
            }
            """;

        var result = DeckText.Load(json, "deck.json");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["2", "two"], result.Deck!.Cards[0].Answers);
    }
}
