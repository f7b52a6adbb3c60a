using Microsoft.EntityFrameworkCore;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

public sealed class DeckUploadTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private const string BadDeck = """
        id: broken-upload
        title: Broken
        cards:
          - id: ok-card
            kind: basic
            prompt: A fine card
            answer: Fine
          - id: no-correct
            kind: mcq
            prompt: Which is right?
            choices:
              - { text: "This one" }
              - { text: "That one" }
        """;

    private const string GoodDeckV1 = """
        id: upload-e2e
        title: Uploaded in a test
        cards:
          - { id: one, kind: basic, prompt: "First?", answer: "1" }
          - { id: two, kind: basic, prompt: "Second?", answer: "2" }
        """;

    private const string GoodDeckV2 = """
        id: upload-e2e
        title: Uploaded in a test
        cards:
          - { id: one, kind: basic, prompt: "First, reworded?", answer: "1" }
          - { id: three, kind: basic, prompt: "Third?", answer: "3" }
        """;

    [Fact]
    public async Task DeckUpload_FileWithErrors_RepliesWithLineAndCardIdAndChangesNothing()
    {
        var decksBefore = await bot.QueryAsync(db => db.Decks.CountAsync());
        var cardsBefore = await bot.QueryAsync(db => db.Cards.CountAsync());

        var outcome = await Upload("broken.yaml", BadDeck);

        Assert.True(outcome.Ephemeral);
        var text = MessageView.Text(outcome.Message);
        Assert.Contains("Deck not uploaded", text);
        Assert.Contains("Nothing was changed", text);
        Assert.Matches(@"broken\.yaml:1\d:\d+: error \[no-correct\]", text);
        Assert.Equal(decksBefore, await bot.QueryAsync(db => db.Decks.CountAsync()));
        Assert.Equal(cardsBefore, await bot.QueryAsync(db => db.Cards.CountAsync()));
    }

    [Fact]
    public async Task DeckUpload_NewVersion_ReportsNewChangedAndRetiredCounts()
    {
        var first = await Upload("upload-e2e.yaml", GoodDeckV1);
        Assert.Contains("2 new", MessageView.Text(first.Message));

        var second = await Upload("upload-e2e.yaml", GoodDeckV2);

        var text = MessageView.Text(second.Message);
        Assert.Contains("version 2", text);
        Assert.Contains("1 new", text);
        Assert.Contains("1 changed", text);
        Assert.Contains("1 retired", text);
        var retired = await bot.QueryAsync(db => db.Cards.Where(c => c.Key == "two").Select(c => c.Retired).SingleAsync());
        Assert.True(retired);
    }

    [Fact]
    public async Task DeckUpload_Student_IsRefusedAndNothingIsStored()
    {
        var student = bot.AddStudent("not-a-teacher");

        var outcome = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("sneaky.yaml", TestDecks.Bytes(GoodDeckV1.Replace("upload-e2e", "sneaky"))))));

        Assert.Contains("Only instructors", outcome.Content);
        Assert.False(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.Key == "sneaky")));
    }

    [Fact]
    public async Task DeckList_AfterSeeding_ListsTheEssayDecks()
    {
        var outcome = await bot.RunAsync(bot.AddStudent("lister"), "deck", CommandOptionInput.Sub("list"));

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("`collapse-fears`", text);
        Assert.Contains("`china-costs`", text);
        Assert.Contains("`washington-levers`", text);
    }

    [Fact]
    public async Task DeckUpload_ClozeNumberBeyondInt_RepliesWithPlaceNotSomethingWentWrong()
    {
        var outcome = await Upload("overflow.yaml", """
            id: overflow
            title: Overflow
            cards:
              - { id: huge, kind: cloze, text: "the {{c99999999999::capital}}" }
            """);

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("Deck not uploaded", text);
        Assert.Contains("overflow.yaml:4:36: error [huge]: the deletion number 'c99999999999' at character 5 of the text is too large", text);
        Assert.DoesNotContain("Something went wrong", text);
    }

    [Fact]
    public async Task DeckUpload_PackageWithRecursiveView_IsRefusedAtOnce()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("upload",
            new CommandOptionInput("file", new AttachmentInput("view.apkg", HostilePackages.RecursiveView()))));

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("the collection holds a view named 'notes'", text);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    private Task<Emulator.Interactions.InteractionOutcome> Upload(string fileName, string content)
        => bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput(fileName, TestDecks.Bytes(content)))));
}
