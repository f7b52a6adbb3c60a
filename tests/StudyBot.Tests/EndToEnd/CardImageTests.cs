using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Daily;
using StudyBot.Features.Decks;
using StudyBot.Fuzz;
using StudyBot.Tests.Quiz;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// Images on cards through the real client and the emulator: a YAML deck uploaded with its image in
/// /deck upload, the card's message carrying the image as a multipart upload shown through
/// attachment://, in /review, in a channel quiz and in the question of the day; a re-upload that
/// replaces or drops a card's image; /deck export giving it back. And the join
/// offer's select menu, forged with another server's deck: refused.
/// </summary>
public sealed class CardImageTests(FakeClockBot fixture) : IClassFixture<FakeClockBot>
{
    private const string PictureDeck = """
        id: e2e-pictures
        title: Rivers on the map
        cards:
          - id: yalu
            kind: typed
            prompt: Which river is drawn in blue?
            answers: [Yalu, the Yalu River]
            image: yalu map.png
          - id: plain
            kind: typed
            prompt: Which sea lies east of Korea?
            answers: [East Sea, the East Sea]
        """;

    private static readonly byte[] _map = TestImages.Png(120, 80, (40, 110, 200));

    private PlaygroundBot Bot => fixture.Bot;

    private Task<InteractionOutcome> UploadAsync(params (string Option, AttachmentInput File)[] images)
        => UploadYamlAsync(PictureDeck, images);

    private async Task<InteractionOutcome> UploadYamlAsync(string yaml, params (string Option, AttachmentInput File)[] images)
        => await Bot.RunAsync(Bot.You, "deck", CommandOptionInput.Sub("upload",
            [new CommandOptionInput("file", new AttachmentInput("pictures.yaml", TestDecks.Bytes(yaml))),
             .. images.Select(i => new CommandOptionInput(i.Option, i.File))]));

    [Fact]
    public async Task UploadWithImage_ReviewCard_CarriesTheImageAsAnAttachmentShownInTheEmbed()
    {
        var uploaded = await UploadAsync(("image1", new AttachmentInput("yalu_map.png", _map, "image/png")));
        Assert.Contains("Rivers on the map", MessageView.Text(uploaded.Message));
        var stored = await Bot.QueryAsync(db => db.DeckImages.AsNoTracking().SingleAsync(i => i.Name == "yalu map.png" && db.Decks.Any(d => d.Id == i.DeckId && d.Key == "e2e-pictures")));
        Assert.Equal((120, 80), (stored.Width, stored.Height));
        Assert.Equal(_map, stored.Content);

        var student = Bot.AddStudent("picture-reader");
        var card = await Bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-pictures"));
        var shown = card.Message!;
        Assert.Contains("Which river is drawn in blue?", MessageView.Text(shown));
        AssertShowsMap(shown);

        // The answer's screen shows the picture again; the next card (without one) drops it.
        var opened = await student.ClickButtonAsync(MessageView.Id(shown), MessageView.ButtonLabelled(shown, "Answer"));
        await opened.Callback.WaitAsync(TimeSpan.FromSeconds(30));
        var answered = (await (await student.SubmitModalAsync(opened, new Dictionary<string, string> { ["answer"] = "Yalu" })).WaitAsync(TimeSpan.FromSeconds(30))).Message!;
        Assert.Contains("Yalu", MessageView.Text(answered));
        AssertShowsMap(answered);
        var next = (await Bot.ClickAsync(student, answered, MessageView.ButtonLabelled(answered, "Next card"))).Message!;
        Assert.Contains("Which sea lies east of Korea?", MessageView.Text(next));
        Assert.Empty(next["attachments"]!.AsArray());
        Assert.Null(next["embeds"]![0]!["image"]);
    }

