using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

public class DeckValidationTests
{
    private static string Deck(params string[] cardLines) =>
        DeckText.Yaml(["id: d", "title: T", "cards:", .. cardLines]);

    [Fact]
    public void Load_FileWithManyProblems_ReportsEveryOneWithLineColumnAndCard()
    {
        var yaml = Deck(
            "  - id: dup",                              // 4
            "    kind: basic",
            "    prompt: Q",
            "    answer: A",
            "  - id: dup",                              // 8
            "    kind: basic",
            "    prompt: Q2",
            "    answer: A2",
            "  - id: no-answer",                        // 12
            "    kind: basic",
            "    prompt: Q3",
            "  - id: mcq-none",                         // 15
            "    kind: mcq",
            "    prompt: Pick",
            "    choices: [a, b]",                      // 18
            "  - id: cloze-none",                       // 19
            "    kind: cloze",
            "    text: no deletions here",              // 21
            "  - id: typo",                             // 22
            "    kind: basic",
            "    promt: Q",                             // 24
            "    answer: A");

        var result = DeckText.Load(yaml);

        Assert.Null(result.Deck);
        var duplicate = result.Error("duplicate card id 'dup'");
        Assert.Equal((8, 9, "dup"), (duplicate.Line, duplicate.Column, duplicate.CardId));
        Assert.Contains("first at line 4", duplicate.Message);
        Assert.Equal(("no-answer", 12), (result.Error("has no answer").CardId, result.Error("has no answer").Line));
        var noCorrect = result.Error("no choice is marked correct");
        Assert.Equal(("mcq-none", 18, 14), (noCorrect.CardId, noCorrect.Line, noCorrect.Column));
        var noDeletions = result.Error("has no deletions");
        Assert.Equal(("cloze-none", 21, 11), (noDeletions.CardId, noDeletions.Line, noDeletions.Column));
        var unknown = result.Error("unknown card field 'promt'");
        Assert.Equal(("typo", 24, 5), (unknown.CardId, unknown.Line, unknown.Column));
        Assert.Contains("Did you mean 'prompt'?", unknown.Message);
        Assert.Equal("deck.yaml", unknown.File);
    }

