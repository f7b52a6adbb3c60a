using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Text;

namespace StudyBot.Core.Tests.Decks;

/// <summary>A spreadsheet's first row of column names is read as names, not as a card; the deck's id and title come from the header lines or the upload's options.</summary>
public class CsvHeaderRowTests
{
    [Theory]
    [InlineData("Front,Back\nCapital of the North?,Pyongyang\nBorder river?,Yalu\n", "deck.csv")]
    [InlineData("question;answer\nCapital of the North?;Pyongyang\nBorder river?;Yalu\n", "deck.csv")]
    [InlineData("Term\tDefinition\nCapital of the North?\tPyongyang\nBorder river?\tYalu\n", "deck.tsv")]
    public void LoadText_FirstRowNamesTheColumns_IsNotACardAndIsReported(string text, string fileName)
    {
        var result = new DeckLoader().LoadText(text, fileName);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["Capital of the North?", "Border river?"], result.Deck!.Cards.Select(c => c.Prompt));
        var warning = Assert.Single(result.Diagnostics, d => !d.IsError && d.Message.Contains("column names", StringComparison.Ordinal));
        Assert.Contains(":1", warning.ToString());
    }

    [Fact]
    public void LoadText_FirstRowIsACard_IsKeptAsACard()
    {
        var result = new DeckLoader().LoadText("Front of the DMZ?,Back then 1953\nBorder river?,Yalu\n", "deck.csv");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, result.Deck!.Cards.Count);
    }

    [Theory]
    [InlineData(new[] { "front", "back" }, true)]
    [InlineData(new[] { "Question", "Answer", "Tags" }, true)]
    [InlineData(new[] { "Front", "" }, true)]
    [InlineData(new[] { "Capital?", "Pyongyang" }, false)]
    [InlineData(new[] { "", "" }, false)]
    public void IsHeader_Fields_RecognisesOnlyColumnNames(string[] fields, bool expected)
        => Assert.Equal(expected, HeaderRow.IsHeader(fields));

    [Fact]
    public void LoadText_DeckIdAndTitleHeaderLines_NameTheDeckInsteadOfTheFileName()
    {
        var result = new DeckLoader().LoadText("#deck id:week-1\n#deck:Week one\nFront,Back\nQ?,A\n", "upload (3).csv");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(("week-1", "Week one"), (result.Deck!.Id, result.Deck.Title));
        Assert.Single(result.Deck.Cards);
    }

    [Fact]
    public void LoadText_TitleOption_WinsOverTheFileName()
    {
        var result = new DeckLoader().LoadText("Q?,A\n", "export.csv", new DeckReadOptions { DeckTitle = "Week two" });

        Assert.Equal("Week two", result.Deck!.Title);
    }
}
