using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Generation;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Generation;

/// <summary>
/// The last filter over a draft and the forms that give a text more cards, each on examples written
/// for it, both ways: the faulty card is refused and a sound one beside it is kept.
/// </summary>
public class DraftChecksTests
{
    private static NoteDraft Cloze(string text) => new() { Kind = CardKind.Cloze, Prompt = text };

    private static NoteDraft Basic(string prompt, string answer)
    {
        var note = new NoteDraft { Kind = CardKind.Basic, Prompt = prompt };
        note.Answers.Add(answer);
        return note;
    }

    private static Deck Draft(string text, int? cards = 30)
    {
        var generated = DeckGenerator.Generate(text, new GeneratorOptions { DeckId = "test", Title = "Test", Cards = cards });
        var result = DeckValidator.Validate(generated.Draft, new DiagnosticBag("test.md"));
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Deck!;
    }

    private static List<string> Answers(Deck deck) => [.. deck.Cards.SelectMany(c => c.Answers)];

    [Fact]
    public void AnsweredBesideItself_InAnyNumber_IsRefused_AFairBlankIsKept()
    {
        Assert.NotNull(DraftChecks.Problem(Cloze("Each cell sits in a {{c1::lacuna}}; the lacunae line up in rings."), []));
        Assert.NotNull(DraftChecks.Problem(Cloze("The {{c1::glaciers}} retreated, and each glacier left a moraine."), []));
        Assert.Null(DraftChecks.Problem(Cloze("Each cell sits in a small space called a {{c1::lacuna}}."), []));
    }

    [Fact]
    public void BlankStartingOrEndingWithAFunctionWord_IsRefused_ThePhraseItselfIsKept()
    {
        Assert.NotNull(DraftChecks.Problem(Cloze("Rivers carry {{c1::the silt}} down to the delta."), []));
        Assert.NotNull(DraftChecks.Problem(Cloze("The treaty was signed {{c1::by no}} means willingly."), []));
        Assert.Null(DraftChecks.Problem(Cloze("Rivers carry {{c1::silt}} down to the delta."), []));
    }

    [Fact]
    public void SameAnswerAskedTwice_InEitherNumber_IsRefused_ADifferentAnswerIsKept()
    {
        var first = Cloze("Thomson showed that atoms contain small negative particles called {{c1::electrons}}.");

        Assert.NotNull(DraftChecks.Problem(Cloze("Millikan measured the charge of the {{c1::electron}} with oil drops."), [first]));
        Assert.NotNull(DraftChecks.Problem(Basic("What particles did Thomson find?", "Electrons."), [first]));
        Assert.Null(DraftChecks.Problem(Cloze("Millikan measured the charge with {{c1::oil drops}}."), [first]));
    }

    [Fact]
    public void OneQuestionWithTwoAnswers_IsRefused_AQuestionNamingItsSubjectIsKept()
    {
        var first = Basic("What does the text say the council could do?", "Raise the levy.");

        Assert.NotNull(DraftChecks.Problem(Basic("What does the text say the council could do?", "Close the harbour."), [first]));
        Assert.Null(DraftChecks.Problem(Basic("What does the text say the harbour master could do?", "Close the harbour."), [first]));
    }

    [Fact]
    public void OpeningThatPointsBack_IsRefused_OneThatNamesItsSubjectIsKept()
    {
        Assert.NotNull(DraftChecks.Problem(Cloze("This process is driven by {{c1::osmosis}} across the membrane."), []));
        Assert.NotNull(DraftChecks.Problem(Cloze("To put this in perspective, the strand is {{c1::7000}} atoms wide."), []));
        Assert.Null(DraftChecks.Problem(Cloze("Water crosses the root membrane by {{c1::osmosis}}."), []));
    }

    [Theory]
    [InlineData("To put this in perspective, a carbon atom is very small.", "this")]
    [InlineData("The council met, but because such delays were common, nothing changed.", "such delays")]
    [InlineData("In the end their harvests failed in the dry years.", "their")]
    public void Referent_MidSentence_WithoutAntecedent_PointsBack(string sentence, string pointer) =>
        Assert.Equal(pointer, Referents.PointsBack(sentence));

    [Theory]
    [InlineData("Farmers planted barley because their soil was too dry for wheat.")]
    [InlineData("Pumice is a rock so light that it floats on water.")]
    [InlineData("A pure substance has a composition that does not change.")]
    [InlineData("Stone tools such as scrapers were common.")]
    public void Referent_WithItsAntecedentInTheSentence_StandsAlone(string sentence) =>
        Assert.Null(Referents.PointsBack(sentence));

