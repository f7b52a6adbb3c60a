using System.Text.RegularExpressions;

namespace StudyBot.Core.Tests.Decks;

/// <summary>
/// The decks under decks/ teach the essay: every card must be traceable to a short verbatim quote,
/// and the set must be large and varied enough to study from.
/// </summary>
public partial class EssayDeckFaithfulnessTests
{
    private const int MinimumCards = 90;

    // Short quotes only: a sentence or part of one, never a paragraph.
    private const int MaxQuoteLength = 220;

    private static readonly string[] _kinds = ["basic", "mcq", "typed", "cloze"];

    private static IReadOnlyList<DeckFileCard> AllCards() =>
        EssayLocator.DeckFiles().SelectMany(DeckFileCards.Read).ToList();

    [Fact]
    public void Explanations_EveryCard_QuoteAShortPassage()
    {
        var problems = AllCards()
            .Where(card => card.Explanation is null
                || QuotedPassages.In(card.Explanation).Count == 0
                || QuotedPassages.In(card.Explanation).Any(p => p.Length > MaxQuoteLength))
            .Select(card => $"{card}: the explanation needs a double-quoted passage of at most {MaxQuoteLength} characters from the essay")
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [EssayFact]
    public void QuotedPassages_EveryExplanation_AppearVerbatimInEssay()
    {
        var essay = QuotedPassages.Normalize(File.ReadAllText(EssayLocator.EssayPath!));

        var problems = AllCards()
            .SelectMany(card => QuotedPassages.In(card.Explanation ?? "")
                .SelectMany(passage => QuotedPassages.MissingFrom(essay, passage))
                .Select(fragment => $"{card}: not in the essay: \"{fragment}\""))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Decks_All_HaveEnoughCardsAndEveryKindInEachDeck()
    {
        var files = EssayLocator.DeckFiles();
        var cards = AllCards();

        Assert.True(files.Count >= 3, $"expected at least 3 decks, found {files.Count}");
        Assert.True(cards.Count >= MinimumCards, $"expected at least {MinimumCards} cards, found {cards.Count}");
        var missing = cards.GroupBy(card => card.File)
            .SelectMany(deck => _kinds.Except(deck.Select(card => card.Kind)).Select(kind => $"{deck.Key}: no {kind} card"))
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void CardIds_AllDecks_AreUniqueStableKebabCase()
    {
        var cards = AllCards();

        var malformed = cards.Where(card => !KebabId().IsMatch(card.Id)).Select(card => $"{card}: use lowercase letters, digits and '-'");
        var duplicated = cards.GroupBy(card => card.Id).Where(g => g.Count() > 1)
            .Select(g => $"id '{g.Key}' is used by {string.Join(", ", g)}");
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

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();
}
