using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats;
using StudyBot.Core.Decks.Formats.Yaml;
using StudyBot.Core.Decks.Images;
using StudyBot.Fuzz;

namespace StudyBot.Core.Tests.Decks.Images;

/// <summary>
/// Cards with images: a YAML deck's <c>image:</c> found beside the file or among the attachments
/// uploaded with it, an Anki package's media, and each refusal naming the file, line, card and what to change.
/// </summary>
[Collection(Hostile.ImportFilesCollection.Name)]
public sealed class DeckImageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("studybot-images-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly byte[] _map = TestImages.Png(64, 40, (30, 90, 160));

    private string Deck(string yamlCards, params (string Name, byte[] Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
        var deck = Path.Combine(_folder, "geo.yaml");
        File.WriteAllText(deck, "id: geo\ntitle: Geography\ncards:\n" + yamlCards);
        return deck;
    }

    private static string Card(string id, string image) =>
        $"  - id: {id}\n    kind: basic\n    prompt: What does the picture show?\n    answer: The Yalu\n    image: {image}\n";

    [Fact]
    public void LoadFile_ImageBesideTheDeck_IsOnTheCardWithItsDimensions()
    {
        var path = Deck(Card("yalu", "images/map.png") + Card("yalu-2", "images/map.png"), ("images/map.png", _map));

        var result = new DeckLoader().LoadFile(path);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.All(result.Deck!.Cards, c => Assert.Equal("images/map.png", c.Image));
        var image = Assert.Single(result.Deck.Images);
        Assert.Equal((ImageFormat.Png, 64, 40, "map.png"), (image.Format, image.Width, image.Height, image.FileName));
        Assert.Equal(_map, image.Content);
    }

    [Fact]
    public void LoadBytes_ImageAttachedWithTheDeck_IsFoundByItsFileName()
    {
        var yaml = "id: geo\ntitle: Geography\ncards:\n" + Card("yalu", "my map.png");
        var attached = new AttachedImages(new Dictionary<string, ImageFetch> { ["my_map.png"] = ImageFetch.Found(_map) });

        var result = new DeckLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes(yaml), "geo.yaml", new DeckReadOptions { Images = attached });

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("my map.png", result.Deck!.Cards.Single().Image);
    }

    [Fact]
    public void LoadBytes_ImageNotAttached_SaysToAttachIt()
    {
        var yaml = "id: geo\ntitle: Geography\ncards:\n" + Card("yalu", "map.png");

        var result = new DeckLoader().LoadBytes(System.Text.Encoding.UTF8.GetBytes(yaml), "geo.yaml", new DeckReadOptions { Images = AttachedImages.None });

        var error = result.Error("the image 'map.png' cannot be found: attach the image to one of /deck upload's image options");
        Assert.Equal(("geo.yaml", 8, "yalu"), (error.File, error.Line, error.CardId));
    }

    [Fact]
    public void LoadFile_MissingImage_NamesFileLineCardAndWhereToPutIt()
    {
        var path = Deck(Card("first", "map.png") + Card("yalu", "maps/yalu.png"), ("map.png", _map));

        var result = new DeckLoader().LoadFile(path);

        var error = result.Error("the image 'maps/yalu.png' cannot be found: put the image in the deck file's folder");
        Assert.Equal(("geo.yaml", 13, "yalu"), (Path.GetFileName(error.File), error.Line, error.CardId));
        Assert.Single(result.Errors);
    }

    [Fact]
    public void LoadFile_TextNamedPng_IsRefusedByItsMagicBytes()
    {
        var path = Deck(Card("yalu", "map.png"), ("map.png", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()));

        var error = new DeckLoader().LoadFile(path).Error("the file 'map.png' is text (HTML or SVG) by its first bytes, not a PNG, JPEG, GIF or WebP image: convert it to PNG or JPEG.");

        Assert.Equal((8, "yalu"), (error.Line, error.CardId));
    }

    [Fact]
    public void LoadFile_GifNamedPng_IsTakenAsGifWithAWarning()
    {
        var path = Deck(Card("yalu", "map.png"), ("map.png", TestImages.GifHeader(20, 10)));

        var result = new DeckLoader().LoadFile(path);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Contains("'map.png' is a GIF image by its bytes, though its name says PNG; it is shown as map.gif", Assert.Single(result.Warnings).Message);
        Assert.Equal("map.gif", result.Deck!.Images.Single().FileName);
    }

    [Theory]
    [InlineData("../outside.png", "leaves the deck's folder or is absolute")]
    [InlineData("/etc/passwd.png", "leaves the deck's folder or is absolute")]
    [InlineData("map.bmp", "'map.bmp' is not a PNG, JPEG, GIF or WebP file (its extension is .bmp): convert it to PNG or JPEG.")]
    [InlineData("https://example.com/map.png", "is a web address; `image` takes a file uploaded with the deck")]
    public void LoadFile_NameThatCannotBeUsed_IsRefusedBeforeAnyRead(string name, string message)
    {
        var path = Deck(Card("yalu", $"\"{name}\""));

        var error = new DeckLoader().LoadFile(path).Error(message);

        Assert.Equal("yalu", error.CardId);
    }

    [Fact]
    public void LoadFile_ImageOverTheSizeLimit_SaysHowLargeAndWhatToDo()
    {
        var path = Deck(Card("yalu", "map.png"), ("map.png", _map));
        var limits = DeckLimits.Default with { MaxImageBytes = 100 };

        var error = new DeckLoader(limits).LoadFile(path).Error("the image 'map.png' is");

        Assert.Contains("the limit is 1 KB an image: resize it", error.Message);
        Assert.Equal((8, "yalu"), (error.Line, error.CardId));
    }

    [Fact]
    public void LoadFile_ImageWithinEveryLimit_IsAccepted()
    {
        var path = Deck(Card("yalu", "map.png"), ("map.png", _map));
        var limits = DeckLimits.Default with { MaxImageBytes = _map.Length, MaxImages = 1, MaxImageTotalBytes = _map.Length, MaxImageSide = 64 };

        Assert.True(new DeckLoader(limits).LoadFile(path).IsValid);
    }

    [Fact]
    public void LoadFile_MoreImagesThanTheLimit_RefusesTheFirstOneOver()
    {
        var path = Deck(Card("a", "a.png") + Card("b", "b.png") + Card("c", "a.png") + Card("d", "c.png"),
            ("a.png", _map), ("b.png", _map), ("c.png", _map));
        var limits = DeckLimits.Default with { MaxImages = 2 };

        var error = new DeckLoader(limits).LoadFile(path).Error("would be image number 3 of the deck; a deck may show at most 2 images");

        Assert.Equal("d", error.CardId);
    }

    [Fact]
    public void LoadFile_ImagesOverTheTotalOrTheSide_AreRefused()
    {
        var path = Deck(Card("a", "a.png") + Card("b", "b.png"), ("a.png", _map), ("b.png", _map));

        var total = new DeckLoader(DeckLimits.Default with { MaxImageTotalBytes = _map.Length + 10 }).LoadFile(path);
        var side = new DeckLoader(DeckLimits.Default with { MaxImageSide = 50 }).LoadFile(path);

        Assert.Equal("b", total.Error("the deck's images would take more than").CardId);
        Assert.Equal("a", side.Error("the image 'a.png' is 64 × 40 px; the limit is 50 px a side: scale it down.").CardId);
    }

    [Fact]
    public void LoadText_ImageWithNoSource_SaysTheDeckWasReadWithoutImages()
    {
        var result = DeckText.Load("id: geo\ntitle: Geography\ncards:\n" + Card("yalu", "map.png"));

        Assert.Contains("this deck was read without its images", result.Error("the image 'map.png' cannot be found").Message);
    }

    [Fact]
    public void Export_ThenReadBack_KeepsTheImageField()
    {
        var path = Deck(Card("yalu", "images/map.png"), ("images/map.png", _map));
        var deck = new DeckLoader().LoadFile(path).Deck!;
        var copy = Path.Combine(_folder, "copy.yaml");

        File.WriteAllText(copy, YamlDeckWriter.Write(deck));
        var again = new DeckLoader().LoadFile(copy);

        Assert.True(again.IsValid, string.Join("\n", again.Diagnostics));
        Assert.Equal("images/map.png", again.Deck!.Cards.Single().Image);
        Assert.Equal(_map, again.Deck.Images.Single().Content);
    }

    private static string BasicModel() => HostileFiles.Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]);

    [Fact]
    public void Apkg_ImageInTheFront_ComesWithTheCardFromTheMediaMap()
    {
        var package = HostileFiles.Package(BasicModel(),
            [(1, "Which river is this? <img src=\"yalu map.png\">\u001FThe Yalu", 1), (2, "No picture\u001FNone", 1)],
            new Dictionary<string, byte[]> { ["yalu map.png"] = _map, ["unused.mp3"] = [1, 2, 3] });

        var result = new DeckLoader().LoadBytes(package, "geo.apkg");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var card = result.Deck!.Cards.Single(c => c.Image is not null);
        Assert.Equal(("Which river is this?", "yalu map.png"), (card.Prompt, card.Image));
        var image = Assert.Single(result.Deck.Images);
        Assert.Equal(("yalu_map.png", 64, 40), (image.FileName, image.Width, image.Height));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Apkg_ImagesThatCannotBeUsed_AreLeftOutWithAWarningAndTheDeckImports()
    {
        var package = HostileFiles.Package(BasicModel(),
            [(1, "<img src='big.png'>Big\u001Fa", 1), (2, "<img src='fake.png'>Fake\u001Fb", 1), (3, "<img src='gone.png'>Gone\u001Fc", 1),
             (4, "<img src='ok.png'> <img src='second.png'>Two\u001Fd", 1)],
            new Dictionary<string, byte[]> { ["big.png"] = TestImages.Png(300, 300, (1, 2, 3)), ["fake.png"] = "%PDF-1.4"u8.ToArray(), ["ok.png"] = _map, ["second.png"] = _map });
        var limits = DeckLimits.Default with { MaxImageBytes = _map.Length };

        var result = new DeckLoader(limits).LoadBytes(package, "geo.apkg");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal(["ok.png"], result.Deck!.Cards.Select(c => c.Image).OfType<string>());
        var warnings = result.Warnings.Select(w => w.Message).ToList();
        Assert.Contains(warnings, w => w.Contains("the image 'big.png' is") && w.EndsWith("The card is imported without it.", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("the file 'fake.png' is a PDF document by its first bytes"));
        Assert.Contains(warnings, w => w.Contains("the image 'gone.png' cannot be found: the package does not hold it"));
        Assert.Contains(warnings, w => w.Contains("refers to 2 images; a card shows one, so it shows 'ok.png' and leaves out 'second.png'"));
    }
}