    [Fact]
    public async Task QuizQuestion_OfAnImageCard_IsPostedWithTheImage()
    {
        await UploadAsync(("image1", new AttachmentInput("yalu_map.png", _map, "image/png")));

        var started = await Bot.RunAsync(Bot.You, "quiz", CommandOptionInput.Sub("start", new CommandOptionInput("deck", "e2e-pictures"), new CommandOptionInput("questions", 2), new CommandOptionInput("seconds", 30)));

        Assert.Contains("Quiz started", started.Content);
        var session = await Bot.QueryAsync(db => db.QuizSessions.OrderByDescending(s => s.Id).FirstAsync());
        var first = await QuizPlay.QuestionAsync(Bot, session.Id, 0);
        if (first.Card.Id != "yalu")
        {
            Assert.Empty(first.Message["attachments"]!.AsArray());
            fixture.Time.Advance(TimeSpan.FromSeconds(31));
            first = await QuizPlay.QuestionAsync(Bot, session.Id, 1);
        }
        Assert.Equal("yalu", first.Card.Id);
        AssertShowsMap(first.Message);
        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(first.Message), t => t.Contains("closed"));
        AssertShowsMap(closed);
    }

    [Fact]
    public async Task QuestionOfTheDay_OnAnImageCard_IsPostedWithTheImage_AndClosesWithIt()
    {
        await UploadYamlAsync("""
            id: e2e-daily-picture
            title: Map of the day
            cards:
              - id: yalu-daily
                kind: typed
                prompt: Which river is drawn in blue on this map?
                answers: [Yalu, the Yalu River]
                image: yalu map.png
            """, ("image1", new AttachmentInput("yalu_map.png", _map, "image/png")));
        var set = await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("set", new CommandOptionInput("channel", Bot.ChannelId), new CommandOptionInput("time", "06:00"), new CommandOptionInput("deck", "e2e-daily-picture")));
        Assert.Contains("every day at 06:00", set.Content);
        var scheduler = await Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var guildId = ulong.Parse(Bot.World.Guild.Id, CultureInfo.InvariantCulture);

        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));

        var posted = await QuizPlay.PostedAsync(Bot, q => q.Daily);
        Assert.Equal("yalu-daily", posted.Card.Id);
        Assert.Contains("Question of the day", MessageView.Text(posted.Message));
        AssertShows(posted.Message, "yalu_map.png", _map);
        Assert.Contains("is right", await QuizPlay.AnswerAsync(Bot.AddStudent("daily-map-reader"), posted, "Yalu"));

        // The next day's post closes this one: the closed question keeps its picture.
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TriggerJob(DailyScheduler.JobFor(guildId));
        var closed = await QuizPlay.MessageAsync(Bot.Emulator, MessageView.Id(posted.Message), t => t.Contains("Question of the day: closed"));
        AssertShows(closed, "yalu_map.png", _map);
        Assert.Equal("The question of the day is off.", (await Bot.RunAsync(Bot.You, "daily", CommandOptionInput.Sub("off"))).Content);
    }

    [Fact]
    public async Task ReUpload_ReplacingThenDroppingACardsImage_ShowsTheNewImageThenNone_AndKeepsNoOldOne()
    {
        const string Versions = """
            id: e2e-repictures
            title: Rivers, redrawn
            cards:
              - id: yalu-redrawn
                kind: typed
                prompt: Which river is drawn on this map?
                answers: [Yalu]
            {0}
              - id: sea
                kind: typed
                prompt: Which sea lies east of Korea?
                answers: [East Sea]
            """;
        var redrawn = TestImages.Png(90, 60, (200, 60, 30));
        var deckId = await UploadVersionAsync(Versions, "    image: yalu map.png", ("yalu_map.png", _map));
        AssertShows(await FirstCardAsync("old-map-reader"), "yalu_map.png", _map);

        // Version 2: the card names another file, with other bytes.
        Assert.Equal(deckId, await UploadVersionAsync(Versions, "    image: yalu redrawn.png", ("yalu_redrawn.png", redrawn)));
        AssertShows(await FirstCardAsync("new-map-reader"), "yalu_redrawn.png", redrawn);
        var kept = await Bot.QueryAsync(db => db.DeckImages.AsNoTracking().Where(i => i.DeckId == deckId).ToListAsync());
        Assert.Equal(["yalu redrawn.png"], kept.Select(i => i.Name));
        Assert.Equal(redrawn, kept[0].Content);

        // Version 3: the same name with other bytes replaces the picture in place.
        Assert.Equal(deckId, await UploadVersionAsync(Versions, "    image: yalu redrawn.png", ("yalu_redrawn.png", _map)));
        AssertShows(await FirstCardAsync("same-name-reader"), "yalu_redrawn.png", _map);

        // Version 4: the card has no image any more; the deck keeps none.
        Assert.Equal(deckId, await UploadVersionAsync(Versions, "", null));
        var plain = await FirstCardAsync("no-map-reader");
        Assert.Empty(plain["attachments"]!.AsArray());
        Assert.Null(plain["embeds"]![0]!["image"]);
        Assert.False(await Bot.QueryAsync(db => db.DeckImages.AnyAsync(i => i.DeckId == deckId)));
        Assert.Null(await Bot.QueryAsync(db => db.Cards.Where(c => c.DeckId == deckId && c.Key == "yalu-redrawn").Select(c => c.Image).SingleAsync()));
    }

    private async Task<int> UploadVersionAsync(string versions, string imageLine, (string FileName, byte[] Bytes)? image)
    {
        var yaml = versions.Replace("{0}\n", imageLine.Length > 0 ? imageLine + "\n" : "", StringComparison.Ordinal);
        var uploaded = image is { } i
            ? await UploadYamlAsync(yaml, ("image1", new AttachmentInput(i.FileName, i.Bytes, "image/png")))
            : await UploadYamlAsync(yaml);
        Assert.Contains("Rivers, redrawn", MessageView.Text(uploaded.Message));
        return await Bot.QueryAsync(db => db.Decks.Where(d => d.Key == "e2e-repictures").Select(d => d.Id).SingleAsync());
    }

    /// <summary>A new student's first card of the redrawn deck: the river card, always first among new cards.</summary>
    private async Task<JsonObject> FirstCardAsync(string student)
    {
        var shown = (await Bot.RunAsync(Bot.AddStudent(student), "review", new CommandOptionInput("deck", "e2e-repictures"))).Message!;
        Assert.Contains("Which river is drawn on this map?", MessageView.Text(shown));
        return shown;
    }

    [Fact]
    public async Task UploadApkg_ImageInTheMedia_IsStoredAndShownOnTheCard()
    {
        var package = HostileFiles.Package(
            HostileFiles.Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]),
            [(1, "Which river is drawn in blue? <img src=\"yalu map.png\">\u001FThe Yalu", 1)],
            new Dictionary<string, byte[]> { ["yalu map.png"] = _map });

        var uploaded = await Bot.RunAsync(Bot.You, "deck", CommandOptionInput.Sub("upload", new CommandOptionInput("file", new AttachmentInput("anki-rivers.apkg", package))));

        Assert.DoesNotContain("not uploaded", MessageView.Text(uploaded.Message), StringComparison.Ordinal);
        var deck = await Bot.QueryAsync(db => db.DeckImages.AsNoTracking().Where(i => i.Name == "yalu map.png").OrderByDescending(i => i.DeckId)
            .Join(db.Decks, i => i.DeckId, d => d.Id, (i, d) => new { d.Key, i.Content }).FirstAsync());
        Assert.Equal(_map, deck.Content);
        var card = (await Bot.RunAsync(Bot.AddStudent("anki-map-reader"), "review", new CommandOptionInput("deck", deck.Key))).Message!;
        Assert.Contains("Which river is drawn in blue?", MessageView.Text(card));
        AssertShowsMap(card);
    }

    [Fact]
    public async Task Upload_ImageThatIsNotAnImage_IsRefusedNamingFileLineAndCard()
    {
        var outcome = await UploadAsync(("image1", new AttachmentInput("yalu_map.png", "<html>not a picture</html>"u8.ToArray(), "image/png")));

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("Deck not uploaded", text);
        Assert.Contains("pictures.yaml:8:", text);
        Assert.Contains("[yalu]", text);
        Assert.Contains("is text (HTML or SVG) by its first bytes, not a PNG, JPEG, GIF or WebP image", text);
    }

    [Fact]
    public async Task Upload_ImageMissing_SaysToAttachIt()
    {
        var outcome = await UploadAsync();

        var text = MessageView.Text(outcome.Message);
        Assert.Contains("pictures.yaml:8:", text);
        Assert.Contains("the image 'yalu map.png' cannot be found: attach the image to one of /deck upload's image options", text);
    }

    [Fact]
    public async Task Export_DeckWithImage_GivesTheYamlAndTheImageUnderTheNameItUses()
    {
        await UploadAsync(("image1", new AttachmentInput("yalu_map.png", _map, "image/png")));

        var export = await Bot.RunAsync(Bot.You, "deck", CommandOptionInput.Sub("export", new CommandOptionInput("deck", "e2e-pictures")));

        var files = export.Message!["attachments"]!.AsArray().Select(a => a!).ToList();
        Assert.Equal(["e2e-pictures.yaml", "yalu map.png"], files.Select(f => f["filename"]!.GetValue<string>()));
        var bytes = Bot.Emulator.State.FindAttachment(files[1]["id"]!.GetValue<string>())!.Bytes;
        Assert.Equal(_map, bytes);
        var yaml = System.Text.Encoding.UTF8.GetString(Bot.Emulator.State.FindAttachment(files[0]["id"]!.GetValue<string>())!.Bytes);
        Assert.Contains("image: yalu map.png", yaml);
    }

    [Fact]
    public async Task JoinSelect_ForgedWithAnotherServersDeck_IsRefusedAndJoinsNothing()
    {
        var (other, _, _) = await Bot.AddServerAsync("Other school");
        var otherId = ulong.Parse(other.Id, CultureInfo.InvariantCulture);
        var foreignDeck = await Bot.QueryAsync(db => db.Decks.Where(d => d.GuildId == otherId).Select(d => d.Id).FirstAsync());
        var student = Bot.AddStudent("select-forger");
        var offer = await Bot.RunAsync(student, "review");
        Assert.Contains(MessageView.Buttons(offer.Message), b => b.Label.StartsWith("Join ", StringComparison.Ordinal));

        var forged = await (await student.ForgeSelectAsync(MessageView.Id(offer.Message!), DeckIds.JoinSelect, foreignDeck.ToString(CultureInfo.InvariantCulture))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(DeckViews.NoLongerAvailableText, MessageView.Text(forged.Message));
        var userId = ulong.Parse(student.Id, CultureInfo.InvariantCulture);
        Assert.False(await Bot.QueryAsync(db => db.Enrolments.AnyAsync(e => e.UserId == userId)));
    }

    private void AssertShowsMap(JsonObject message) => AssertShows(message, "yalu_map.png", _map);

    private void AssertShows(JsonObject message, string fileName, byte[] bytes)
    {
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal(fileName, attachment["filename"]!.GetValue<string>());
        Assert.Equal("attachment://" + fileName, message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        var stored = Bot.Emulator.State.FindAttachment(attachment["id"]!.GetValue<string>())!;
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(bytes, stored.Bytes);
    }
}
