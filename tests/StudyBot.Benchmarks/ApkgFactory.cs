using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace StudyBot.Benchmarks;

/// <summary>
/// Writes an Anki package with a schema-11 collection (the tables and JSON columns Anki 2.1
/// exports for older versions), with Basic, Basic (and reversed card) and Cloze note types.
/// </summary>
internal static class ApkgFactory
{
    private const long DeckId = 1_700_000_000_000;
    private const long BasicId = 1_600_000_000_001;
    private const long ReversedId = 1_600_000_000_002;
    private const long ClozeId = 1_600_000_000_003;

    /// <summary>Returns the number of cards the package holds.</summary>
    public static int Write(string path, int basicNotes, int reversedNotes, int clozeNotes)
    {
        var collection = path + ".anki2";
        try
        {
            var cards = WriteCollection(collection, basicNotes, reversedNotes, clozeNotes);
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            zip.CreateEntryFromFile(collection, "collection.anki2", CompressionLevel.Optimal);
            using (var media = new StreamWriter(zip.CreateEntry("media").Open()))
            {
                media.Write("{}");
            }
            return cards;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(collection);
        }
    }

    private static int WriteCollection(string path, int basicNotes, int reversedNotes, int clozeNotes)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, Schema);
        using var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT INTO col VALUES (1, 1700000000, 1700000000000, 1700000000000, 11, 0, 0, 0, '{}', @models, @decks, '{}', '{}')",
            ("@models", _models), ("@decks", $$$"""{"1":{"id":1,"name":"Default"},"{{{DeckId}}}":{"id":{{{DeckId}}},"name":"Benchmark deck"}}"""));

        using var note = connection.CreateCommand();
        note.CommandText = "INSERT INTO notes VALUES (@id, @guid, @mid, 0, -1, @tags, @flds, @sfld, 0, 0, '')";
        var noteParameters = new[] { "@id", "@guid", "@mid", "@tags", "@flds", "@sfld" }.Select(n => note.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        using var card = connection.CreateCommand();
        card.CommandText = $"INSERT INTO cards VALUES (@id, @nid, {DeckId}, @ord, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')";
        var cardParameters = new[] { "@id", "@nid", "@ord" }.Select(n => card.Parameters.Add(new SqliteParameter(n, null))).ToArray();

        long noteId = 1_500_000_000_000, cardId = 1_500_000_000_000;
        var cards = 0;
        void Add(long model, string[] fields, int cardCount, int i)
        {
            noteId++;
            var values = new object[] { noteId, $"g{noteId:x}{i}", model, i % 3 == 0 ? " bench html " : " bench ", string.Join('\x1f', fields), fields[0] };
            for (var p = 0; p < values.Length; p++)
            {
                noteParameters[p].Value = values[p];
            }
            note.ExecuteNonQuery();
            for (var ord = 0; ord < cardCount; ord++)
            {
                cardParameters[0].Value = ++cardId;
                cardParameters[1].Value = noteId;
                cardParameters[2].Value = ord;
                card.ExecuteNonQuery();
                cards++;
            }
        }
        for (var i = 0; i < basicNotes; i++)
        {
            Add(BasicId, [$"Question <b>{i}</b>: what follows {i * 7}?", $"The answer is <i>{i * 7 + 1}</i><br>see page {i % 300}&nbsp;&amp; notes"], 1, i);
        }
        for (var i = 0; i < reversedNotes; i++)
        {
            Add(ReversedId, [$"Term {i}", $"Definition of term {i}, with <u>emphasis</u>"], 2, i);
        }
        for (var i = 0; i < clozeNotes; i++)
        {
            Add(ClozeId, [$"In {{{{c1::{1900 + i % 120}}}}} the port handled {{{{c2::{i * 13} tons::amount}}}} of <b>grain</b>.", $"Note {i}"], 2, i);
        }
        transaction.Commit();
        Execute(connection, "VACUUM");
        return cards;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private const string Schema = """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
          ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
          models text not null, decks text not null, dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
          usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
          flags integer not null, data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
          mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
          ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
          odue integer not null, odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
          ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
        CREATE INDEX ix_notes_usn on notes (usn);
        CREATE INDEX ix_cards_usn on cards (usn);
        CREATE INDEX ix_revlog_usn on revlog (usn);
        CREATE INDEX ix_cards_nid on cards (nid);
        CREATE INDEX ix_cards_sched on cards (did, queue, due);
        CREATE INDEX ix_revlog_cid on revlog (cid);
        CREATE INDEX ix_notes_csum on notes (csum);
        """;

    private static readonly string _models = $$$"""
        {
          "{{{BasicId}}}": {"id": {{{BasicId}}}, "name": "Basic", "type": 0,
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]},
          "{{{ReversedId}}}": {"id": {{{ReversedId}}}, "name": "Basic (and reversed card)", "type": 0,
            "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
            "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"},
                      {"name": "Card 2", "ord": 1, "qfmt": "{{Back}}", "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"}]},
          "{{{ClozeId}}}": {"id": {{{ClozeId}}}, "name": "Cloze", "type": 1,
            "flds": [{"name": "Text", "ord": 0}, {"name": "Back Extra", "ord": 1}],
            "tmpls": [{"name": "Cloze", "ord": 0, "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Back Extra}}"}]}
        }
        """;
}
