using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Generation;

/// <summary>
/// What a teacher asks and refuses, each rule on texts written for it (none from the calibration
/// set), both ways: the bad card is not made, and the fair card on the same text is.
/// </summary>
public class TeacherRulesTests
{
    private static Deck Draft(string text, int? cards = 20)
    {
        var generated = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = "test", Title = "Test", Cards = cards });
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag("test.md"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!;
    }

    private static List<string> Answers(Deck deck) => [.. deck.Cards.SelectMany(c => c.Answers)];

    [Theory]
    [InlineData("A neuron is a cell that carries electrical signals through the body.", "neuron")]
    [InlineData("The main sugar in the sap is glucose, a molecule that stores energy for the cell.", "glucose")]
    [InlineData("The guiding policy of the alliance was deterrence\u2014an effort to prevent attack by threatening retaliation.", "deterrence")]
    [InlineData("Rocks formed from cooled lava or magma are called igneous rocks.", "igneous rocks")]
    [InlineData("The term inflation refers to a general rise in prices across an economy.", "inflation")]
    public void Definition_InEveryForm_BlanksTheTerm(string sentence, string term) =>
        Assert.Contains(term, Answers(Draft(sentence)));

    [Fact]
    public void Definition_OpeningWithThis_ShowsTheSentenceBefore_AndBlanksTheTerm()
    {
        var deck = Draft("Water rises from the roots to the leaves through long tubes of dead cells. This tissue is known as xylem.");

        var card = Assert.Single(deck.Cards, c => c.Answers.Contains("xylem"));
        Assert.Contains("long tubes of dead cells", card.Prompt);
    }

    [Fact]
    public void Called_AsAVerb_IsNoDefinition_ButTheYearIsAsked()
    {
        var deck = Draft("In 1963, Kennedy called for a ban on nuclear tests in the atmosphere.");

        Assert.DoesNotContain(Answers(deck), a => a.StartsWith("for", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("1963", Answers(deck));
    }

    [Theory]
    [InlineData("The North American Free Trade Agreement (NAFTA) removed most tariffs between the three countries in 1994.", "North American Free Trade Agreement", "1994")]
    [InlineData("In 1957 six countries signed the Treaty of Rome, or the EEC Treaty, which created a common market.", "Treaty of Rome", "1957")]
    [InlineData("The Democratic People's Republic of Korea, usually referred to as North Korea, was founded in 1948.", "North Korea", "1948")]
    [InlineData("Hadrian rebuilt the city in AD 130 as Aelia Capitolina, naming it after his family (Aelius).", "Aelia Capitolina", "AD 130")]
    [InlineData("The Northern and Southern Hemispheres have opposite seasons, as the Earth's tilt was measured in 1750.", "Southern Hemispheres", "1750")]
    public void GivenAway_ByItsOwnSentence_IsNotBlanked_ButAFairBlankIs(string sentence, string givenAway, string fair)
    {
        var answers = Answers(Draft(sentence));

        Assert.DoesNotContain(answers, a => a.Contains(givenAway, StringComparison.Ordinal) || givenAway.Contains(a, StringComparison.Ordinal) && a.Length > 4);
        Assert.Contains(fair, answers);
    }

    [Fact]
    public void Referent_WithoutAntecedentInTheCard_IsSkipped_WithItTheCardShowsIt()
    {
        var alone = DeckGenerator.Generate("However, it was weakened by a drought known as the Great Dry.\n\nEarlier it had lost the war of 1812 to its neighbour.");
        var withBefore = Draft("The kingdom of Aksum traded ivory across the Red Sea. However, it was weakened by a drought known as the Great Dry.");

        Assert.Empty(alone.Draft.Notes);
        Assert.Contains(alone.Sentences, s => s.Reason is { } r && r.Contains("points back", StringComparison.Ordinal));
        var card = Assert.Single(withBefore.Cards, c => c.Answers.Contains("Great Dry"));
        Assert.StartsWith("The kingdom of Aksum traded ivory", card.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbled_SpansCutAtARangeOrAFunctionWord_AreNotMade()
    {
        var deck = Draft("Forests store between 100\u2013115 billion tonnes of carbon, by no means a small share, according to a survey of 2015.");

        Assert.DoesNotContain(Answers(deck), a => a.StartsWith("115", StringComparison.Ordinal) || a.StartsWith("by ", StringComparison.Ordinal));
        Assert.Contains("2015", Answers(deck));
    }

    [Fact]
    public void OneCardPerFact_TheSameDateTwiceIsAskedOnce_DistinctFactsOfOneNameStay()
    {
        var deck = Draft("The Berlin Wall was built in 1961 to stop people leaving the east. "
            + "Crowds opened the Berlin Wall in 1989 after weeks of protest. "
            + "The city council voted in 1961 to rename the square. "
            + "Engineers call the sealed layer of clay beneath a landfill the liner. "
            + "Engineers call the pipes that drain the liquid from a landfill the leachate collection system.");

        Assert.Single(deck.Cards, c => c.Answers.Contains("1961"));
        Assert.Equal(2, deck.Cards.Count(c => c.Explanation!.Contains("Berlin Wall", StringComparison.Ordinal)));
    }

    [Fact]
    public void Cap_LongTextDraftsAtMostTheCap_AndSaysHowManySentencesItLeftOut()
    {
        var sentences = Enumerable.Range(0, 700).Select(i => $"The survey of {1200 + i} counted {100 + i} ships in the harbour of town {i}.");
        var generated = DeckGenerator.Generate(string.Join(" ", sentences), new GeneratorOptions { DeckId = "cap", Title = "Cap" });
        var fewer = DeckGenerator.Generate(string.Join(" ", sentences), new GeneratorOptions { DeckId = "cap", Title = "Cap", Cards = 20 });

        Assert.Equal(150, generated.Draft.Notes.Count);
        Assert.Equal(150, generated.Budget);
        Assert.True(generated.LeftOut > 0);
        Assert.Equal(20, fewer.Draft.Notes.Count);
        Assert.True(fewer.LeftOut > generated.LeftOut);
    }

    [Fact]
    public void Sections_EachMainSectionIsTested_WhenTheBudgetIsSmall()
    {
        var text = "# Rivers\n\nRivers carry sediment to the sea, as a survey of 1990 found. Water flowing in a channel is called a stream. The survey of 1991 counted fifty bridges.\n\n"
            + "# Glaciers\n\nA glacier is a body of ice that moves slowly over land.\n\n"
            + "# Deserts\n\nA desert is a region that receives less than 250 millimetres of rain a year.\n";

        var deck = Draft(text, cards: 3);

        Assert.Contains("glacier", Answers(deck), StringComparer.OrdinalIgnoreCase);
        Assert.Contains(deck.Cards, c => c.Explanation!.Contains("desert", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Title_ALongFirstLineIsASentence_TheTitleComesFromTheFileName()
    {
        var first = "The kingdom of Aksum, which traded ivory, gold and incense across the Red Sea for centuries, was called the greatest power between Rome and Persia by a visiting prophet of the third century";
        var generated = DeckGenerator.Generate(first + "\n\nA caravan is a group of merchants that travels together for safety.\n", new GeneratorOptions { DeckId = "aksum", FallbackTitle = DeckTitles.FromFileName("aksum_reading.txt") });

        Assert.Equal("Aksum reading", generated.Draft.Title);
        Assert.Contains(generated.Sentences, s => s.Text.StartsWith("The kingdom of Aksum", StringComparison.Ordinal));
        Assert.Equal("Short heading", DeckGenerator.Generate("# Short heading\n\nA caravan is a group of merchants that travels together for safety.\n", new GeneratorOptions { FallbackTitle = "File" }).Draft.Title);
    }
}
