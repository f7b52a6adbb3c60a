using StudyBot.Core.Study;

namespace StudyBot.Core.Tests.Study;

public class NewCardOrderTests
{
    private static string[] Order(params (string Id, string? Note)[] cards)
    {
        var ranks = NewCardOrder.Ranks([.. cards.Select(c => c.Note)]);
        return [.. cards.Select((c, i) => (c.Id, Rank: ranks[i])).OrderBy(x => x.Rank).Select(x => x.Id)];
    }

    [Fact]
    public void NotesCards_AreDealtInRounds_FirstCardOfEveryNoteBeforeAnySecond()
    {
        var order = Order(
            ("a#c1", "a"), ("a#c2", "a"), ("a#c3", "a"),
            ("solo", null),
            ("mcq", "troops"), ("typed", "troops"),
            ("b#c1", "b"), ("b#c2", "b"));

        Assert.Equal(["a#c1", "solo", "mcq", "b#c1", "a#c2", "typed", "b#c2", "a#c3"], order);
    }

    [Fact]
    public void CardsWithoutNotes_KeepFileOrder()
    {
        Assert.Equal(["x", "y", "z"], Order(("x", null), ("y", null), ("z", null)));
    }

    [Fact]
    public void NoTwoSiblings_AreNeighbours_WhenOtherNotesAreLeft()
    {
        var cards = Enumerable.Range(0, 6).SelectMany(n => Enumerable.Range(1, 1 + (n % 3)).Select(c => ($"n{n}#c{c}", (string?)$"n{n}"))).ToArray();

        var order = Order(cards);

        Assert.Equal(cards.Length, order.Distinct().Count());
        // Six notes of one to three cards: every round holds at least two notes, so no two neighbours are siblings.
        var notes = order.Select(id => id.Split('#')[0]).ToList();
        for (var i = 1; i < notes.Count; i++)
        {
            Assert.NotEqual(notes[i - 1], notes[i]);
        }
    }
}
