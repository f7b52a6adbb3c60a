using StudyBot.Core.Decks.Formats.Text;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

public class LeakCheckTests
{
    /// <summary>Cards about other things, so that no answer below is shown by a fifth of the deck's notes by accident.</summary>
    private static readonly string[] _filler =
    [
        "  - { id: f1, kind: typed, prompt: Which river marks the border?, answers: [Yalu] }",
        "  - { id: f2, kind: typed, prompt: Which lake is the largest?, answers: [Supung] }",
        "  - { id: f3, kind: typed, prompt: Which port is the busiest?, answers: [Nampo] }",
        "  - { id: f4, kind: typed, prompt: Which mountain is sacred?, answers: [Paektu] }",
        "  - { id: f5, kind: typed, prompt: Which zone divides the peninsula?, answers: [DMZ] }",
        "  - { id: f6, kind: typed, prompt: Which province borders Jilin?, answers: [Hamgyong] }",
        "  - { id: f7, kind: typed, prompt: Which sea lies to the west?, answers: [Yellow Sea] }",
        "  - { id: f8, kind: typed, prompt: Which currency is used?, answers: [won] }",
    ];

    private static DeckLoadResult Load(params string[] cards) =>
        DeckText.Load(DeckText.Yaml(["id: d", "title: T", "cards:", .. cards, .. _filler]));

    private static List<DeckDiagnostic> Leaks(DeckLoadResult result) =>
        result.Warnings.Where(w => w.Message.Contains("shows the answer of card", StringComparison.Ordinal)).ToList();

    private static DeckDiagnostic OneLeak(DeckLoadResult result)
    {
        var leaks = Leaks(result);
        Assert.True(leaks.Count == 1, $"expected one leak warning, got {leaks.Count}:\n{string.Join("\n", result.Diagnostics)}");
        return leaks[0];
    }

    [Fact]
    public void PlantedLeak_InAnExplanation_IsWarnedWithBothIdsTheFieldAndAnExcerpt()
    {
        var result = Load(
            "  - id: kim-first-meeting",
            "    kind: basic",
            "    prompt: Whom did Kim meet first abroad?",
            "    answer: Xi Jinping",
            "    explanation: '\"his first foreign meeting since taking power in 2011\"'",
            "  - id: kim-power-year",
            "    kind: typed",
            "    prompt: In which year did Kim take power?",
            "    answers: [\"2011\"]");

        Assert.True(result.IsValid, "a leak is a warning, not an error");
        var leak = OneLeak(result);
        Assert.Equal(DiagnosticSeverity.Warning, leak.Severity);
        Assert.Equal("kim-first-meeting", leak.CardId);
        Assert.Contains("card 'kim-first-meeting' shows the answer of card 'kim-power-year' (\"2011\") in its explanation", leak.Message);
        Assert.Contains("since taking power in 2011", leak.Message);
        Assert.Equal(8, leak.Line); // the explanation's line
    }

    [Fact]
    public void Siblings_DoNotLeakToEachOther_ButTheSameCardsApartDo()
    {
        string[] pair(string? note) =>
        [
            "  - id: troops-count",
            "    kind: typed",
            "    prompt: How many U.S. troops are in South Korea?",
            "    answers: [\"28,500\"]",
            .. note is null ? Array.Empty<string>() : [$"    note: {note}"],
            "  - id: troops-why",
            "    kind: basic",
            "    prompt: Why are twenty-eight thousand five hundred troops there?",
            "    answer: To deter the North.",
            .. note is null ? Array.Empty<string>() : [$"    note: {note}"],
        ];

        Assert.Empty(Leaks(Load(pair("troops"))));
        var leak = OneLeak(Load(pair(null)));
        Assert.Equal("troops-why", leak.CardId);
        Assert.Contains("'troops-count'", leak.Message);
        Assert.Contains("twenty-eight thousand five hundred", leak.Message);
    }

    [Fact]
    public void ClozeSiblings_ShowingEachOthersBlanks_AreNotWarned()
    {
        var result = Load(
            "  - id: quote",
            "    kind: cloze",
            "    text: 'Kim took power in {{c1::2011}} and met {{c2::Xi Jinping}} in {{c3::2018}}.'");

        Assert.Empty(Leaks(result));
    }

