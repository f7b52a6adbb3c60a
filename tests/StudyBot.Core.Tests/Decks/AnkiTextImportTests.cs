using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

/// <summary>CSV/TSV as Anki's "Notes in Plain Text" export and Quizlet's export write them.</summary>
public class AnkiTextImportTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Decks", "Samples", name);

    private static DeckLoadResult Load(string name, DeckReadOptions? options = null) => new DeckLoader().LoadFile(Sample(name), options);

    [Fact]
    public void LoadFile_AnkiTsvWithHeaders_MapsNotetypeGuidDeckAndTagsColumns()
    {
        var result = Load("anki-notes.txt");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var deck = result.Deck!;
        Assert.Equal("Peninsula", deck.Title);
        Assert.Equal("anki-notes", deck.Id);

        var basic = deck.Cards.Single(c => c.Id == CardIds.FromKey("anki", "Ol7n5a@x"));
        Assert.Equal(("Capital of the North?", "**Pyongyang**"), (basic.Prompt, basic.Answers.Single()));
        Assert.Equal(["capitals", "geo"], basic.Tags);

        var cloze = deck.Cards.Single(c => c.Id == CardIds.FromKey("anki", "b2#Kd9Lm") + "#c1");
        Assert.Equal("The DMZ follows the [...] roughly.", cloze.Prompt);
        Assert.Equal("Set in 1953; \"roughly\" because it bends.", cloze.Explanation);

        var pair = CardIds.FromKey("anki", "Q5&tPp1z");
        Assert.Equal("Yalu", deck.Cards.Single(c => c.Id == pair + "#r").Prompt);

        var typed = deck.Cards.Single(c => c.Id == CardIds.FromKey("anki", "zz9Yy8Xx"));
        Assert.Equal((CardKind.Typed, "1953"), (typed.Kind, typed.Answers.Single()));

        var quoted = deck.Cards.Single(c => c.Id == CardIds.FromKey("anki", "mm3Nn4Oo"));
        Assert.Equal(("A field with a tab\tinside", "two\nlines"), (quoted.Prompt, quoted.Answers.Single()));
    }

    [Fact]
    public void LoadFile_AnkiCsvWithoutGuids_UsesFrontHashIdsHeaderTagsAndKeepsHtmlWhenHtmlIsFalse()
    {
        var result = Load("anki-plain.csv");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var deck = result.Deck!;
        Assert.Equal("Capitals", deck.Title);
        Assert.Equal(3, deck.Cards.Count);
        var france = deck.Cards[0];
        Assert.Equal(CardIds.FromKey("card", "Capital of France, the country"), france.Id);
        Assert.Equal(["Paris"], france.Answers);
        Assert.Equal(["imported"], france.Tags);
        Assert.Equal("Multi-line\nfront", deck.Cards[1].Prompt);
        Assert.Equal(["South Korea's capital <b>not html</b>"], deck.Cards[2].Answers);
    }

    [Fact]
    public void LoadFile_AnkiRowWithError_ReportsItsLineInTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"anki-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "#separator:tab\n#notetype column:1\nBasic\tQ1\tA1\n\nCloze\t\"no\ndeletions\"\t\nBasic\tQ3\t\n");
        try
        {
            var result = new DeckLoader().LoadFile(path);

            Assert.Equal(5, result.Error("has no deletions").Line);
            Assert.Equal(7, result.Error("has no answer").Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("<b>not html</<b>not html</Comma")]
    [InlineData("||")]
    public void LoadText_AnkiSeparatorLongerThanOneCharacter_RefusedOnItsLine(string separator)
    {
        // A fuzzed header: CsvHelper threw ArgumentOutOfRangeException on a quoted field after a multi-character delimiter.
        var text = $"#separator:{separator}\n#html:false\n\"Capital of France, the country\",Paris\n\"Multi-line\nfront\",back\n";

        var result = new DeckLoader().LoadText(text, "fuzzed.txt");

        var error = result.Error("is not a separator");
        Assert.Equal(1, error.Line);
        Assert.Contains("Comma, Semicolon, Tab, Space, Pipe, Colon or a single character", error.Message);
        Assert.Null(result.Deck);
    }

    [Fact]
    public void LoadText_ManyFieldsWithStrayQuotes_RefusedOnTheirLineWithHowToQuote()
    {
        // A fuzzed row of thousands of fields like 'front",back': CsvHelper re-read the record for each one (395 MB for 53 KB).
        // Past 300 columns the row is refused for its columns before it is parsed; below, for its quotes.
        var strays = string.Join(",", Enumerable.Repeat("ba\"ck", 250));
        var text = $"#separator:Comma\n#html:false\nQ1,A1\nQ2,{strays}\n";

        var result = new DeckLoader().LoadText(text, "strays.csv");

        var error = result.Error("have a double quote that neither starts nor ends them");
        Assert.Equal(4, error.Line);
        Assert.Contains("write each quote inside it twice", error.Message);
        Assert.Null(result.Deck);
    }

    [Fact]
    public void LoadText_AFewStrayQuotes_KeptAsText()
    {
        var result = new DeckLoader().LoadText("#separator:Comma\n#html:false\nThe \"Sunshine\" policy,Kim Dae-jung\n", "few.csv");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("The \"Sunshine\" policy", result.Deck!.Cards[0].Prompt);
    }

    [Fact]
    public void LoadFile_QuizletDefaultSeparators_MakesBasicCardsFromTermAndDefinition()
    {
        var result = Load("quizlet-tab.txt", new DeckReadOptions { Format = DeckFormat.Quizlet });

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["Pyongyang", "Seoul", "Beijing"], result.Deck!.Cards.Select(c => c.Prompt));
        Assert.Equal(["Capital of China, seat of the party"], result.Deck.Cards[2].Answers);
        Assert.Equal(CardIds.FromKey("card", "Seoul"), result.Deck.Cards[1].Id);
    }

    [Fact]
    public void LoadFile_QuizletCustomSeparators_SplitsRowsAndReportsRowWithoutSeparator()
    {
        var result = Load("quizlet-custom.txt", new DeckReadOptions { Format = DeckFormat.Quizlet, TermSeparator = " - ", RowSeparator = ";" });

        var error = result.Error("has no separator between term and definition (' - ')");
        Assert.Contains("'no separator here'", error.Message);
        Assert.Null(result.Deck);
    }

    [Fact]
    public void LoadText_QuizletDuplicateTerms_GetDistinctIdsWithWarning()
    {
        var result = new DeckLoader().LoadText("Seoul\tcapital\nSeoul\tbiggest city\n", "q.txt", new DeckReadOptions { Format = DeckFormat.Quizlet });

        Assert.True(result.IsValid);
        Assert.Equal([CardIds.FromKey("card", "Seoul"), CardIds.FromKey("card", "Seoul") + "-2"], result.Deck!.Cards.Select(c => c.Id));
        Assert.Equal(2, Assert.Single(result.Warnings).Line);
    }
}

public class AnkiTextRobustnessTests
{
    [Fact]
    public void LoadText_EveryTruncationOfAnAnkiExport_NeverThrows()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Decks", "Samples", "anki-notes.txt"));
        for (var length = 0; length <= text.Length; length++)
        {
            var result = new DeckLoader().LoadText(text[..length], "anki.txt");
            Assert.True(result.Deck is not null || result.Errors.Any(), $"no deck and no error at length {length}");
        }
    }
}
