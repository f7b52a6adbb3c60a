using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

namespace StudyBot.Fuzz;

/// <summary>
/// One file built to spend a reader's work: its name (the extension chooses the reader), its
/// bytes, and the words the refusal must contain (null when the file must be read or refused
/// without a particular message, only within the bounds).
/// </summary>
/// <remarks>
/// A YAML parse costs a few microseconds a node: on a busy machine a file of a million nodes may
/// spend the time budget before it reaches the node budget, and either refusal is right for it
/// (<paramref name="OrTimeBudget"/>).
/// </remarks>
public sealed record HostileFile(string Name, byte[] Content, string? Refusal, string? From = null, bool OrTimeBudget = false)
{
    public const string TimeBudgetRefusal = "reading the deck took longer than";

    /// <summary>Whether a message (with any wrapping of a table undone) is this file's refusal.</summary>
    public bool IsRefusal(string message) =>
        (Refusal is not null && message.Contains(Refusal, StringComparison.Ordinal))
        || (OrTimeBudget && message.Contains(TimeBudgetRefusal, StringComparison.Ordinal));
}

/// <summary>
/// Files that cost far more to read than their size says, each small enough to upload: note
/// types of many fields or card types, notes near the size limit, rows of millions of columns,
/// YAML of millions of nodes, fields of thousands of tags, zip bombs. Made on demand, never
/// committed; the hostile-corpus tests, the fuzzer and the `hostile` benchmark share them.
/// </summary>
public static class HostileFiles
{
    /// <summary>Every shape, at the sizes that broke or would break an unbounded reader: each made only when asked for.</summary>
    public static IReadOnlyList<(string Name, Func<HostileFile> Make)> All { get; } =
    [
        ("fields-300000.apkg", () => NoteTypeFields("fields-300000.apkg", 300_000)),
        ("fields-60000.apkg", () => NoteTypeFields("fields-60000.apkg", 60_000)),
        ("fields-257.apkg", () => NoteTypeFields("fields-257.apkg", 257)),
        ("note-fields-60000.apkg", () => NoteFields("note-fields-60000.apkg", 60_000)),
        ("card-types-1000.apkg", () => CardTypes("card-types-1000.apkg", 1_000)),
        ("repeated-fields.apkg", () => RepeatedFields("repeated-fields.apkg")),
        ("large-notes-3900.apkg", () => LargeNotes("large-notes-3900.apkg", 3_900, 65_000)),
        ("huge-notes-10.apkg", () => LargeNotes("huge-notes-10.apkg", 10, 2_000_000)),
        ("notes-30000.apkg", () => ManyNotes("notes-30000.apkg", 30_000)),
        ("html-tags.apkg", () => TaggedFields("html-tags.apkg", 20_000)),
        ("zip-bomb.apkg", () => ZipBomb("zip-bomb.apkg", 200)),
        ("entries-6000.apkg", () => ManyEntries("entries-6000.apkg", 6_000)),
        ("commas-4900000.csv", () => Columns("commas-4900000.csv", 4_900_000, ',')),
        ("tabs-2000000.tsv", () => Columns("tabs-2000000.tsv", 2_000_000, '\t')),
        ("rows-400000.csv", () => Rows("rows-400000.csv", 400_000)),
        ("unclosed-quote.csv", () => UnclosedQuote("unclosed-quote.csv", 4_900_000)),
        ("header-tags.csv", () => HeaderTags("header-tags.csv", 1_000_000)),
        ("header-columns.csv", () => HeaderColumns("header-columns.csv", 2_000_000)),
        ("quizlet-rows.txt", () => QuizletRows("quizlet-rows.txt", 500_000)),
        ("list-1200000.yaml", () => YamlList("list-1200000.yaml", 1_200_000)),
        ("deep-1000000.yaml", () => YamlDepth("deep-1000000.yaml", 1_000_000)),
        ("aliases-500000.yaml", () => YamlAliases("aliases-500000.yaml", 500_000)),
        ("list-800000.json", () => JsonList("list-800000.json", 800_000)),
    ];