    [Fact]
    public void TheDecksTopic_ShownByManyNotes_IsNotALeak()
    {
        var result = DeckText.Load(DeckText.Yaml(
            "id: d", "title: T", "cards:",
            "  - { id: who, kind: typed, prompt: Which country fears the collapse most?, answers: [China] }",
            "  - { id: c1, kind: basic, prompt: Why does China fear refugees?, answer: No resettlement policy }",
            "  - { id: c2, kind: basic, prompt: What would China lose?, answer: A buffer state }",
            "  - { id: c3, kind: basic, prompt: Which region of China would suffer?, answer: The northeast }",
            "  - { id: c4, kind: basic, prompt: What does China trade most?, answer: Coal }",
            "  - { id: c5, kind: typed, prompt: Which river marks the border?, answers: [Yalu] }"));

        Assert.Empty(Leaks(result));
    }

    [Fact]
    public void AnAliasOrPluralInTheShownText_StillLeaksTheAnswer()
    {
        var alias = OneLeak(Load(
            "  - { id: who-pays, kind: typed, prompt: Who pays for the troops?, answers: [the United States] }",
            "  - { id: base, kind: basic, prompt: Where does America base troops?, answer: Camp Humphreys }"));
        Assert.Contains("card 'base' shows the answer of card 'who-pays'", alias.Message);
        Assert.Contains("in its prompt", alias.Message);

        var plural = OneLeak(Load(
            "  - { id: lacks, kind: typed, prompt: What does the party lack?, answers: [a resettlement policy] }",
            "  - { id: camps, kind: basic, prompt: Which country has resettlement policies for refugees?, answer: Germany }"));
        Assert.Contains("card 'camps' shows the answer of card 'lacks' (\"a resettlement policy\")", plural.Message);
        Assert.Contains("resettlement policies", plural.Message);
    }

    [Fact]
    public void MultiWordAnswers_MatchOnlyWholeAndOnWordBoundaries()
    {
        Assert.Empty(Leaks(Load(
            "  - { id: ruler, kind: typed, prompt: Who rules the North?, answers: [Kim Jong Un] }",
            "  - { id: father, kind: basic, prompt: Who was Kim Jong Il?, answer: The ruler before his son }",
            "  - { id: word, kind: basic, prompt: What is Unification Day?, answer: A holiday }")));

        var leak = OneLeak(Load(
            "  - { id: ruler, kind: typed, prompt: Who rules the North?, answers: [Kim Jong Un] }",
            "  - { id: father, kind: basic, prompt: Who was Kim Jong Il?, answer: Kim Jong-un's father }"));
        Assert.Contains("card 'father' shows the answer of card 'ruler'", leak.Message);
        Assert.Contains("in its answer", leak.Message);
    }

    [Fact]
    public void AnMcqOption_ThatIsAnotherCardsAnswer_Leaks_AndTheLeakNamesTheChoice()
    {
        var result = Load(
            "  - id: summit-year",
            "    kind: typed",
            "    prompt: In which year was the first summit?",
            "    answers: [\"2018\"]",
            "  - id: summit-place",
            "    kind: mcq",
            "    prompt: Where did the leaders meet?",
            "    choices:",
            "      - { text: Singapore island, correct: true }",
            "      - Hanoi 2018",
            "      - Panmunjom");

        var leak = OneLeak(result);
        Assert.Equal("summit-place", leak.CardId);
        Assert.Contains("in its choice 2", leak.Message);
        Assert.Equal(13, leak.Line);
    }

    [Fact]
    public void TheCorrectOptionOfAnMcq_IsAnAnswerOtherCardsCanLeak()
    {
        var leak = OneLeak(Load(
            "  - id: fear",
            "    kind: mcq",
            "    prompt: What does Beijing fear most?",
            "    choices: [{ text: a refugee crisis, correct: true }, an oil shortage, a trade war]",
            "  - { id: border, kind: basic, prompt: Why is the border guarded?, answer: To stop people, explanation: 'It fears a refugee crisis.' }"));
        Assert.Contains("card 'border' shows the answer of card 'fear' (\"a refugee crisis\") in its explanation", leak.Message);
    }

