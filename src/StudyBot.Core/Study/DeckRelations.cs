using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Study;

/// <summary>
/// What the scheduler keeps apart in one version of a deck, and the order it introduces new cards
/// in, by card id (the stored ids): siblings (one note id) and cards that show each other's answers
/// (<see cref="LeakFinder"/>, the same check <c>deck validate</c> and <c>/deck upload</c> report,
/// including pairs the author allowed with <c>allow_leaks</c>); and each card's rank in
/// <see cref="NewCardOrder"/>.
/// </summary>
public sealed class DeckRelations
{
    private readonly Dictionary<int, int[]> _leaks;
    private readonly Dictionary<int, string> _groups;
    private readonly Dictionary<int, int> _ranks;

    private DeckRelations(Dictionary<int, int[]> leaks, Dictionary<int, string> groups, Dictionary<int, int> ranks)
    {
        _leaks = leaks;
        _groups = groups;
        _ranks = ranks;
    }

    /// <summary>The number of leak pairs (each unordered pair once).</summary>
    public int LeakPairs => _leaks.Values.Sum(p => p.Length) / 2;

    /// <summary>The cards that show <paramref name="cardId"/>'s answer or whose answer it shows.</summary>
    public IReadOnlyList<int> LeaksOf(int cardId) => _leaks.TryGetValue(cardId, out var partners) ? partners : [];

    /// <summary>True when seeing one of the two cards gives the other away: siblings, or a leak pair.</summary>
    public bool KeptApart(int a, int b) =>
        a != b && ((_groups.TryGetValue(a, out var ga) && _groups.TryGetValue(b, out var gb) && ga == gb) || LeaksOf(a).Contains(b));

    /// <summary>
    /// Up to <paramref name="count"/> of <paramref name="candidates"/>, taken in their order, none
    /// kept apart from one taken before (<see cref="KeptApart"/>): a quiz's questions, of which none
    /// gives another away. Fewer when the deck has too few cards that stand apart.
    /// </summary>
    public IReadOnlyList<int> Draw(IEnumerable<int> candidates, int count)
    {
        var drawn = new List<int>(count);
        foreach (var card in candidates)
        {
            if (drawn.Count == count)
            {
                break;
            }
            if (!drawn.Any(d => KeptApart(d, card)))
            {
                drawn.Add(card);
            }
        }
        return drawn;
    }

    /// <summary>The card's place among the deck's new cards (<see cref="NewCardOrder"/>); cards not in this version last.</summary>
    public int NewRank(int cardId) => _ranks.TryGetValue(cardId, out var rank) ? rank : int.MaxValue;

    /// <summary>From the deck's live cards, in file order.</summary>
    public static DeckRelations Of(IReadOnlyList<(int Id, Decks.DeckCard Card)> cards)
    {
        var ids = cards.GroupBy(c => c.Card.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var partners = new Dictionary<int, List<int>>();
        foreach (var (a, b) in LeakFinder.Pairs(LeakFinder.Find([.. cards.Select(c => c.Card)])))
        {
            var (x, y) = (ids[a], ids[b]);
            (partners.TryGetValue(x, out var px) ? px : partners[x] = []).Add(y);
            (partners.TryGetValue(y, out var py) ? py : partners[y] = []).Add(x);
        }
        var groups = new Dictionary<int, string>();
        foreach (var (id, card) in cards)
        {
            if (card.NoteId is { } note)
            {
                groups[id] = note;
            }
        }
        var ranks = NewCardOrder.Ranks([.. cards.Select(c => c.Card.NoteId)]);
        return new DeckRelations(
            partners.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            groups,
            cards.Select((c, i) => (c.Id, Rank: ranks[i])).ToDictionary(x => x.Id, x => x.Rank));
    }
}
