using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Generation;

namespace StudyBot.Core.Tests.Decks.Generation;

/// <summary>
/// Defects a reader of drafts found on texts the generator had not seen, each checked both ways on
/// examples written for it in other subjects: the faulty card is refused, a sound one beside it is kept.
/// </summary>
public class ReaderDefectTests
{
    private static NoteDraft Cloze(string text) => new() { Kind = CardKind.Cloze, Prompt = text };

    private static NoteDraft Basic(string prompt, string answer)
    {
        var note = new NoteDraft { Kind = CardKind.Basic, Prompt = prompt };
        note.Answers.Add(answer);
        return note;
    }

    [Theory]
    [InlineData("That ridge of rock is called the {{c1::Continental Divide}}.")]
    [InlineData("The first is a {{c1::tributary}}, which feeds the main river.")]
    [InlineData("The second of these is the {{c1::Senate}}, which holds six-year terms.")]
    [InlineData("Two enzymes break down most of the {{c1::starch}} in the small intestine.")]
    public void OpeningThatNamesSomethingSaidBefore_IsRefused(string prompt) =>
        Assert.NotNull(DraftChecks.Problem(Cloze(prompt), []));

    [Theory]
    [InlineData("The ridge of rock that splits the watersheds is called the {{c1::Continental Divide}}.")]
    [InlineData("The first European settlers on the river built a {{c1::trading post}}.")]
    [InlineData("Two enzymes, amylase and maltase, break down most of the {{c1::starch}}.")]
    [InlineData("Two chambers make up the legislature: the House and the {{c1::Senate}}.")]
    public void OpeningThatNamesItsSubject_IsKept(string prompt) =>
        Assert.Null(DraftChecks.Problem(Cloze(prompt), []));

    [Fact]
    public void BlankOpeningWithADeterminer_IsRefused_TheNounAfterItIsKept()
    {
        Assert.NotNull(DraftChecks.Problem(Cloze("{{c1::Another}} cause of the famine was the blight."), []));
        Assert.NotNull(DraftChecks.Problem(Cloze("{{c1::Many farmers}} left the valley."), []));
        Assert.Null(DraftChecks.Problem(Cloze("Another cause of the famine was the {{c1::potato blight}}."), []));
    }

    [Theory]
    [InlineData("The {{c1::nucleus}} holds most of the cell's nuclear DNA.", "nuclear")]
    [InlineData("Athens was a {{c1::democracy}}, and its democratic assembly met on the Pnyx.", "democratic")]
    [InlineData("The debate split the Federalists and the {{c1::Anti-Federalists}}.", "federalists")]
    [InlineData("A {{c1::heterogeneous}} mixture differs from a homogeneous one.", "homogeneous")]
    [InlineData("Winters are milder in the {{c1::southern}} valleys than in the north.", "north")]
    public void BlankGivenAwayByADerivationOrItsPair_IsRefused(string prompt, string echo) =>
        Assert.Contains(echo, DraftChecks.Problem(Cloze(prompt), []) ?? "");

    [Theory]
    [InlineData("The {{c1::stratum spinosum}} lies above the stratum basale.")]
    [InlineData("The {{c1::transcription}} of a gene precedes the transport of its protein.")]
    [InlineData("Athens was a {{c1::democracy}}, while Sparta was ruled by two kings.")]
    [InlineData("A {{c1::heterogeneous}} mixture has visibly different parts.")]
    [InlineData("Most nations of western Europe joined the {{c1::North Atlantic Treaty Organization}} in 1949.")]
    public void BlankBesideUnrelatedWords_IsKept(string prompt) =>
        Assert.Null(DraftChecks.Problem(Cloze(prompt), []));

    [Fact]
    public void SameQuotedQuestionWithAnotherAnswer_IsRefused_AnotherQuoteIsKept()
    {
        var first = Basic("What does the text say would follow?\n> If the river rose a little higher, …", "The levee would fail.");

        Assert.NotNull(DraftChecks.Problem(Basic("What does the text say would follow?\n> If the river rose a little higher, …", "The town would flood."), [first]));
        Assert.Null(DraftChecks.Problem(Basic("What does the text say would follow?\n> If the dam were opened, …", "The town would flood."), [first]));
    }