    [Theory]
    [InlineData("tags: refugees", "`tags` must be a list")]
    [InlineData("prompt: [a, b]", "`prompt` must be text, but it is a list")]
    [InlineData("reversed: \"yes\"", "`reversed` must be true or false")]
    [InlineData("kind: essay", "unknown kind 'essay'")]
    public void Load_WrongType_SaysWhatTypeIsExpected(string line, string expected)
    {
        var lines = new List<string> { "  - id: c", "    kind: basic", "    prompt: Q", "    answer: A" };
        var key = line[..line.IndexOf(':')];
        lines.RemoveAll(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        lines.Add("    " + line);

        var error = DeckText.Load(Deck([.. lines])).Error(expected);

        Assert.Equal(3 + lines.Count, error.Line);
    }

    [Theory]
    [InlineData("Bad_Id", "try 'bad-id'")]
    [InlineData("-leading", "try 'leading'")]
    [InlineData("has space", "try 'has-space'")]
    public void Load_BadCardId_SuggestsAValidOne(string id, string suggestion)
    {
        var error = DeckText.Load(Deck($"  - id: '{id}'", "    kind: basic", "    prompt: Q", "    answer: A"))
            .Error($"the card id '{id}' may hold only lowercase letters");

        Assert.Contains(suggestion, error.Message);
    }

    [Fact]
    public void Load_McqWithSixChoices_AsksToRemoveChoices()
    {
        var error = DeckText.Load(Deck("  - id: m", "    kind: mcq", "    prompt: Pick", "    choices: [{text: a, correct: true}, b, c, d, e, f]"))
            .Error("needs 2 to 5 choices");

        Assert.Contains("but has 6: remove choices", error.Message);
    }

    [Fact]
    public void Load_McqWithOneChoice_AsksToAddChoices() =>
        Assert.Contains("add choices", DeckText.Load(Deck("  - id: m", "    kind: mcq", "    prompt: Pick", "    choices: [{text: a, correct: true}]"))
            .Error("needs 2 to 5 choices").Message);

    [Fact]
    public void Load_ChoiceLongerThanButtonLabel_ReportsDiscordLimit()
    {
        var error = DeckText.Load(Deck("  - id: m", "    kind: mcq", "    prompt: Pick",
            "    choices:", $"      - {{ text: {new string('x', 81)}, correct: true }}", "      - b")).Error("a button label");

        Assert.Equal((8, 9), (error.Line, error.Column));
        Assert.Contains("choice 1 is 81 characters; Discord shows at most 80", error.Message);
    }

    [Theory]
    [InlineData("prompt", "the prompt is 4,097 characters; Discord shows at most 4,096 in an embed description")]
    [InlineData("explanation", "the explanation is 4,097 characters; Discord shows at most 4,096 in an embed description")]
    public void Load_TextBeyondEmbedDescription_ReportsDiscordLimit(string field, string expected)
    {
        var lines = new List<string> { "  - id: c", "    kind: basic", "    prompt: Q", "    answer: A" };
        lines.RemoveAll(l => l.Contains($" {field}:"));
        lines.Add($"    {field}: {new string('y', 4097)}");

        DeckText.Load(Deck([.. lines])).Error(expected);
    }

    [Fact]
    public void Load_DeckTitleBeyondSelectOption_ReportsDiscordLimit() =>
        DeckText.Load(DeckText.Yaml("id: d", $"title: {new string('t', 101)}", "cards:", "  - {id: c, kind: basic, prompt: Q, answer: A}"))
            .Error("the deck title is 101 characters; Discord shows at most 100 in a select option label");

    [Fact]
    public void Load_TypedPromptLongerThanModalTitle_LoadsWithoutWarning()
    {
        var result = DeckText.Load(Deck("  - id: t", "    kind: typed", $"    prompt: {new string('p', 46)}", "    answers: [x]"));

        Assert.True(result.IsValid);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Load_MoreCardsThanLimit_ReportsCountOnce()
    {
        var cards = Enumerable.Range(1, 4).Select(i => $"  - {{id: c{i}, kind: basic, prompt: Q{i}, answer: A}}").ToArray();

        var result = DeckText.Load(Deck(cards), limits: new DeckLimits { MaxCards = 3 });

        var error = result.Error("more than 3 cards");
        Assert.Equal(("c4", 7), (error.CardId, error.Line));
    }

    [Fact]
    public void Load_ClozeCardsCountTowardLimit()
    {
        var result = DeckText.Load(Deck("  - id: c", "    kind: cloze", "    text: '{{c1::a}} {{c2::b}} {{c3::c}}'"), limits: new DeckLimits { MaxCards = 2 });

        Assert.Equal("c#c3", result.Error("more than 2 cards").CardId);
    }

    [Fact]
    public void Load_TextLargerThanFileLimit_IsRefusedBeforeParsing()
    {
        var result = DeckText.Load(Deck("  - {id: c, kind: basic, prompt: Q, answer: A}") + "#" + new string('x', 2000), limits: new DeckLimits { MaxFileBytes = 1000 });

        Assert.Contains("split the deck", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_FileLargerThanFiveMegabytes_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "# " + new string('x', 5 * 1024 * 1024));
        try
        {
            var error = Assert.Single(new DeckLoader().LoadFile(path).Errors);
            Assert.Contains("the limit is 5 MB", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{{c1::}}", "the deletion c1 at character 1 of the text is empty")]
    [InlineData("{{c1::open", "is not closed")]
    [InlineData("{{c0::zero}}", "numbers start at c1")]
    public void Load_MalformedCloze_SaysHowToFixIt(string text, string expected) =>
        DeckText.Load(Deck("  - id: c", "    kind: cloze", $"    text: '{text}'")).Error(expected);

    [Fact]
    public void Load_InvalidYaml_ReportsPositionWithoutThrowing()
    {
        var result = DeckText.Load("id: d\ntitle: [unclosed\ncards: []\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("not valid YAML/JSON", error.Message);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsBothLines()
    {
        var error = DeckText.Load(Deck("  - id: c", "    kind: basic", "    prompt: Q", "    prompt: Q again", "    answer: A"))
            .Error("written twice");

        Assert.Equal(7, error.Line);
        Assert.Contains("first at line 6", error.Message);
    }

    [Fact]
    public void Load_Alias_IsRefused() =>
        DeckText.Load(DeckText.Yaml("id: d", "title: &t T", "description: *t", "cards:", "  - {id: c, kind: basic, prompt: Q, answer: A}"))
            .Error("the alias '*t' is not supported");

    [Fact]
    public void Load_DeeplyNestedValue_IsRefusedWithoutStackOverflow()
    {
        var error = DeckText.Load("id: d\ntitle: T\ndescription: " + new string('[', 5000) + new string(']', 5000) + "\ncards: []\n").Error("nested more than 32 levels");

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_SecondDocument_IsReported() =>
        Assert.Equal(6, DeckText.Load("id: d\ntitle: T\ncards:\n  - {id: c, kind: basic, prompt: Q, answer: A}\n\n---\nid: e\n").Error("a second YAML document").Line);

    [Theory]
    [InlineData("")]
    [InlineData("just text")]
    [InlineData("- a\n- b")]
    [InlineData("id: d\ntitle: T\ncards: {}")]
    [InlineData("\0\u0001 binary")]
    public void Load_NonDeckInput_ReturnsErrorsNeverThrows(string text)
    {
        var result = DeckText.Load(text);

        Assert.Null(result.Deck);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Load_MissingDeckFields_AreEachReported()
    {
        var result = DeckText.Load("cards:\n  - {id: c, kind: basic, prompt: Q, answer: A}\n");

        result.Error("the deck has no `id`");
        result.Error("the deck has no `title`");
    }

    [Fact]
    public void Diagnostic_ToString_ReadsLikeACompilerMessage()
    {
        var d = new DeckDiagnostic(DiagnosticSeverity.Error, "a.yaml", 3, 5, "c1", "fix it");

        Assert.Equal("a.yaml:3:5: error [c1]: fix it", d.ToString());
    }
}

public class DeckRobustnessTests
{
    [Fact]
    public void Load_EveryTruncationOfAValidDeck_NeverThrows()
    {
        const string yaml = """
            id: d
            title: "T"
            cards:
              - { id: a, kind: mcq, prompt: 'Pick', choices: [ { text: x, correct: true }, y ] }
              - id: b
                kind: cloze
                text: "{{c1::one::hint}} and {{c2::two}}"
                tags: [t]
            """;
        for (var length = 0; length <= yaml.Length; length++)
        {
            var result = DeckText.Load(yaml[..length]);
            Assert.True(result.Deck is not null || result.Errors.Any(), $"no deck and no error at length {length}");
        }
    }
}

public class AnswerModalTests
{
    [Theory]
    [InlineData("Where was the summit?", "Where was the summit?", null)]
    [InlineData("In which city was the Trump-Kim summit to be held in 2018?", "Your answer", "In which city was the Trump-Kim summit to be held in 2018?")]
    [InlineData("Two\nlines", "Your answer", "Two\nlines")]
    public void TitleFor_Prompt_FitsModalTitleOrMovesToBody(string prompt, string title, string? body)
    {
        var card = new DeckCard { Id = "c", Kind = CardKind.Typed, Prompt = prompt, Answers = ["x"] };

        Assert.Equal(title, AnswerModal.TitleFor(card));
        Assert.Equal(body, AnswerModal.BodyFor(card));
        Assert.True(AnswerModal.TitleFor(card).Length <= StudyBot.Core.Decks.Validation.DiscordLimits.ModalTitle);
    }

    [Fact]
    public void BodyFor_Cloze_WholeSentenceWithItsGap()
    {
        var card = new DeckCard { Id = "c#c1", Kind = CardKind.Cloze, Prompt = "Trade with North Korea aids China's [a region], a rust belt.", Answers = ["northeast"] };

        Assert.Equal("Fill in the blank", AnswerModal.TitleFor(card));
        Assert.Equal("Trade with North Korea aids China's [a region], a rust belt.", AnswerModal.BodyFor(card));
    }
}

public class ScreenLimitTests
{
    // 6,000 in one embed, less the screen's own text, less a full answer field and a full explanation field.
    private static readonly int _largestPrompt = 6000 - CardScreens.Overhead - 2 * CardScreens.FieldValue;

    [Fact]
    public void Load_CardAtTheEmbedTotal_IsValid()
    {
        var result = DeckText.Load(Card(_largestPrompt));

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(6000, CardScreens.LargestScreen(result.Deck!.Cards.Single()));
    }

    [Fact]
    public void Load_CardOneCharacterOverTheEmbedTotal_ReportsSizesAndWhatToCut()
    {
        DeckText.Load(Card(_largestPrompt + 1))
            .Error($"the card's review screen would hold 6,001 characters (text {_largestPrompt + 1:N0}, answer 1,024, explanation 1,024, and {CardScreens.Overhead:N0} of the screen's own text); Discord shows at most 6,000 in one embed. Shorten the prompt, answer or explanation by 1.");
    }

    [Fact]
    public void Load_TypedPromptBeyondTheWindowBody_Refused()
    {
        DeckText.Load(DeckText.Yaml("id: d", "title: D", "cards:", "  - id: t", "    kind: typed", $"    prompt: {new string('p', 4001)}", "    answers: [x]"))
            .Error("the prompt is 4,001 characters; Discord shows at most 4,000 in the answer window's body");
    }

    private static string Card(int promptLength) => DeckText.Yaml(
        "id: d", "title: D", "cards:", "  - id: big", "    kind: basic",
        $"    prompt: {new string('p', promptLength)}",
        $"    answer: {new string('a', 3000)}",
        $"    explanation: {new string('e', 3000)}");
}
