using System.IO.Compression;
using StudyBot.Core.Decks;

namespace StudyBot.Core.Tests.Decks;

/// <summary>Every way an archive is refused, each with its message. The hostile archives are built here.</summary>
[Collection(Hostile.ImportFilesCollection.Name)]
public class ApkgRejectionTests
{
    private static readonly string _genankiPackage = Path.Combine(AppContext.BaseDirectory, "reference", "anki", "genanki-js.apkg");

    private static void AddCollection(ZipArchive zip, string name = "collection.anki2")
    {
        using var source = ZipFile.OpenRead(_genankiPackage);
        using var from = source.GetEntry("collection.anki2")!.Open();
        using var to = zip.CreateEntry(name).Open();
        from.CopyTo(to);
    }

    private static void AddBytes(ZipArchive zip, string name, byte[] bytes, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var to = zip.CreateEntry(name, level).Open();
        to.Write(bytes);
    }

    private static StudyBot.Core.Decks.Validation.DeckLoadResult Load(Action<ZipArchive> fill, DeckLimits? limits = null)
    {
        var path = ApkgImportTests.TempZip(fill);
        try
        {
            return new DeckLoader(limits).LoadFile(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_ZipBomb_IsRefusedByCompressionRatio()
    {
        var result = Load(zip =>
        {
            AddCollection(zip);
            AddBytes(zip, "0", new byte[8 * 1024 * 1024]);
        });

        Assert.Null(result.Deck);
        var error = Assert.Single(result.Errors);
        Assert.Contains("the entry '0' unpacks to 8,388,608 bytes", error.Message);
        Assert.Contains("this looks like a zip bomb", error.Message);
    }

    [Fact]
    public void LoadFile_TooManyEntries_IsRefused()
    {
        var result = Load(zip =>
        {
            AddCollection(zip);
            for (var i = 0; i < 10; i++)
            {
                AddBytes(zip, i.ToString(), [1, 2, 3]);
            }
        }, new DeckLimits { MaxArchiveEntries = 10 });

        Assert.Contains("the archive declares 11 entries; the limit is 10", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_TooLargeUnpacked_IsRefused()
    {
        var random = new byte[300_000];
        new Random(7).NextBytes(random);

        var result = Load(zip =>
        {
            AddCollection(zip);
            AddBytes(zip, "0", random, CompressionLevel.NoCompression);
        }, new DeckLimits { MaxUnpackedBytes = 200_000 });

        Assert.Contains("the limit is 200,000: export the deck without media", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("../collection.anki2")]
    [InlineData("/etc/collection.anki2")]
    [InlineData("media/../../evil")]
    [InlineData("C:/Windows/evil")]
    public void LoadFile_EntryOutsideArchive_IsIgnoredWithWarning(string name)
    {
        var result = Load(zip =>
        {
            AddCollection(zip);
            AddBytes(zip, name, [1]);
        });

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Warnings, w => w.Message == $"the entry '{name}' points outside the archive; it is ignored.");
    }

    [Fact]
    public void LoadFile_CollectionOnlyOutsideArchive_IsNotRead()
    {
        var result = Load(zip => AddCollection(zip, "../collection.anki2"));

        Assert.Contains(result.Errors, e => e.Message.Contains("holds no collection.anki21 or collection.anki2"));
    }

    [Fact]
    public void LoadFile_NotAZip_SaysHowToExport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-zip-{Guid.NewGuid():N}.apkg");
        File.WriteAllText(path, "id: d\ntitle: T\n");
        try
        {
            Assert.Contains("not a zip archive", Assert.Single(new DeckLoader().LoadFile(path).Errors).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_OnlyNewAnkiFormat_AsksForLegacyExport()
    {
        var result = Load(zip => AddBytes(zip, "collection.anki21b", [0x28, 0xb5, 0x2f, 0xfd]));

        Assert.Contains("Support older Anki versions", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_CollectionNotSqlite_IsReportedNotThrown()
    {
        var result = Load(zip => AddBytes(zip, "collection.anki2", "definitely not sqlite"u8.ToArray()));

        Assert.Contains("cannot be read", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadFile_PackageLargerThanLimit_IsRefusedUnopened()
    {
        var result = Load(zip => AddCollection(zip), new DeckLimits { MaxArchiveBytes = 100 });

        Assert.Contains("export the deck without media", Assert.Single(result.Errors).Message);
    }
}

[Collection(Hostile.ImportFilesCollection.Name)]
public class ApkgRobustnessTests
{
    [Fact]
    public void LoadApkg_TruncatedOrCorruptedPackages_NeverThrow()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "reference", "anki", "genanki-js.apkg"));
        var random = new Random(11);
        var inputs = Enumerable.Range(0, 40).Select(i => bytes[..(bytes.Length * i / 40)]).ToList();
        for (var i = 0; i < 60; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var flips = 0; flips < 1 + i % 5; flips++)
            {
                copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
            }
            inputs.Add(copy);
        }

        foreach (var input in inputs)
        {
            var result = new DeckLoader().LoadApkg(new MemoryStream(input), "broken.apkg");
            Assert.True(result.Deck is not null || result.Errors.Any());
        }
    }
}
