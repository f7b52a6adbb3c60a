namespace StudyBot.Core.Study;

/// <summary>
/// The order in which a deck's new cards are introduced: interleaved across the deck's notes, not
/// in file order. A note's cards (cloze deletions, a reversed pair, cards sharing a <c>note:</c>)
/// test one fact and stand next to each other in a file; introduced in file order, a student who
/// stopped mid-note would meet the rest of that note before any later note. So cards are dealt in
/// rounds: the first card of every note, in file order, then the second card of every note that
/// has one, and so on; a card without a note is the first card of its own. A deck of cards without
/// notes keeps its file order. The order depends only on the deck, so every student of a class
/// meets the cards in the same order.
/// </summary>
public static class NewCardOrder
{
    /// <summary>
    /// The introduction rank of each card (0 first), for cards given in file order with their
    /// sibling group (the note id; null for a card that stands alone).
    /// </summary>
    public static int[] Ranks(IReadOnlyList<string?> groups)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rounds = new int[groups.Count];
        for (var position = 0; position < groups.Count; position++)
        {
            if (groups[position] is { } group)
            {
                seen.TryGetValue(group, out var before);
                rounds[position] = before;
                seen[group] = before + 1;
            }
        }
        var order = Enumerable.Range(0, groups.Count).OrderBy(i => rounds[i]).ThenBy(i => i).ToArray();
        var ranks = new int[groups.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }
        return ranks;
    }
}
