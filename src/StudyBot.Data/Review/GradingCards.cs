using System.Collections.Concurrent;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Review;

/// <summary>
/// Card content as grading needs it, kept between answers: reading and deserialising a card's
/// answers, choices and tags on every answer costs more than the rest of the read. An entry is
/// valid for the deck version that last changed the card (<see cref="CardRecord.ChangedInVersion"/>),
/// which every answer reads anyway, so an upload from any process makes stale entries miss.
/// </summary>
internal sealed class GradingCards
{
    /// <summary>Far above any class's decks; past it the cache starts over rather than grow without bound.</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<int, (int Version, DeckCard Card)> _cards = new();

    public DeckCard? Find(int cardId, int changedInVersion) =>
        _cards.TryGetValue(cardId, out var entry) && entry.Version == changedInVersion ? entry.Card : null;

    public DeckCard Remember(CardRecord card)
    {
        if (_cards.Count >= Capacity)
        {
            _cards.Clear();
        }
        var content = card.ToDeckCard();
        _cards[card.Id] = (card.ChangedInVersion, content);
        return content;
    }
}
