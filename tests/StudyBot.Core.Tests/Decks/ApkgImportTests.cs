using System.IO.Compression;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks;

/// <summary>Imports packages made by anki-apkg-export and genanki-js (tests/reference/anki).</summary>
[Collection(Hostile.ImportFilesCollection.Name)]
public class ApkgImportTests
{
    private static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "reference", "anki", name);

    private static DeckLoadResult Import(string name) => new DeckLoader().LoadFile(Reference(name));

    private static DeckCard Card(DeckLoadResult result, string id) =>
        result.Deck!.Cards.SingleOrDefault(c => c.Id == id)
        ?? throw new Xunit.Sdk.XunitException($"no card '{id}' among {string.Join(", ", result.Deck.Cards.Select(c => c.Id))}");

    [Fact]
    public void LoadFile_GenankiBasicNote_BecomesBasicCardWithMarkdownAndGuidId()
    {
        var result = Import("genanki-js.apkg");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("Korean Peninsula Facts", result.Deck!.Title);
        var card = Card(result, CardIds.FromKey("anki", "gk-basic-yalu"));
        Assert.Equal(CardKind.Basic, card.Kind);
        Assert.Equal("Which river marks much of the China–North Korea border?", card.Prompt);
        Assert.Equal(["The **Yalu** River"], card.Answers);
        Assert.Equal(["geography"], card.Tags);
        Assert.Null(card.NoteId);
    }

    [Fact]
    public void LoadFile_GenankiReversedNote_BecomesTwoSiblingCards()
    {
        var result = Import("genanki-js.apkg");
        var note = CardIds.FromKey("anki", "gk-reversed-seoul");

        var forward = Card(result, note + "#f");
        var reverse = Card(result, note + "#r");

        Assert.Equal(("Capital of South Korea", "Seoul"), (forward.Prompt, forward.Answers.Single()));
        Assert.Equal(("Seoul", "Capital of South Korea"), (reverse.Prompt, reverse.Answers.Single()));
        Assert.Equal(note, forward.NoteId);
        Assert.Equal(note, reverse.NoteId);
    }

    [Fact]
    public void LoadFile_GenankiTypeInTheAnswer_BecomesTypedCard()
    {
        var card = Card(Import("genanki-js.apkg"), CardIds.FromKey("anki", "gk-typed-1953"));

        Assert.Equal(CardKind.Typed, card.Kind);
        Assert.Equal("In which year did the Korean War armistice get signed?", card.Prompt);
        Assert.Equal(["1953"], card.Answers);
    }

    [Fact]
    public void LoadFile_GenankiClozeNote_BecomesOneCardPerDeletionWithBackExtraAsExplanation()
    {
        var result = Import("genanki-js.apkg");
        var note = CardIds.FromKey("anki", "gk-cloze-armistice");

        var c1 = Card(result, note + "#c1");
        var c2 = Card(result, note + "#c2");

        Assert.Equal("The armistice was signed at [...] in 1953.", c1.Prompt);
        Assert.Equal(["Panmunjom"], c1.Answers);
        Assert.Equal("The armistice was signed at Panmunjom in [year].", c2.Prompt);
        Assert.Equal(["1953"], c2.Answers);
        Assert.Equal("year", c2.Hint);
        Assert.Equal("It ended the __fighting__, not the war.", c1.Explanation);
        Assert.Equal(["history"], c2.Tags);
    }

    [Fact]
    public void LoadFile_GenankiClozeReusingNumber_BlanksBothPlacesOnOneCard()
    {
        var note = CardIds.FromKey("anki", "gk-cloze-kims");
        var result = Import("genanki-js.apkg");

        var c1 = Card(result, note + "#c1");

        Assert.Equal("[...] founded the state; his grandson Kim Jong Un rules it; [...] died in 1994.", c1.Prompt);
        Assert.Equal(["Kim Il Sung", "he"], c1.Answers);
        Assert.Equal(2, result.Deck!.Cards.Count(c => c.NoteId == note));
    }

    [Fact]
    public void LoadFile_GenankiSoundReference_IsWarnedAboutAndLeftOut()
    {
        var result = Import("genanki-js.apkg");
        var id = CardIds.FromKey("anki", "gk-basic-audio");

        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("media"));
        Assert.Equal(id, warning.CardId);
        Assert.Contains("media file 'pyeonghwa.mp3'", warning.Message);
        Assert.Equal(["pyeonghwa"], Card(result, id).Answers);
        Assert.Equal("Say the word for *peace*", Card(result, id).Prompt);
    }

    [Fact]
    public void LoadFile_AnkiApkgExport_ImportsEveryNoteWithHtmlConverted()
    {
        var result = Import("anki-apkg-export.apkg");

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("Peninsula Basics", result.Deck!.Title);
        Assert.Equal(3, result.Deck.Cards.Count);
        Assert.All(result.Deck.Cards, c => Assert.Matches("^anki-[0-9a-f]{12}$", c.Id));
        var capital = result.Deck.Cards.Single(c => c.Prompt == "What is the capital of North Korea?");
        Assert.Equal(["**Pyongyang**"], capital.Answers);
        Assert.Equal(["capitals"], capital.Tags);
        var sea = result.Deck.Cards.Single(c => c.Prompt == "Which sea lies *east* of the peninsula?");
        Assert.Equal(["The East Sea\n(Sea of Japan)"], sea.Answers);
        Assert.Equal(["geography", "seas"], sea.Tags);
        var dmz = result.Deck.Cards.Single(c => c.Prompt == "Where is the DMZ?");
        Assert.Equal(["Along the 38th parallel & the 1953 ceasefire line"], dmz.Answers);
        // The package's map.png is four bytes: a PNG signature cut short, so the card comes without it.
        Assert.Contains("the image 'map.png' starts as a PNG file but its header is damaged or cut short", Assert.Single(result.Warnings).Message);
        Assert.All(result.Deck.Cards, c => Assert.Null(c.Image));
    }

    [Fact]
    public void LoadFile_SamePackageTwice_GivesSameIds()
    {
        Assert.Equal(Import("anki-apkg-export.apkg").Deck!.Cards.Select(c => c.Id), Import("anki-apkg-export.apkg").Deck!.Cards.Select(c => c.Id));
    }

    [Fact]
    public void LoadFile_CollectionAnki21_IsPreferredOverLegacyStub()
    {
        var path = TempZip(zip =>
        {
            using var source = ZipFile.OpenRead(Reference("genanki-js.apkg"));
            Copy(source.GetEntry("collection.anki2")!, zip, "collection.anki21");
            // What Anki 2.1.50+ leaves for old versions: a collection whose only note asks to update.
            using var stub = ZipFile.OpenRead(Reference("anki-apkg-export.apkg"));
            Copy(stub.GetEntry("collection.anki2")!, zip, "collection.anki2");
        });

        var result = new DeckLoader().LoadFile(path);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Equal("Korean Peninsula Facts", result.Deck!.Title);
        File.Delete(path);
    }

    internal static string TempZip(Action<ZipArchive> fill)
    {
        var path = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.apkg");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            fill(zip);
        }
        return path;
    }

    private static void Copy(ZipArchiveEntry from, ZipArchive to, string name)
    {
        using var source = from.Open();
        using var target = to.CreateEntry(name).Open();
        source.CopyTo(target);
    }
}
