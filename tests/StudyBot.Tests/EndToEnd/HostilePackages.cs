using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace StudyBot.Tests.EndToEnd;

/// <summary>Anki packages made to hurt, built in memory for upload tests.</summary>
internal static class HostilePackages
{
    /// <summary>A package whose collection's `notes` is a view that recurses forever.</summary>
    public static byte[] RecursiveView()
    {
        var collection = Path.Combine(Path.GetTempPath(), $"studybot-test-{Guid.NewGuid():N}.anki2");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={collection};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT, decks TEXT);
                    INSERT INTO col VALUES (1, '{}', '{}');
                    CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, ord INTEGER, did INTEGER);
                    CREATE VIEW notes AS
                      WITH RECURSIVE r(id, guid, mid, tags, flds) AS (SELECT 1, 'g', 1, '', 'x' UNION ALL SELECT id + 1, guid, mid, tags, flds || flds FROM r)
                      SELECT * FROM r;
                    """;
                command.ExecuteNonQuery();
            }
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntryFromFile(collection, "collection.anki2");
            }
            return buffer.ToArray();
        }
        finally
        {
            File.Delete(collection);
        }
    }
}
