using Microsoft.EntityFrameworkCore;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

public sealed class DeckGenerateTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    private const string Reading = """
        # Chloroplasts

        Figure 5.3 A chloroplast under the microscope. (credit: modification of work by a lab)

        In all autotrophic eukaryotes, photosynthesis takes place inside an organelle called a chloroplast.
        Within the chloroplast are stacked, disc-shaped structures called thylakoids.
        The Calvin cycle takes place in the stroma, the liquid around the thylakoids, and builds sugar in 1950 experiments.
        """;

    [Fact]
    public async Task DeckGenerate_Reading_RepliesWithDraftPreviewAndPublishButton_ThatUploadsTheDeck()
    {
        var outcome = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("generate", new CommandOptionInput("file", new AttachmentInput("chloroplasts.md", TestDecks.Bytes(Reading)))));

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("Draft deck: Chloroplasts", text);
        Assert.Contains("inside an organelle called a", text);
        Assert.Contains("||chloroplast||", text);
        Assert.DoesNotContain("Figure 5.3", text);
        Assert.Contains("chloroplasts.yaml", outcome.Message!.ToJsonString());
        Assert.False(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.Key == "chloroplasts")));

        var published = await bot.ClickAsync(bot.You, outcome.Message, "dg:publish");

        Assert.Contains("Deck uploaded", MessageView.Text(published.Message));
        Assert.True(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.Key == "chloroplasts")));
    }

    [Fact]
    public async Task DeckGenerate_Student_IsRefused()
    {
        var outcome = await bot.RunAsync(bot.AddStudent("no-drafts"), "deck", CommandOptionInput.Sub("generate", new CommandOptionInput("file", new AttachmentInput("reading.md", TestDecks.Bytes(Reading)))));

        Assert.Contains("Only instructors", outcome.Content);
    }

    [Fact]
    public async Task DeckGenerate_TextWithoutAnyCard_SaysWhyAndOffersNothingToPublish()
    {
        var outcome = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("generate", new CommandOptionInput("file", new AttachmentInput("menu.md", TestDecks.Bytes("# Menu\n\n- Home\n- About\n")))));

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("No draft from menu.md", text);
        Assert.Contains("no card could be drafted", text);
        Assert.DoesNotContain("dg:publish", outcome.Message!.ToJsonString());
    }
}