    [Fact]
    public void Referent_OpeningPronoun_IsResolvedFromTheSentenceBefore_WhenTheyAgree()
    {
        Assert.Equal("Osteoclasts are found on bone surfaces.", Referents.Resolve("They are found on bone surfaces.", "Osteoclasts break down old bone."));
        Assert.Equal("The periosteum contains nerves.", Referents.Resolve("It contains nerves.", "The periosteum covers the bone."));
        Assert.Equal("Osteogenic cells divide often.", Referents.Resolve("These osteogenic cells divide often.", null));
        // "They" after a singular subject, or "These" before a single noun, names nothing the card can show.
        Assert.Null(Referents.Resolve("They are found on bone surfaces.", "The periosteum covers the bone."));
        Assert.Null(Referents.Resolve("These surfaces meet at a joint.", "The bones are long."));
    }

    [Fact]
    public void Referent_ResolvedSentence_BecomesACardNamingItsSubject_TheExplanationQuotesTheText()
    {
        var deck = Draft("Glaciers carve deep valleys in mountain ranges. They carry moraines of loose rock at their edges.");

        var card = Assert.Single(deck.Cards, c => c.Prompt.Contains("carry", StringComparison.Ordinal));
        Assert.StartsWith("What do glaciers carry", card.Prompt, StringComparison.Ordinal);
        Assert.Contains("They carry moraines", card.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A basalt is a dark volcanic rock that forms from fast-cooling lava.", "basalt")]
    [InlineData("The mantle is the thick layer of hot rock between the crust and the core.", "mantle")]
    [InlineData("The density of a substance is a measure of its mass per unit of volume.", "density")]
    [InlineData("The law of superposition states that lower rock layers are older than the layers above them.", "law of superposition")]
    public void Definition_GenericSubjectOrNamedLaw_BlanksTheTerm(string sentence, string term) =>
        Assert.Contains(term, Answers(Draft(sentence)));

    [Fact]
    public void Definition_VagueSubject_IsNoTerm()
    {
        var deck = Draft("The reason is a matter of the cost of transport across the mountains. Basalt is a dark rock that forms from lava. "
            + "The wars came with an important technological innovation, the birth of iron-making.");

        Assert.DoesNotContain("reason", Answers(deck));
        Assert.DoesNotContain(Answers(deck), a => a.Contains("innovation", StringComparison.Ordinal));
        Assert.Contains("Basalt", Answers(deck));
    }

    [Fact]
    public void KeyTermClaim_IsAskedAsAQuestionOnTheTerm_ButNotOnAVagueOrUnnamedSubject()
    {
        var deck = Draft("The crust is the thin outer layer of the planet. The crust contains most of the silicon on the surface. "
            + "The mantle lies beneath the crust and moves slowly. People contain their curiosity about volcanoes.");

        var card = Assert.Single(deck.Cards, c => c.Prompt.StartsWith("What does the crust contain", StringComparison.Ordinal));
        Assert.Equal("Most of the silicon on the surface.", card.Answers[0]);
        Assert.DoesNotContain(deck.Cards, c => c.Prompt.Contains("people contain", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void OtherName_IsLeftOutOfThePrompt_AndAcceptedAsTheAnswer_AListWithOrIsKept()
    {
        var otherNames = new Dictionary<string, string>();

        var shown = DeckGenerator.WithoutOtherName("A homogeneous mixture, also called a solution, looks the same throughout.", otherNames);
        var canal = DeckGenerator.WithoutOtherName("Down each osteon runs the central canal, or Haversian canal, which holds nerves.", otherNames);
        var list = DeckGenerator.WithoutOtherName("Farmers grew wheat, barley, or oats, depending on the rain.", otherNames);

        Assert.Equal("A homogeneous mixture looks the same throughout.", shown);
        Assert.Equal("Down each osteon runs the central canal, which holds nerves.", canal);
        Assert.Equal("solution", otherNames["homogeneous mixture"]);
        Assert.Equal("Haversian canal", otherNames["central canal"]);
        Assert.Equal("Farmers grew wheat, barley, or oats, depending on the rain.", list);
        var deck = Draft("A homogeneous mixture, also called a solution, is a mixture that looks the same throughout.");
        var card = Assert.Single(deck.Cards);
        Assert.Equal(["homogeneous mixture", "solution"], card.Answers);
        Assert.DoesNotContain("solution", card.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_EmptyBracketsOfARemovedFigureReference_AreNotShown()
    {
        var deck = Draft("Granite is a rock that forms from slowly cooling magma (). Granite contains quartz and feldspar ().");

        Assert.All(deck.Cards, c => Assert.DoesNotContain("()", c.Prompt, StringComparison.Ordinal));
    }
}
