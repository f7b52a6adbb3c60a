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
    public static (AnkiCollection? Collection, string? Problem) Open(string path, ReadBudget budget, DeckLimits? limits = null)
    {
        limits ??= DeckLimits.Default;
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
            if (ReadCardOrds(connection, limits.MaxCards) is not { } ords)
            {
                return (null, $"the collection holds more than {limits.MaxCards:N0} cards: split the deck into several decks.");
            }
            var notes = new List<AnkiNote>();
            using (var command = connection.CreateCommand())
            {
                // A note's text is read only when it could fit a card: memory stays bounded by the limits, not by the file.
                command.CommandText = "SELECT id, guid, mid, tags, CASE WHEN length(flds) <= $max THEN flds END, length(flds) FROM notes ORDER BY id";
                command.Parameters.AddWithValue("$max", MaxNoteCharacters);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    if (reader.IsDBNull(4))
                    {
                        return (null, $"note {id} holds {reader.GetInt64(5):N0} characters of fields; a card shows at most {Validation.DiscordLimits.EmbedDescription:N0}: shorten it in Anki and export again.");
                    }
                    if (notes.Count == limits.MaxCards)
                    {
                        return (null, $"the collection holds more than {limits.MaxCards:N0} notes (note {id} is number {limits.MaxCards + 1:N0}), and each note makes at least one card: split the deck into several decks.");
                    }
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

    /// <summary>All fields of one note together: far beyond what a card can show (4,096), well below what would strain memory.</summary>
    private const int MaxNoteCharacters = 64 * 1024;

    /// <summary>Each note's card ordinals and deck; null past <paramref name="maxCards"/> cards.</summary>
    private static Dictionary<long, (List<int>, long?)>? ReadCardOrds(SqliteConnection connection, int maxCards)
    {
        var result = new Dictionary<long, (List<int>, long?)>();
        var count = 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nid, ord, did FROM cards ORDER BY nid, ord";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (++count > maxCards)
            {
                return null;
            }
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