    /// <summary>
    /// A note type of <paramref name="fields"/> fields and one note that fills every one of them.
    /// Past a few hundred thousand fields the note type's JSON alone is past its limit, and that is the refusal.
    /// </summary>
    public static HostileFile NoteTypeFields(string name, int fields)
    {
        var model = Model(1, "Many fields", Enumerable.Range(0, fields).Select(i => $"f{i}"), [("Card 1", "{{f0}}", "{{f1}}")]);
        var note = string.Join('\x1f', Enumerable.Range(0, fields).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new(name, Package(model, [(1, note, 1)]),
            model.Length > 8 * 1024 * 1024 ? "the collection's note types or deck list take more than" : $"{fields:N0} fields; the limit is");
    }

    /// <summary>A two-field note type and a note whose text holds <paramref name="separators"/> field separators.</summary>
    public static HostileFile NoteFields(string name, int separators) => new(name, Package(
        Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]),
        [(1, new string('\x1f', separators), 1)]),
        $"note 1 has {separators + 1:N0} fields");

    /// <summary>A note type of <paramref name="templates"/> card types.</summary>
    public static HostileFile CardTypes(string name, int templates) => new(name, Package(
        Model(1, "Many cards", ["Front", "Back"], Enumerable.Range(0, templates).Select(i => ($"Card {i}", "{{Front}}", "{{Back}}"))),
        [(1, "q\u001Fa", 1)]),
        $"{templates:N0} card types; the limit is");

    /// <summary>
    /// 256 card types over 256 fields of 250 characters: every card repeats the fields it does not
    /// show as its explanation, so each 64K-character note would make 16 million characters of cards.
    /// </summary>
    public static HostileFile RepeatedFields(string name)
    {
        var field = new string('w', 250);
        var notes = Enumerable.Range(1, 39).Select(i => ((long)i, string.Join('\x1f', Enumerable.Repeat(field, 256)), 256)).ToList();
        return new(name, Package(
            Model(1, "Repeated", Enumerable.Range(0, 256).Select(i => $"f{i}"), Enumerable.Range(0, 256).Select(i => ($"Card {i}", $"{{{{f{i}}}}}", ""))),
            notes), "the cards made so far hold more than");
    }

    /// <summary>
    /// <paramref name="count"/> notes of <paramref name="characters"/> characters each, mostly one
    /// letter with a random one every few hundred: compressed about 90 times, just within the zip
    /// limits, so the package is a few MB and reaches the collection reader.
    /// </summary>
    public static HostileFile LargeNotes(string name, int count, int characters)
    {
        var random = new Random(count);
        string Text(int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = i % SparseEvery == 0 ? (char)('a' + random.Next(26)) : 'a';
            }
            return new string(chars);
        }
        var half = characters / 2;
        var notes = Enumerable.Range(1, count).Select(i => ((long)i, $"{Text(half)}\u001F{Text(half)}", 1));
        return new(name, Package(Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]), notes),
            characters > 64 * 1024 ? "characters of fields, tags and guid; the limit is" : "the notes read so far hold more than");
    }

    /// <summary>How far apart the random letters of <see cref="LargeNotes"/> stand: at 400 the collection compresses 102 times, past the zip limit.</summary>
    private const int SparseEvery = 300;

    public static HostileFile ManyNotes(string name, int count) => new(name, Package(
        Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]),
        Enumerable.Range(1, count).Select(i => ((long)i, $"q{i}\u001Fa{i}", 1)).ToList()),
        "more than 10,000 cards");

    /// <summary>A few notes whose front field is <paramref name="tags"/> bold tags (few enough that the zip's ratio check does not apply).</summary>
    public static HostileFile TaggedFields(string name, int tags) => new(name, Package(
        Model(1, "Basic", ["Front", "Back"], [("Card 1", "{{Front}}", "{{Back}}")]),
        Enumerable.Range(1, 5).Select(i => ((long)i, $"{i}{string.Concat(Enumerable.Repeat("<b>", tags))}\u001Fa", 1)).ToList()),
        $"HTML tags; the limit is");

    /// <summary>A collection entry of <paramref name="megabytes"/> MB of zeros, compressed about a thousand times.</summary>
    public static HostileFile ZipBomb(string name, int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("collection.anki2", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }
        return new(name, buffer.ToArray(), "zip bomb");
    }

    public static HostileFile ManyEntries(string name, int entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                zip.CreateEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
            }
        }
        return new(name, buffer.ToArray(), $"{entries:N0} entries; the limit is");
    }

    /// <summary>One row of <paramref name="separators"/> separators.</summary>
    public static HostileFile Columns(string name, int separators, char separator) =>
        new(name, Encoding.UTF8.GetBytes("front" + new string(separator, separators) + "\n"), "this row has more than");

    public static HostileFile Rows(string name, int rows)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            text.Append('q').Append(i).Append(",a\n");
        }
        return new(name, Encoding.UTF8.GetBytes(text.ToString()), "rows (this is number");
    }

    /// <summary>A quoted field that never closes, then rows of commas inside it.</summary>
    public static HostileFile UnclosedQuote(string name, int characters) =>
        new(name, Encoding.UTF8.GetBytes("\"" + string.Concat(Enumerable.Repeat("a,b,c\n", characters / 6))), "close the double quote");

    public static HostileFile HeaderTags(string name, int tags)
    {
        var text = new StringBuilder("#separator:comma\n#tags:");
        for (var i = 0; i < tags; i++)
        {
            text.Append(" t");
        }
        text.Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            text.Append('q').Append(i).Append(",a\n");
        }
        return new(name, Encoding.UTF8.GetBytes(text.ToString()), "'#tags:' names");
    }

    /// <summary>A '#columns:' header naming StudyBot's columns and then <paramref name="names"/> empty ones, before 10,000 rows.</summary>
    public static HostileFile HeaderColumns(string name, int names)
    {
        var text = new StringBuilder("#separator:comma\n#columns:id,kind,prompt,answers");
        text.Append(',', names).Append('\n');
        for (var i = 0; i < 10_000; i++)
        {
            text.Append('c').Append(i).Append(",basic,q,a\n");
        }
        return new(name, Encoding.UTF8.GetBytes(text.ToString()), "'#columns:' names");
    }

    public static HostileFile QuizletRows(string name, int rows)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            text.Append(i).Append("\tx\n");
        }
        return new(name, Encoding.UTF8.GetBytes(text.ToString()), "the set has more than", From: "quizlet");
    }

    public static HostileFile YamlList(string name, int items) =>
        YamlItems(name, "id: list\ntitle: List\ncards:\n", "- x\n", items);

    public static HostileFile YamlDepth(string name, int depth) =>
        new(name, Encoding.UTF8.GetBytes("cards: " + new string('[', depth) + new string(']', depth) + "\n"), "nested more than");

    /// <summary>One anchored list, then <paramref name="aliases"/> cards that are aliases of it (refused, never expanded).</summary>
    public static HostileFile YamlAliases(string name, int aliases) =>
        YamlItems(name, "id: a\ntitle: A\nx: &a [1, 2, 3]\ncards:\n", "- *a\n", aliases);

    private static HostileFile YamlItems(string name, string head, string item, int count)
    {
        var text = new StringBuilder(head, head.Length + (item.Length * count));
        for (var i = 0; i < count; i++)
        {
            text.Append(item);
        }
        return new(name, Encoding.UTF8.GetBytes(text.ToString()), "values, keys and list items", OrTimeBudget: true);
    }

    public static HostileFile JsonList(string name, int items) =>
        new(name, Encoding.UTF8.GetBytes("{\"id\":\"j\",\"title\":\"J\",\"cards\":[" + string.Join(',', Enumerable.Repeat("{}", items)) + "]}"), "values, keys and list items", OrTimeBudget: true);

    /// <summary>A note type's JSON as a schema-11 collection keeps it.</summary>
    public static string Model(long id, string name, IEnumerable<string> fields, IEnumerable<(string Name, string Front, string Back)> templates)
    {
        var json = new StringBuilder();
        json.Append("{\"").Append(id).Append("\":{\"id\":").Append(id).Append(",\"name\":\"").Append(name).Append("\",\"type\":0,\"flds\":[");
        var ord = 0;
        foreach (var field in fields)
        {
            json.Append(ord == 0 ? "" : ",").Append("{\"name\":\"").Append(field).Append("\",\"ord\":").Append(ord++).Append('}');
        }
        json.Append("],\"tmpls\":[");
        ord = 0;
        foreach (var (template, front, back) in templates)
        {
            json.Append(ord == 0 ? "" : ",").Append("{\"name\":\"").Append(template).Append("\",\"ord\":").Append(ord++)
                .Append(",\"qfmt\":\"").Append(front).Append("\",\"afmt\":\"").Append(back).Append("\"}");
        }
        return json.Append("]}}").ToString();
    }

    /// <summary>
    /// An .apkg of a minimal schema-11 collection (the columns the reader asks for) holding the
    /// notes of model 1, each with its id, fields and number of cards.
    /// </summary>
    public static byte[] Package(string models, IEnumerable<(long Id, string Fields, int Cards)> notes, IReadOnlyDictionary<string, byte[]>? media = null)
    {
        var collection = Path.Combine(Path.GetTempPath(), $"studybot-hostile-{Guid.NewGuid():N}.anki2");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={collection};Pooling=False"))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT, decks TEXT);
                    CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, tags TEXT, flds TEXT);
                    CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, ord INTEGER, did INTEGER);
                    INSERT INTO col VALUES (1, $models, '{"1":{"id":1,"name":"Hostile"}}');
                    """;
                command.Parameters.AddWithValue("$models", models);
                command.ExecuteNonQuery();
                using var note = connection.CreateCommand();
                note.CommandText = "INSERT INTO notes VALUES ($id, 'g' || $id, 1, '', $flds)";
                var noteId = note.Parameters.Add("$id", SqliteType.Integer);
                var flds = note.Parameters.Add("$flds", SqliteType.Text);
                using var card = connection.CreateCommand();
                card.CommandText = "INSERT INTO cards (nid, ord, did) VALUES ($nid, $ord, 1)";
                var cardNote = card.Parameters.Add("$nid", SqliteType.Integer);
                var cardOrd = card.Parameters.Add("$ord", SqliteType.Integer);
                foreach (var (id, fields, cards) in notes)
                {
                    noteId.Value = id;
                    flds.Value = fields;
                    note.ExecuteNonQuery();
                    for (var ord = 0; ord < cards; ord++)
                    {
                        cardNote.Value = id;
                        cardOrd.Value = ord;
                        card.ExecuteNonQuery();
                    }
                }
                transaction.Commit();
            }
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntryFromFile(collection, "collection.anki2", CompressionLevel.Optimal);
                // Anki's media map: numbered entries, and "media" naming each as the fields refer to it.
                var map = new StringBuilder("{");
                var number = 0;
                foreach (var (name, content) in media ?? new Dictionary<string, byte[]>())
                {
                    using (var entry = zip.CreateEntry(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Open())
                    {
                        entry.Write(content);
                    }
                    map.Append(number == 0 ? "" : ",").Append('"').Append(number).Append("\":\"").Append(name).Append('"');
                    number++;
                }
                using var mapEntry = new StreamWriter(zip.CreateEntry("media").Open());
                mapEntry.Write(map.Append('}').ToString());
            }
            return buffer.ToArray();
        }
        finally
        {
            File.Delete(collection);
        }
    }
}
