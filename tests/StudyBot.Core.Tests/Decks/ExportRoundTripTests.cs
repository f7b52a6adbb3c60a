using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats.Text;
using StudyBot.Core.Decks.Formats.Yaml;

namespace StudyBot.Core.Tests.Decks;

public class ExportRoundTripTests
{
    private const string EveryKind = """
        id: round-trip
        title: "Every kind, and awkward text"
        description: |-
          Two lines,
          with a backslash \ and "quotes".
        source: 'Notes, 2026'
        cards:
          - id: basic-one
            kind: basic
            prompt: "Comma, quote \" and # hash"
            answer: |-
              An answer
              on two lines
            explanation: Because.
            tags: [one, two]
          - id: typed-many
            kind: typed
            prompt: In which year?
            answers: ["1953", "nineteen fifty-three", 'true', 'back\slash']
          - id: mcq-two-correct
            kind: mcq
            prompt: Pick the border rivers
            choices:
              - { text: Yalu, correct: true }
              - { text: Tumen, correct: true }
              - { text: "Han, of Seoul" }
          - id: cloze-note
            kind: cloze
            text: '{{c1::Kim Il Sung}} founded it; {{c2::1948::year}}; {{c1::he}} died.'
            explanation: "A quote: \"founded\""
            tags: [history]
          - id: pair
            kind: basic
            prompt: Capital of the South
            answer: Seoul
            reversed: true
          - id: sibling-a
            kind: basic
            prompt: Front A
            answer: Back A
            note: shared
        """;

    private static Deck Load(string text, string name) =>
        new DeckLoader().LoadText(text, name) is { Deck: { } deck } ? deck
            : throw new Xunit.Sdk.XunitException(string.Join("\n", new DeckLoader().LoadText(text, name).Diagnostics));

    [Fact]
    public void YamlToCsvToYaml_DeckUsingEveryKind_IsUnchanged()
    {
        var original = Load(EveryKind, "deck.yaml");

        var csv = CsvDeckWriter.Write(original);
        var fromCsv = Load(csv, "deck.csv");
        var yaml = YamlDeckWriter.Write(fromCsv);
        var fromYaml = Load(yaml, "again.yaml");

        AssertSameDeck(original, fromCsv);
        AssertSameDeck(original, fromYaml);
        Assert.Equal(YamlDeckWriter.Write(original), yaml);
    }

    [Fact]
    public void YamlWriter_FoldsExpandedCardsBackIntoNotes()
    {
        var yaml = YamlDeckWriter.Write(Load(EveryKind, "deck.yaml"));

        Assert.Contains("text: '{{c1::Kim Il Sung}} founded it; {{c2::1948::year}}; {{c1::he}} died.'", yaml);
        Assert.Contains("reversed: true", yaml);
        Assert.DoesNotContain("#c1", yaml);
        Assert.DoesNotContain("pair#r", yaml);
        Assert.Contains("- \"1953\"", yaml.Replace("[", "- ").Replace(", ", "\n- "));
    }

    [Fact]
    public void CsvWriter_WritesAnkiStyleHeaderLines()
    {
        var csv = CsvDeckWriter.Write(Load(EveryKind, "deck.yaml"));

        Assert.StartsWith("#separator:comma\n#html:false\n#deck:Every kind, and awkward text\n#deck id:round-trip\n", csv);
        Assert.Contains("#columns:id,kind,prompt,answers,choices,explanation,tags,reversed,note\n", csv);
        Assert.Contains("mcq-two-correct,mcq,Pick the border rivers,,\"[x] Yalu\n[x] Tumen\n[ ] Han, of Seoul\",,,,\n", csv);
    }

    internal static void AssertSameDeck(Deck expected, Deck actual)
    {
        Assert.Equal((expected.Id, expected.Title, expected.Description, expected.Source), (actual.Id, actual.Title, actual.Description, actual.Source));
        Assert.Equal(expected.Cards.Count, actual.Cards.Count);
        for (var i = 0; i < expected.Cards.Count; i++)
        {
            var (e, a) = (expected.Cards[i], actual.Cards[i]);
            Assert.Equal(e.Id, a.Id);
            Assert.Equal((e.Kind, e.Prompt, e.Explanation, e.Hint, e.NoteId, e.SourceText), (a.Kind, a.Prompt, a.Explanation, a.Hint, a.NoteId, a.SourceText));
            Assert.Equal(e.Answers, a.Answers);
            Assert.Equal(e.Choices, a.Choices);
            Assert.Equal(e.Tags, a.Tags);
        }
    }
}
