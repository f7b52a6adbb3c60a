using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

/// <summary>One deck under decks/, as StudyBot loads it, with the file it came from.</summary>
internal sealed record EssayDeck(string File, Deck Deck)
{
    /// <summary>
    /// Cards as written: a cloze note counts once, not once per deletion. Cards made siblings with
    /// `note:` are written (and counted) one by one.
    /// </summary>
    public IEnumerable<DeckCard> Notes => Deck.Cards.DistinctBy(NoteIdOf);

    /// <summary>The id as written in the file: a cloze card's or reversed card's id without its <c>#</c> suffix.</summary>
    public static string NoteIdOf(DeckCard card) => card.Id.Split('#')[0];

    public static IReadOnlyList<EssayDeck> LoadAll()
    {
        var loader = new DeckLoader();
        return EssayLocator.DeckFiles()
            .Select(path =>
            {
                var result = loader.LoadFile(path);
                return result.Deck is not null && result.IsValid
                    ? new EssayDeck(Path.GetFileName(path), result.Deck)
                    : throw new InvalidDataException(string.Join("\n", result.Diagnostics));
            })
            .ToList();
    }
}
