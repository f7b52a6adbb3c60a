using StudyBot.Core.Decks;

namespace StudyBot.Testing;

public static class TestDecks
{
    public static DeckCard Basic(string id, string? prompt = null, string? noteId = null) => new()
    {
        Id = id,
        Kind = CardKind.Basic,
        Prompt = prompt ?? $"Question {id}?",
        Answers = [$"Answer {id}"],
        NoteId = noteId,
    };

    public static DeckCard Typed(string id, string answer) => new()
    {
        Id = id,
        Kind = CardKind.Typed,
        Prompt = $"Type {id}",
        Answers = [answer],
    };

    public static Deck Deck(string id, params DeckCard[] cards) => new(id, $"Deck {id}", null, null, cards);

    public static Deck Numbered(string id, int count) =>
        Deck(id, Enumerable.Range(1, count).Select(i => Basic($"card-{i:D3}")).ToArray());
}
