using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Decks.Validation;

namespace StudyBot.Core.Decks.Formats.Anki;

/// <summary>One note row of an Anki collection.</summary>
internal sealed record AnkiNote(long Id, string Guid, long ModelId, string Tags, string[] Fields, IReadOnlyList<int> CardOrds, long? DeckId);

/// <summary>
/// Reads the notes, note types and deck names of a schema-11 Anki collection (collection.anki2,
/// or collection.anki21 as exported with "support older Anki versions").
/// </summary>
internal sealed class AnkiCollection
{
    public required Dictionary<long, AnkiModel> Models { get; init; }
    public required Dictionary<long, string> DeckNames { get; init; }
    public required List<AnkiNote> Notes { get; init; }

    /// <summary>The tables read; each must be a table (a view can recurse forever, a trigger has no place in a collection).</summary>
    private const string Unexpected = """
        SELECT type, name FROM sqlite_master
        WHERE type IN ('view', 'trigger') OR (name IN ('col', 'notes', 'cards') AND type <> 'table')
        LIMIT 1
        """;

    /// <summary>
    /// Null with a reason when the file is not a collection StudyBot can read. The file is opened
    /// read-only and immutable (no journal, no locks, nothing written beside it), temporary
    /// b-trees stay in memory, and a progress handler stops any query once the budget is spent.
    /// </summary>
    public static (AnkiCollection? Collection, string? Problem) Open(string path, ReadBudget budget)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 64, static state => ((ReadBudget)state).IsSpent ? 1 : 0, budget);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA temp_store = MEMORY";
                pragma.ExecuteNonQuery();
                pragma.CommandText = Unexpected;
                using var reader = pragma.ExecuteReader();
                if (reader.Read())
                {
                    return (null, $"the collection holds a {reader.GetString(0)} named '{reader.GetString(1)}', which a collection exported by Anki never has: the package is refused. Export the deck from Anki again.");
                }
            }
            string modelsJson, decksJson;
            using (var col = connection.CreateCommand())
            {
                col.CommandText = "SELECT models, decks FROM col LIMIT 1";
                using var reader = col.ExecuteReader();
                if (!reader.Read())
                {
                    return (null, "the collection has no 'col' row: it is empty or damaged.");
                }
                modelsJson = reader.GetString(0);
                decksJson = reader.GetString(1);
            }
            if (string.IsNullOrWhiteSpace(modelsJson) || modelsJson == "{}")
            {
                return (null, "the collection keeps its note types in the newer schema that Anki 2.1.28+ uses inside a collection: export again with 'Support older Anki versions' checked.");
            }
            var models = AnkiModel.ParseAll(modelsJson);
            var decks = ParseDeckNames(decksJson);
            var ords = ReadCardOrds(connection);
            var notes = new List<AnkiNote>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    var (cardOrds, deckId) = ords.TryGetValue(id, out var found) ? found : ([], null);
                    notes.Add(new AnkiNote(id, reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                        reader.GetString(4).Split('\x1f'), cardOrds, deckId));
                }
            }
            return (new AnkiCollection { Models = models, DeckNames = decks, Notes = notes }, null);
        }
        catch (SqliteException) when (budget.IsSpent)
        {
            budget.Check(SourcePosition.None);
            throw;
        }
        catch (Exception ex) when (ex is SqliteException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the collection inside the package cannot be read ({ex.Message}): export the deck again from Anki.");
        }
    }

    private static Dictionary<long, (List<int>, long?)> ReadCardOrds(SqliteConnection connection)
    {
        var result = new Dictionary<long, (List<int>, long?)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nid, ord, did FROM cards ORDER BY nid, ord";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var nid = reader.GetInt64(0);
            if (!result.TryGetValue(nid, out var entry))
            {
                entry = ([], reader.GetInt64(2));
                result[nid] = entry;
            }
            entry.Item1.Add(reader.GetInt32(1));
        }
        return result;
    }

    private static Dictionary<long, string> ParseDeckNames(string json)
    {
        var names = new Dictionary<long, string>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return names;
        }
        using var doc = JsonDocument.Parse(json);
        foreach (var deck in doc.RootElement.EnumerateObject())
        {
            if (long.TryParse(deck.Name, out var id) && deck.Value.TryGetProperty("name", out var name))
            {
                names[id] = name.GetString() ?? "";
            }
        }
        return names;
    }
}
