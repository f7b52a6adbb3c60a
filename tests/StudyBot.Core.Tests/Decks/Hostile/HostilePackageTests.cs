using System.IO.Compression;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Decks;
using StudyBot.Core.Decks.Formats.Anki;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Tests.Decks.Hostile;

/// <summary>
/// Anki packages built to hurt: a collection whose notes are a recursive view, a central directory
/// declaring more entries than the limit, and the import files a killed process leaves behind.
/// </summary>
[Collection(ImportFilesCollection.Name)]
public class HostilePackageTests
{
    private static readonly string _genankiPackage = Path.Combine(AppContext.BaseDirectory, "reference", "anki", "genanki-js.apkg");

    /// <summary>A collection whose `notes` is a view that recurses forever (3.6 KB zipped in the report).</summary>
    private static string RecursiveViewPackage()
    {
        var collection = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.anki2");
        using (var connection = new SqliteConnection($"Data Source={collection};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT, decks TEXT);
                INSERT INTO col VALUES (1, '{"1":{"id":1,"name":"Basic","flds":[{"name":"Front"},{"name":"Back"}],"tmpls":[{"name":"Card 1"}],"type":0}}', '{}');
                CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, ord INTEGER, did INTEGER);
                CREATE VIEW notes AS
                  WITH RECURSIVE r(id, guid, mid, tags, flds) AS (
                    SELECT 1, 'g', 1, '', printf('%.1000c', 'x')
                    UNION ALL SELECT id + 1, guid, mid, tags, flds || flds FROM r)
                  SELECT * FROM r;
                """;
            command.ExecuteNonQuery();
        }
        var path = ApkgImportTests.TempZip(zip => zip.CreateEntryFromFile(collection, "collection.anki2"));
        File.Delete(collection);
        return path;
    }

    private static string[] MyImportFiles() =>
        Directory.Exists(ImportFiles.Folder)
            ? Directory.GetFiles(ImportFiles.Folder, $"{Environment.ProcessId}-*")
            : [];

    [Fact]
    public void LoadFile_NotesIsARecursiveView_IsRefusedAtOnceAndLeavesNoFile()
    {
        var path = RecursiveViewPackage();
        try
        {
            var result = Bounded.Within(() => new DeckLoader().LoadFile(path));

            Assert.Null(result.Deck);
            var error = Assert.Single(result.Errors);
            Assert.EndsWith(".apkg", error.File);
            Assert.Contains("the collection holds a view named 'notes', which a collection exported by Anki never has", error.Message);
            Assert.Empty(MyImportFiles());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadBytes_RecursiveViewUploaded_IsRefusedTheSameWay()
    {
        var path = RecursiveViewPackage();
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);

        var result = Bounded.Within(() => new DeckLoader().LoadBytes(bytes, "upload.apkg"));

        Assert.Contains("view named 'notes'", Assert.Single(result.Errors).Message);
        Assert.Empty(MyImportFiles());
    }

    [Fact]
    public void Open_BudgetSpent_TheProgressHandlerStopsTheQuery()
    {
        // The collection reader checks no clock itself: only SQLite's progress handler can stop it.
        var collection = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.anki2");
        using (var zip = ZipFile.OpenRead(_genankiPackage))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(collection);
        }
        try
        {
            Assert.NotNull(AnkiCollection.Open(collection, ReadBudget.Unlimited).Collection);

            var spent = new ReadBudget(TimeSpan.Zero);
            Assert.Throws<DeckReadCancelledException>(() => AnkiCollection.Open(collection, spent));
        }
        finally
        {
            File.Delete(collection);
        }
    }

    [Fact]
    public void LoadFile_TinyBudget_IsRefusedWithTheBudgetAndNoFileLeft()
    {
        var path = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.apkg");
        File.Copy(_genankiPackage, path);
        try
        {
            var result = new DeckLoader(new DeckLimits { TimeBudget = TimeSpan.FromTicks(1) }).LoadFile(path);

            Assert.Contains("reading the deck took longer than 0 s, so it was stopped", Assert.Single(result.Errors).Message);
            Assert.Empty(MyImportFiles());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadBytes_CentralDirectoryDeclaresTooManyEntries_IsRefusedBeforeReadingIt()
    {
        // An end record claiming 65,000 entries, with no directory behind it: refusing it means the count was read first.
        var eocd = new byte[22];
        BitConverter.GetBytes(0x06054b50u).CopyTo(eocd, 0);
        BitConverter.GetBytes((ushort)65_000).CopyTo(eocd, 8);
        BitConverter.GetBytes((ushort)65_000).CopyTo(eocd, 10);

        var result = new DeckLoader().LoadBytes(eocd, "many.apkg");

        Assert.Contains("the archive declares 65,000 entries; the limit is 5,000", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void LoadBytes_FiveMegabytePackageOfTenThousandNotes_StaysWithinTimeAndMemory()
    {
        var collection = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.anki2");
        using (var zip = ZipFile.OpenRead(_genankiPackage))
        {
            zip.GetEntry("collection.anki2")!.ExtractToFile(collection);
        }
        var random = new Random(3);
        using (var connection = new SqliteConnection($"Data Source={collection};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT mid FROM notes LIMIT 1";
            var model = (long)read.ExecuteScalar()!;
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) VALUES ($id, $guid, $mid, 0, 0, '', $flds, '', 0, 0, '');
                INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
                  VALUES ($id, $id, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '');
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var guid = insert.Parameters.Add("$guid", SqliteType.Text);
            var fields = insert.Parameters.Add("$flds", SqliteType.Text);
            insert.Parameters.AddWithValue("$mid", model);
            for (var i = 0; i < 9_990; i++)
            {
                id.Value = 2_000_000_000L + i;
                guid.Value = $"g{i}";
                var back = new string([.. Enumerable.Range(0, 400).Select(_ => (char)('a' + random.Next(26)))]);
                fields.Value = $"Question {i}?\x1f{back}";
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        var path = ApkgImportTests.TempZip(zip => zip.CreateEntryFromFile(collection, "collection.anki2"));
        File.Delete(collection);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        Assert.InRange(bytes.Length, 2_000_000, 5 * 1024 * 1024);

        var result = Bounded.Within(() => new DeckLoader().LoadBytes(bytes, "big.apkg"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Take(5)));
        Assert.True(result.Deck!.Cards.Count >= 9_990);
        Assert.Empty(MyImportFiles());
    }

    [Fact]
    public void LoadBytes_MoreNotesThanTheCardLimit_IsRefusedWhileReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.apkg");
        File.Copy(_genankiPackage, path);
        try
        {
            var result = new DeckLoader(new DeckLimits { MaxCards = 1 }).LoadFile(path);

            Assert.Contains("the collection holds more than 1 cards: split the deck", Assert.Single(result.Errors).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RemoveStale_FilesOfDeadProcessesAndOldNames_AreDeletedAndOwnKept()
    {
        Directory.CreateDirectory(ImportFiles.Folder);
        var dead = Path.Combine(ImportFiles.Folder, $"{int.MaxValue}-{Guid.NewGuid():N}.anki2");
        var legacy = Path.Combine(Path.GetTempPath(), $"studybot-import-{Guid.NewGuid():N}.anki2");
        var mine = ImportFiles.NewPath();
        foreach (var file in new[] { dead, legacy, mine })
        {
            File.WriteAllText(file, "x");
        }
        try
        {
            var removed = ImportFiles.RemoveStale();

            Assert.True(removed >= 2, $"removed {removed}");
            Assert.False(File.Exists(dead));
            Assert.False(File.Exists(legacy));
            Assert.True(File.Exists(mine));
        }
        finally
        {
            File.Delete(mine);
        }
    }
}

/// <summary>
/// Tests that look at the import folder, or time a load, run one at a time and apart from the
/// assembly's other tests: no other import's file is in flight, and no other test takes the CPU
/// from a load whose time is measured.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportFilesCollection
{
    public const string Name = "Anki import files";
}