    [Fact]
    public void QuestionCutInsideAPhrase_IsRefused_AWholeQuoteIsKept()
    {
        Assert.NotNull(DraftChecks.Problem(Basic("What reason does the text give for this?\n> A comet's tail does not point backward just", "The solar wind pushes it."), []));
        Assert.NotNull(DraftChecks.Problem(Basic("What causes whether it rains, according to the text?", "Rising air."), []));
        Assert.Null(DraftChecks.Problem(Basic("What reason does the text give for this?\n> A comet's tail points away from the Sun", "The solar wind pushes it."), []));
    }

    [Fact]
    public void ClozeOpeningWithAConnective_DropsIt_SoTheCardStandsAlone()
    {
        const string text = """
            # Labour

            Firms hire workers to make goods that buyers want. The demand for workers depends on the demand for those goods.
            Therefore the demand for labour is called a derived demand. A firm hires more workers when its goods sell for more.
            """;
        var generated = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = "test", Title = "Test" });

        var card = Assert.Single(generated.Draft.Notes, n => n.Prompt!.Contains("derived demand", StringComparison.Ordinal));
        Assert.StartsWith("The demand for labour is called", card.Prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("In the long debate over the charter, the Levellers argued that every freeborn man should have a vote in elections.", "What did the Levellers argue, according to the text?", "Every freeborn man should have a vote in elections.")]
    [InlineData("Behaviourists believe that learning is a change in behaviour caused by experience.", "What do Behaviourists believe, according to the text?", "Learning is a change in behaviour caused by experience.")]
    [InlineData("Galileo insisted that the Earth moves around the Sun, and that the Church was wrong.", "What did Galileo insist, according to the text?", "The Earth moves around the Sun.")]
    public void NamedActorsClaim_IsAskedAsTheirPosition(string sentence, string question, string answer)
    {
        var note = Assert.Single(DeckGenerator.Generate(sentence).Draft.Notes, n => n.Kind == CardKind.Basic);
        Assert.Equal(question, note.Prompt);
        Assert.Equal(answer, Assert.Single(note.Answers));
    }

    [Theory]
    [InlineData("However, it argued that every freeborn man should have a vote.")]
    [InlineData("Some historians argued that the vote was never meant for everyone.")]
    [InlineData("The Levellers argued that this was unfair.")]
    public void ClaimWithoutANamedActorOrWithoutContent_IsNotAsked(string sentence) =>
        Assert.DoesNotContain(DeckGenerator.Generate(sentence).Draft.Notes, n => n.Prompt!.Contains("according to the text", StringComparison.Ordinal) && n.Prompt.StartsWith("What did", StringComparison.Ordinal));

    [Theory]
    [InlineData("The city grew quickly after the war. Jane Addams from Chicago founded a settlement house for immigrant families in the poorest ward.", "{{c1::Jane Addams}} from Chicago founded")]
    [InlineData("The colonies met at Albany. Benjamin Franklin proposed a plan of union for the colonies at the meeting.", "{{c1::Benjamin Franklin}} proposed a plan")]
    public void NamedActorsDeed_IsAskedWithTheNameBlanked(string text, string expected) =>
        Assert.Contains(DeckGenerator.Generate(text).Draft.Notes, n => n.Prompt!.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("The crowd gathered at dawn. Most Americans opposed the new tax on tea.")]
    [InlineData("The crowd gathered at dawn. Charles Town Harbor Board closed it to ships in the spring of that year.")]
    [InlineData("The talks began in May. U.S. President Donald Trump announced a summit with the leader.")]
    public void DeedOfAPlainWordOrPointingBack_IsNotAskedAsAName(string text) =>
        Assert.DoesNotContain(DeckGenerator.Generate(text).Draft.Notes, n => n.Tags.Contains("actor"));
}
