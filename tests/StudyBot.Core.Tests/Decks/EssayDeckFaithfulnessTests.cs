using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

/// <summary>
/// The decks under decks/ teach the essay: they must load cleanly, every card must be traceable
/// to a short verbatim quote, and the set must be large and varied enough to study from.
/// </summary>
public class EssayDeckFaithfulnessTests
{
    private const int MinimumCards = 90;

    // Short quotes only: a sentence or part of one, never a paragraph.
    private const int MaxQuoteLength = 220;

    private static readonly CardKind[] _kinds = [CardKind.Basic, CardKind.Mcq, CardKind.Typed, CardKind.Cloze];

    [Fact]
    public void LoadFile_EveryEssayDeck_HasNoErrorsOrWarnings()
    {
        var loader = new DeckLoader();

        var problems = EssayLocator.DeckFiles().SelectMany(path => loader.LoadFile(path).Diagnostics).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Explanations_EveryCard_QuoteAShortPassage()
    {
        var problems = EssayDeck.LoadAll()
            .SelectMany(deck => deck.Notes
                .Where(card => card.Explanation is null
                    || QuotedPassages.In(card.Explanation).Count == 0
                    || QuotedPassages.In(card.Explanation).Any(p => p.Length > MaxQuoteLength))
                .Select(card => $"{deck.File} card '{EssayDeck.NoteIdOf(card)}': the explanation needs a double-quoted passage of at most {MaxQuoteLength} characters from the essay"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [EssayFact]
    public void QuotedPassages_EveryExplanation_AppearVerbatimInEssay()
    {
        var essay = QuotedPassages.Normalize(File.ReadAllText(EssayLocator.EssayPath!));

        var problems = EssayDeck.LoadAll()
            .SelectMany(deck => deck.Notes.SelectMany(card => QuotedPassages.In(card.Explanation ?? "")
                .SelectMany(passage => QuotedPassages.MissingFrom(essay, passage))
                .Select(fragment => $"{deck.File} card '{EssayDeck.NoteIdOf(card)}': not in the essay: \"{fragment}\"")))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Decks_All_HaveEnoughCardsAndEveryKindInEachDeck()
    {
        var decks = EssayDeck.LoadAll();

        Assert.True(decks.Count >= 3, $"expected at least 3 decks, found {decks.Count}");
        var notes = decks.Sum(deck => deck.Notes.Count());
        Assert.True(notes >= MinimumCards, $"expected at least {MinimumCards} cards (a cloze note counting once), found {notes}");
        var missing = decks
            .SelectMany(deck => _kinds.Except(deck.Deck.Cards.Select(card => card.Kind)).Select(kind => $"{deck.File}: no {kind} card"))
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void CardIds_AllDecks_AreValidAndUniqueAcrossDecks()
    {
        var cards = EssayDeck.LoadAll().SelectMany(deck => deck.Deck.Cards.Select(card => (deck.File, Card: card))).ToList();

        var malformed = cards.Select(c => EssayDeck.NoteIdOf(c.Card)).Distinct().Where(id => !CardIds.IsValid(id))
            .Select(id => $"'{id}': use lowercase letters, digits and '-'");
        var duplicated = cards.GroupBy(c => c.Card.Id).Where(g => g.Count() > 1)
            .Select(g => $"id '{g.Key}' is used in {string.Join(", ", g.Select(c => c.File))}");
        var problems = malformed.Concat(duplicated).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("The party \u201Clacks\u201D a  resettlement\npolicy.", "\"lacks\" a resettlement policy", true)]
    [InlineData("Beijing\u2019s burden is real.", "Beijing's burden", true)]
    [InlineData("It lacks a resettlement policy and has not dealt with it.", "lacks a resettlement ... has not dealt", true)]
    [InlineData("It lacks a resettlement policy.", "lacks a refugee policy", false)]
    [InlineData("It lacks a resettlement policy.", "lacks a resettlement ... since the 1970s", false)]
    public void MissingFrom_PassageAgainstSource_FindsOnlyWhatIsNotVerbatim(string source, string passage, bool verbatim)
    {
        var missing = QuotedPassages.MissingFrom(QuotedPassages.Normalize(source), passage);

        Assert.Equal(verbatim, !missing.Any());
    }
}
