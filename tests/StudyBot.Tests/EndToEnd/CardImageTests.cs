using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Decks;
using StudyBot.Fuzz;
using StudyBot.Tests.Quiz;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// Images on cards through the real client and the emulator: a YAML deck uploaded with its image in
/// /deck upload, the card's message carrying the image as a multipart upload shown through
/// attachment://, in /review and in a channel quiz; /deck export giving it back. And the join
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

    private async Task<InteractionOutcome> UploadAsync(params (string Option, AttachmentInput File)[] images)
        => await Bot.RunAsync(Bot.You, "deck", CommandOptionInput.Sub("upload",
            [new CommandOptionInput("file", new AttachmentInput("pictures.yaml", TestDecks.Bytes(PictureDeck))),
             .. images.Select(i => new CommandOptionInput(i.Option, i.File))]));

    [Fact]
    public async Task UploadWithImage_ReviewCard_CarriesTheImageAsAnAttachmentShownInTheEmbed()
    {
        var uploaded = await UploadAsync(("image1", new AttachmentInput("yalu_map.png", _map, "image/png")));
        Assert.Contains("Rivers on the map", MessageView.Text(uploaded.Message));
        var stored = await Bot.QueryAsync(db => db.DeckImages.AsNoTracking().SingleAsync(i => i.Name == "yalu map.png"));
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

    private void AssertShowsMap(JsonObject message)
    {
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("yalu_map.png", attachment["filename"]!.GetValue<string>());
        Assert.Equal("attachment://yalu_map.png", message["embeds"]![0]!["image"]!["url"]!.GetValue<string>());
        var stored = Bot.Emulator.State.FindAttachment(attachment["id"]!.GetValue<string>())!;
        Assert.Equal("image/png", stored.ContentType);
        Assert.Equal(_map, stored.Bytes);
    }
}
