using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;

namespace StudyBot.Core.Tests.Decks;

/// <summary>A wording an instructor accepts on a cloze card is written into its note as one more alternative of that deletion.</summary>
public class ClozeAlternativeTests
{
    [Theory]
    [InlineData("Water boils at {{c1::100 degrees}} at sea level.", 1, "Water boils at {{c1::100 degrees|boiling point}} at sea level.")]
    [InlineData("The {{c1::Nile|River Nile::a river}} flows north.", 1, "The {{c1::Nile|River Nile|boiling point::a river}} flows north.")]
    [InlineData("{{c1::Paris}} and {{c2::Rome}}; again {{c1::Paris}}.", 1, "{{c1::Paris|boiling point}} and {{c2::Rome}}; again {{c1::Paris|boiling point}}.")]
    [InlineData("{{c1::Paris}} and {{c2::Rome}}.", 2, "{{c1::Paris}} and {{c2::Rome|boiling point}}.")]
    public void WithAlternative_AddsTheWordingToEveryDeletionOfThatNumberOnly(string text, int number, string expected)
    {
        var written = Cloze.WithAlternative(text, number, "boiling point");

        Assert.Equal(expected, written);
        Assert.Contains("boiling point", Cloze.Parse(written!).Deletions.Where(d => d.Number == number).SelectMany(d => d.Alternatives));
        Assert.Empty(Cloze.Parse(written!).Problems);
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("a::b")]
    [InlineData("{{c2::x")]
    [InlineData("x}}")]
    [InlineData("")]
    public void WithAlternative_AWordingThatWouldBreakTheDeletion_IsRefused(string wording)
        => Assert.Null(Cloze.WithAlternative("The {{c1::Nile}} flows north.", 1, wording));

    [Theory]
    [InlineData("rivers#c1", 1)]
    [InlineData("note-2#c12", 12)]
    [InlineData("rivers", null)]
    [InlineData("rivers#f", null)]
    public void ClozeNumber_ReadsTheDeletionNumberOfAClozeCardsId(string id, int? number)
        => Assert.Equal(number, CardIds.ClozeNumber(id));
}
