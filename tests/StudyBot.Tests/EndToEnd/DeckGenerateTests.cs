using Microsoft.EntityFrameworkCore;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Decks;

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

    [Fact]
    public async Task DeckGenerate_PublishingOverAnExistingDeck_AsksFirst_ThenPublishesAsNewOrReplaces()
    {
        const string first = "# Volcanoes\n\nMolten rock below the surface of the Earth is called magma. A volcano is an opening in the crust through which magma escapes.\n";
        const string second = "# Volcanoes\n\nMolten rock that reaches the surface is called lava. Rock formed from cooled lava is called igneous rock.\n";
        var draft = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("generate",
            new CommandOptionInput("file", new AttachmentInput("reading.txt", TestDecks.Bytes(first))), new CommandOptionInput("id", "volcanoes-e2e")));
        Assert.Contains("Deck uploaded", MessageView.Text((await bot.ClickAsync(bot.You, draft.Message!, DeckGenerateModule.PublishId)).Message));
        var cards = await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.Key == "volcanoes-e2e" && !c.Retired));

        var again = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("generate",
            new CommandOptionInput("file", new AttachmentInput("reading.txt", TestDecks.Bytes(second))), new CommandOptionInput("id", "volcanoes-e2e")));
        var asked = await bot.ClickAsync(bot.You, again.Message!, DeckGenerateModule.PublishId);

        Assert.Contains($"Replace Volcanoes's {cards} cards with", MessageView.Text(asked.Message));
        Assert.Contains(DeckGenerateModule.AsNewId, asked.Message!.ToJsonString());
        Assert.Equal(cards, await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.Key == "volcanoes-e2e" && !c.Retired)));

        var asNew = await bot.ClickAsync(bot.You, asked.Message, DeckGenerateModule.AsNewId);

        Assert.Contains("Deck uploaded", MessageView.Text(asNew.Message));
        Assert.True(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.Key == "volcanoes-e2e-2")));
        Assert.Equal(cards, await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.Key == "volcanoes-e2e" && !c.Retired)));

        var replaced = await bot.ClickAsync(bot.You, asked.Message, DeckGenerateModule.ReplaceId);

        Assert.Contains("Deck uploaded", MessageView.Text(replaced.Message));
        Assert.True(await bot.QueryAsync(db => db.Cards.AnyAsync(c => c.Deck!.Key == "volcanoes-e2e" && !c.Retired && c.Explanation!.Contains("lava"))));
    }

    [Fact]
    public async Task DeckGenerate_IdAndTitleOptions_NameTheDraft()
    {
        var outcome = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("generate",
            new CommandOptionInput("file", new AttachmentInput("reading.txt", TestDecks.Bytes(Reading))),
            new CommandOptionInput("id", "plant-cells"), new CommandOptionInput("title", "Plant cells")));

        Assert.Contains("Draft deck: Plant cells", MessageView.Text(outcome.Message));
        Assert.Contains("plant-cells.yaml", outcome.Message!.ToJsonString());
    }
}