    [Theory]
    [InlineData("\"2011\"", "In 2011 he took power.", true)]
    [InlineData("\"38\"", "The 38th parallel divides them.", false)] // "38th" is another word
    [InlineData("\"38\"", "Troops stand at the 38 parallel.", true)]
    [InlineData("two", "The two sides met.", false)]              // one digit: too common to count
    [InlineData("it", "It fell.", false)]                          // a stop word
    [InlineData("UN", "The UN voted.", true)]                      // a short acronym counts
    [InlineData("90%", "Ninety percent of its trade.", true)]
    [InlineData("sanctions", "The sanction was lifted.", true)]
    public void Numbers_Stopwords_And_ShortWords(string answer, string explanation, bool leaks)
    {
        var result = Load(
            $"  - {{ id: asked, kind: typed, prompt: What is it?, answers: [{answer}] }}",
            $"  - {{ id: shows, kind: basic, prompt: Tell me more, answer: Nothing, explanation: '{explanation}' }}");

        Assert.Equal(leaks, Leaks(result).Count == 1);
    }

    [Fact]
    public void LongBasicAnswers_AreSentencesToRecall_NotLeakedTerms()
    {
        Assert.Empty(Leaks(Load(
            "  - { id: why, kind: basic, prompt: Why does Beijing worry?, answer: It would face refugees and lose a buffer state on its border }",
            "  - { id: quote, kind: basic, prompt: Quote it, answer: Nothing, explanation: 'It would face refugees and lose a buffer state on its border, the essay says.' }")));
    }

    [Fact]
    public void AllowLeaks_OnEitherCard_SilencesThePair_AndAStaleEntryIsReported()
    {
        string[] deck(string allowOn, string allow) =>
        [
            "  - id: year",
            "    kind: typed",
            "    prompt: In which year did Kim take power?",
            "    answers: [\"2011\"]",
            .. allowOn == "year" ? [$"    allow_leaks: [{allow}]"] : Array.Empty<string>(),
            "  - id: quote",
            "    kind: cloze",
            "    text: 'Since taking power in 2011, he had met {{c1::no foreign leader}}.'",
            .. allowOn == "quote" ? [$"    allow_leaks: [{allow}]  # the quote needs its year"] : Array.Empty<string>(),
        ];

        var onShowing = Load(deck("quote", "year"));
        Assert.Empty(onShowing.Warnings);
        Assert.Empty(Load(deck("year", "quote")).Warnings); // the note's id covers its cloze cards

        var unknown = Load(deck("quote", "yeer"));
        Assert.Single(Leaks(unknown));
        Assert.Contains(unknown.Warnings, w => w.Message.Contains("`allow_leaks` names 'yeer', which is no card or note of this deck", StringComparison.Ordinal));

        var stale = Load(
            "  - { id: year, kind: typed, prompt: In which year?, answers: [\"2011\"] }",
            "  - { id: other, kind: basic, prompt: Who?, answer: Kim, allow_leaks: [year] }");
        var warning = Assert.Single(stale.Warnings);
        Assert.Contains("`allow_leaks` names 'year', but neither card shows the other's answer any more", warning.Message);
    }

    [Fact]
    public void AllowLeaks_SurvivesExportToYamlAndCsv()
    {
        var result = Load(
            "  - { id: year, kind: typed, prompt: In which year?, answers: [\"2011\"] }",
            "  - { id: quote, kind: basic, prompt: Since 2011?, answer: Yes, allow_leaks: [year] }");
        Assert.True(result.IsValid);

        var yaml = YamlDeckWriter.Write(result.Deck!);
        var csv = CsvDeckWriter.Write(result.Deck!);

        Assert.Contains("allow_leaks: [year]", yaml);
        Assert.Equal(["year"], DeckText.Load(yaml).Deck!.Cards.Single(c => c.Id == "quote").AllowLeaks);
        Assert.Equal(["year"], DeckText.Load(csv, "d.csv").Deck!.Cards.Single(c => c.Id == "quote").AllowLeaks);
    }

    [Fact]
    public void Pairs_AreUnorderedAndCountedOnce_WhateverWayTheyLeak()
    {
        var result = DeckText.Load(DeckText.Yaml(
            "id: d", "title: T", "cards:",
            "  - { id: a, kind: typed, prompt: Where did Trump meet Kim?, answers: [Singapore] }",
            "  - { id: b, kind: typed, prompt: What did they sign in Singapore?, answers: [a joint statement] }",
            "  - { id: c, kind: basic, prompt: What is a joint statement?, answer: A text both sign }"));

        var leaks = LeakFinder.Find(result.Deck!.Cards);

        Assert.Equal([("a", "b"), ("b", "c")], LeakFinder.Pairs(leaks).Order());
    }
}
