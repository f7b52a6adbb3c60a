using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Decks;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

/// <summary>/deck info, export, retire, restore, join, leave and upload options, through the emulator.</summary>
public sealed class DeckManagementTests(PlaygroundBot bot) : IClassFixture<PlaygroundBot>
{
    [Fact]
    public async Task Deck_ExportRetireRestore_ExportReadsBackAndRetiredDeckLeavesListsUntilRestored()
    {
        var export = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("export", new CommandOptionInput("deck", "china-costs")));
        var file = Assert.Single(export.Message!["attachments"]!.AsArray())!;
        Assert.Equal("china-costs.yaml", file["filename"]!.GetValue<string>());
        var yaml = System.Text.Encoding.UTF8.GetString(bot.Emulator.State.FindAttachment(file["id"]!.GetValue<string>())!.Bytes);
        var loaded = new DeckLoader().LoadText(yaml, "china-costs.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var guildId = ulong.Parse(bot.World.Guild.Id);
        var live = await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.GuildId == guildId && c.Deck.Key == "china-costs" && !c.Retired));
        Assert.Equal(live, loaded.Deck!.Cards.Count);

        var retired = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("retire", new CommandOptionInput("deck", "china-costs")));
        Assert.Contains("is retired", retired.Content);
        Assert.DoesNotContain("`china-costs`", MessageView.Text((await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("list"))).Message));
        var student = bot.AddStudent("late-joiner");
        Assert.Contains("no deck 'china-costs'", (await bot.RunAsync(student, "deck", CommandOptionInput.Sub("join", new CommandOptionInput("deck", "china-costs")))).Content);

        await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("restore", new CommandOptionInput("deck", "china-costs")));

        Assert.Contains("`china-costs`", MessageView.Text((await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("list"))).Message));
    }

    [Fact]
    public async Task Deck_StudentRetireOrExport_IsRefused()
    {
        var student = bot.AddStudent("no-teacher");

        Assert.Contains("Only instructors", (await bot.RunAsync(student, "deck", CommandOptionInput.Sub("retire", new CommandOptionInput("deck", "collapse-fears")))).Content);
        Assert.Contains("Only instructors", (await bot.RunAsync(student, "deck", CommandOptionInput.Sub("export", new CommandOptionInput("deck", "collapse-fears")))).Content);
        Assert.False(await bot.QueryAsync(db => db.Decks.AnyAsync(d => d.Key == "collapse-fears" && d.Retired)));
    }

    [Fact]
    public async Task Deck_JoinInfoLeave_ReviewAsksOnlyJoinedDecksAndInfoShowsProgress()
    {
        var student = bot.AddStudent("joiner");
        var userId = ulong.Parse(student.Id);

        var offer = await bot.RunAsync(student, "review");
        Assert.Contains("Choose what to study", MessageView.Text(offer.Message));

        var joined = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("join", new CommandOptionInput("deck", "washington-levers")));
        Assert.Contains("You joined", joined.Content);
        var card = await bot.RunAsync(student, "review");
        var leversTitle = await bot.QueryAsync(db => db.Decks.Where(d => d.Key == "washington-levers").Select(d => d.Title).FirstAsync());
        Assert.Contains(leversTitle, MessageView.Text(card.Message));
        var guildId = ulong.Parse(bot.World.Guild.Id);
        var levers = await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.GuildId == guildId && c.Deck.Key == "washington-levers" && !c.Retired));
        var costs = await bot.QueryAsync(db => db.Cards.CountAsync(c => c.Deck!.GuildId == guildId && c.Deck.Key == "china-costs" && !c.Retired));
        var info = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("info", new CommandOptionInput("deck", "washington-levers")));
        Assert.Contains($"0/{levers} seen", MessageView.Text(info.Message));
        var list = MessageView.Text((await bot.RunAsync(student, "deck", CommandOptionInput.Sub("list"))).Message);
        Assert.Contains($"`washington-levers` · {levers} cards · joined", list);
        Assert.Contains($"`china-costs` · {costs} cards · not joined", list);

        var left = await bot.RunAsync(student, "deck", CommandOptionInput.Sub("leave", new CommandOptionInput("deck", "washington-levers")));

        Assert.Contains("You left", left.Content);
        Assert.Equal(0, await bot.QueryAsync(db => db.Enrolments.CountAsync(e => e.UserId == userId)));
    }

    [Fact]
    public async Task DeckUpload_CsvWithHeaderRowAndIdTitleOptions_NamesTheDeckFromTheOptionsAndSkipsTheHeader()
    {
        var csv = TestDecks.Bytes("Front,Back\nCapital of the North?,Pyongyang\nBorder river?,Yalu\n");

        var upload = await bot.RunAsync(bot.You, "deck", CommandOptionInput.Sub("upload",
            new CommandOptionInput("file", new AttachmentInput("export (3).csv", csv)),
            new CommandOptionInput("id", "week-2"),
            new CommandOptionInput("title", "Week 2: borders")));

        var text = MessageView.Text(upload.Message);
        Assert.Contains("Deck uploaded: Week 2: borders", text);
        Assert.Contains("**2 new**", text);
        Assert.Contains("column names", text);
        var prompts = await bot.QueryAsync(db => db.Cards.Where(c => c.Deck!.Key == "week-2").OrderBy(c => c.Ordinal).Select(c => c.Prompt).ToListAsync());
        Assert.Equal(["Capital of the North?", "Border river?"], prompts);
    }
}
