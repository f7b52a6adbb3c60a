using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using StudyBot.Emulator.Interactions;

namespace StudyBot.Tests.EndToEnd;

/// <summary>The bot registered globally (as in production), so the same commands work in a second server and in DMs.</summary>
public sealed class GlobalCommandsBot() : IAsyncLifetime
{
    public PlaygroundBot Bot { get; } = new() { Configure = builder => builder.Configuration["Discord:GuildId"] = "" };

    public Task InitializeAsync() => Bot.InitializeAsync();

    public Task DisposeAsync() => Bot.DisposeAsync();
}

/// <summary>Two servers with the essay decks, a student in only one of them, and that student's DMs.</summary>
public sealed class TenancyTests(GlobalCommandsBot fixture) : IClassFixture<GlobalCommandsBot>
{
    private readonly PlaygroundBot _bot = fixture.Bot;

    private const string OneCardFears = """
        id: collapse-fears
        title: Collapse fears (our edit)
        cards:
          - id: only-card
            kind: basic
            prompt: Our server's only question?
            answers: [Ours]
        """;

    [Fact]
    public async Task TwoServers_UploadInOne_ChangesNothingInTheOther()
    {
        var (second, channel, teacher) = await _bot.AddServerAsync("Upload School");
        var firstGuild = ulong.Parse(_bot.World.Guild.Id);
        var secondGuild = ulong.Parse(second.Id);
        var firstBefore = await DeckStateAsync(firstGuild, "collapse-fears");
        var secondBefore = await DeckStateAsync(secondGuild, "collapse-fears");
        Assert.NotEqual(firstBefore.Id, secondBefore.Id);
        Assert.Equal(firstBefore.Live, secondBefore.Live);
        Assert.True(firstBefore.Live > 1);

        var upload = await Run(teacher, channel.Id, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("fears.yaml", TestDecks.Bytes(OneCardFears)))));

        Assert.Contains("version 2", MessageView.Text(upload.Message));
        var secondAfter = await DeckStateAsync(secondGuild, "collapse-fears");
        Assert.Equal((1, 2), (secondAfter.Live, secondAfter.Version));
        Assert.Equal(firstBefore, await DeckStateAsync(firstGuild, "collapse-fears"));
        var firstList = MessageView.Text((await _bot.RunAsync(_bot.You, "deck", CommandOptionInput.Sub("list"))).Message);
        var title = await _bot.QueryAsync(db => db.Decks.Where(d => d.GuildId == firstGuild && d.Key == "collapse-fears").Select(d => d.Title).SingleAsync());
        Assert.Contains($"**{title}** — `collapse-fears`", firstList);
        Assert.DoesNotContain("our edit", firstList);

        // Deck ids are unique per server: both servers may have their own week-1.
        var weekOne = TestDecks.Bytes("id: week-1\ntitle: Week 1\ncards:\n  - { id: q1, kind: basic, prompt: Q?, answers: [A] }\n");
        var inFirst = await _bot.RunAsync(_bot.You, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("week-1.yaml", weekOne))));
        var inSecond = await Run(teacher, channel.Id, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("week-1.yaml", weekOne))));
        Assert.Contains("Deck uploaded", MessageView.Text(inFirst.Message));
        Assert.Contains("Deck uploaded", MessageView.Text(inSecond.Message));
        Assert.Equal(2, await _bot.QueryAsync(db => db.Decks.CountAsync(d => d.Key == "week-1")));
    }

    [Fact]
    public async Task DirectMessageReview_StudentOfOneServer_IsOfferedOnlyThatServersDecksAndToldWhereEachCardIsFrom()
    {
        var (second, _, _) = await _bot.AddServerAsync("Other School");
        var student = _bot.AddStudent("dm-student");
        await _bot.RunAsync(student, "help");
        var dm = _bot.Emulator.State.GetOrCreateDm(student.Id);

        var offer = await Run(student, dm.Id, "review");

        var firstGuild = ulong.Parse(_bot.World.Guild.Id);
        var text = MessageView.Text(offer.Message);
        Assert.Contains("Choose what to study", text);
        Assert.Contains(_bot.World.Guild.Name, text);
        Assert.DoesNotContain(second.Name, text);
        // Joining turns the offer itself into the first card.
        var card = await _bot.ClickAsync(student, offer.Message!, MessageView.Button(offer.Message, l => l.StartsWith("Join all", StringComparison.Ordinal)));
        var userId = ulong.Parse(student.Id);
        var joinedGuilds = await _bot.QueryAsync(db => db.Enrolments.Where(e => e.UserId == userId)
            .Join(db.Decks, e => e.DeckId, d => d.Id, (e, d) => d.GuildId).Distinct().ToListAsync());
        Assert.Equal([firstGuild], joinedGuilds);

        var author = card.Message!["embeds"]![0]!["author"]!["name"]!.GetValue<string>();
        Assert.Contains($" · {_bot.World.Guild.Name}", author);
    }

    [Fact]
    public async Task DirectMessage_ServerOnlyCommands_AreNotOffered()
    {
        var student = _bot.AddStudent("dm-commands");
        var dm = _bot.Emulator.State.GetOrCreateDm(student.Id);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => student.RunCommandAsync(dm.Id, "deck", CommandOptionInput.Sub("list")));

        Assert.Contains("not offered in DMs", refused.Message);
        var stats = await Run(student, dm.Id, "stats");
        Assert.Contains("Your statistics", MessageView.Text(stats.Message));
    }

    [Fact]
    public async Task Review_StudentInTwoServers_CardsLeftTodayCountsOnlyThisServersDecks()
    {
        var (second, channel, teacher) = await _bot.AddServerAsync("Count School");
        await _bot.RunAsync(_bot.You, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("left-here.yaml", TestDecks.Bytes(
            "id: left-here\ntitle: Here\ncards:\n  - { id: q1, kind: basic, prompt: Here?, answers: [A] }\n")))));
        await Run(teacher, channel.Id, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("left-there.yaml", TestDecks.Bytes(
            "id: left-there\ntitle: There\ncards:\n  - { id: q1, kind: basic, prompt: There 1?, answers: [A] }\n  - { id: q2, kind: basic, prompt: There 2?, answers: [B] }\n  - { id: q3, kind: basic, prompt: There 3?, answers: [C] }\n")))));
        var student = _bot.AddStudent("two-schools");
        _bot.Emulator.State.AddMember(second.Id, student.Id);
        await Run(student, channel.Id, "review", new CommandOptionInput("deck", "left-there"));
        await _bot.RunAsync(student, "review", new CommandOptionInput("deck", "left-here"));

        // /review with no deck in the first server: its one card, not the other server's three as well.
        var here = MessageView.Text((await _bot.RunAsync(student, "review")).Message);

        Assert.Contains("Here?", here);
        Assert.Contains("· 1 left today", here);
        Assert.DoesNotContain("4 left today", here);
    }


    private async Task<(int Id, int Live, int Version)> DeckStateAsync(ulong guildId, string key)
    {
        var deck = await _bot.QueryAsync(db => db.Decks.SingleAsync(d => d.GuildId == guildId && d.Key == key));
        var live = await _bot.QueryAsync(db => db.Cards.CountAsync(c => c.DeckId == deck.Id && !c.Retired));
        return (deck.Id, live, deck.CurrentVersion);
    }

    private static async Task<InteractionOutcome> Run(SimulatedUser user, string channelId, string command, params CommandOptionInput[] options)
        => await (await user.RunCommandAsync(channelId, command, options)).WaitAsync(TimeSpan.FromSeconds(30));
}
