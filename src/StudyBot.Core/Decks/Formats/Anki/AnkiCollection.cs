using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Decks.Formats.Yaml;
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
        var limits = budget.Limits;
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
            if (ReadJson(connection, limits) is not ({ } modelsJson, { } decksJson))
            {
                return (null, $"the collection's note types or deck list take more than {limits.MaxCollectionJsonCharacters:N0} characters: export only this deck (not the whole collection), after removing note types it does not use (Tools > Manage Note Types).");
            }
            if (string.IsNullOrWhiteSpace(modelsJson) || modelsJson == "{}")
            {
                return (null, "the collection keeps its note types in the newer schema that Anki 2.1.28+ uses inside a collection: export again with 'Support older Anki versions' checked.");
            }
            var models = AnkiModel.ParseAll(modelsJson, budget);
            var decks = ParseDeckNames(decksJson);
            // Counted before anything is sorted or held: the counts read an index, the sort would fill memory.
            if (Count(connection, "cards") > limits.MaxCards)
            {
                return (null, $"the collection holds more than {limits.MaxCards:N0} cards: split the deck into several decks.");
            }
            if (Count(connection, "notes") is var noteCount && noteCount > limits.MaxCards)
            {
                return (null, $"the collection holds {noteCount:N0} notes, and each note makes at least one card; the limit is {limits.MaxCards:N0} cards: split the deck into several decks.");
            }
            if (ReadCardOrds(connection, limits.MaxCards, budget) is not { } ords)
            {
                return (null, $"the collection holds more than {limits.MaxCards:N0} cards: split the deck into several decks.");
            }
            return (new AnkiCollection { Models = models, DeckNames = decks, Notes = ReadNotes(connection, models, ords, budget) }, null);
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

    /// <summary>The note types' and decks' JSON, each only when within the limit (SQLite measures it before it is read); null past it.</summary>
    private static (string?, string?)? ReadJson(SqliteConnection connection, DeckLimits limits)
    {
        using var col = connection.CreateCommand();
        col.CommandText = "SELECT CASE WHEN length(models) <= $max THEN models END, CASE WHEN length(decks) <= $max THEN decks END, models IS NULL, decks IS NULL FROM col LIMIT 1";
        col.Parameters.AddWithValue("$max", limits.MaxCollectionJsonCharacters);
        using var reader = col.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("the collection has no 'col' row: it is empty or damaged");
        }
        if ((reader.IsDBNull(0) && !reader.GetBoolean(2)) || (reader.IsDBNull(1) && !reader.GetBoolean(3)))
        {
            return null;
        }
        return (reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1));
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The notes, each refused as soon as it is seen to be too large: its text only when it could
    /// fit a card (SQLite measures it first), its fields counted before they are split, and all
    /// notes' characters counted together, so memory is bounded by the limits, not by the file.
    /// </summary>
    private static List<AnkiNote> ReadNotes(SqliteConnection connection, Dictionary<long, AnkiModel> models,
        Dictionary<long, (List<int>, long?)> ords, ReadBudget budget)
    {
        var limits = budget.Limits;
        var notes = new List<AnkiNote>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, mid, length(coalesce(flds, '')) + length(coalesce(tags, '')) + length(coalesce(guid, '')), coalesce(flds, ''), coalesce(tags, ''), coalesce(guid, '') FROM notes ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            budget.Check(SourcePosition.None);
            var id = reader.GetInt64(0);
            // Measured by SQLite before any text is fetched: a note's text is held only when it could fit a card.
            if (reader.GetInt64(2) is var length && length > limits.MaxNoteCharacters)
            {
                ReadBudget.Refuse(SourcePosition.None, null,
                    $"note {id} holds {length:N0} characters of fields, tags and guid; the limit is {limits.MaxNoteCharacters:N0} (a card shows at most {DiscordLimits.EmbedDescription:N0}): shorten it in Anki and export again.");
            }
            if (notes.Count == limits.MaxCards)
            {
                ReadBudget.Refuse(SourcePosition.None, null,
                    $"the collection holds more than {limits.MaxCards:N0} notes (note {id} is number {limits.MaxCards + 1:N0}), and each note makes at least one card: split the deck into several decks.");
            }
            var flds = reader.GetString(3);
            var fieldCount = flds.AsSpan().Count('\x1f') + 1;
            if (fieldCount > limits.MaxFieldsPerNoteType)
            {
                var type = models.TryGetValue(reader.GetInt64(1), out var model) ? $" (its note type '{YamlNodeNames.Shorten(model.Name)}' has {model.Fields.Count:N0})" : "";
                ReadBudget.Refuse(SourcePosition.None, null,
                    $"note {id} has {fieldCount:N0} fields{type}; the limit is {limits.MaxFieldsPerNoteType:N0}: check the database in Anki (Tools > Check Database) and export again.");
            }
            budget.ChargeRead(length, SourcePosition.None, $"note {id}");
            var tags = reader.GetString(4);
            var (cardOrds, deckId) = ords.TryGetValue(id, out var found) ? found : ([], null);
            notes.Add(new AnkiNote(id, reader.GetString(5), reader.GetInt64(1), tags, flds.Split('\x1f'), cardOrds, deckId));
        }
        return notes;
    }

    /// <summary>Each note's card ordinals and deck; null past <paramref name="maxCards"/> cards.</summary>
    private static Dictionary<long, (List<int>, long?)>? ReadCardOrds(SqliteConnection connection, int maxCards, ReadBudget budget)
    {
        var result = new Dictionary<long, (List<int>, long?)>();
        var count = 0;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nid, ord, did FROM cards ORDER BY nid, ord";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            budget.Check(SourcePosition.None);
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
