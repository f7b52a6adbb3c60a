using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// The GuildTenancy migration on a real file made with the schema before it: seeded decks (no guild)
/// end up owned by every guild that used the bot, each with its students' progress, and nothing is lost.
/// SQLite only: the migration (and its hand-written data move) is in SQLite's history; PostgreSQL
/// databases start from one initial migration of the current model.
/// </summary>
public class TenancyMigrationTests
{
    private const string InitialSchema = "20261128100015_InitialSchema";
    private const ulong GuildA = 100, GuildB = 200;
    private const ulong QuizStudent = 1, DeckStudent = 2, DmStudent = 3;

    /// <summary>
    /// The old file: seeded deck "essay" (cards a, b; no guild) and guild B's own deck "week-1".
    /// Student 1 answered a quiz in guild A, student 2 enrolled in guild B's deck, student 3 studied
    /// only in DMs. All three answered essay card a; student 3 also answered card b and undid it.
    /// Guild B ran a quiz on essay card a.
    /// </summary>
    private static async Task<TestDatabase> OldDatabaseAsync(bool withGuilds)
    {
        // Real answers need the current code: make them in a current database, then copy the rows of the
        // tables the migration leaves unchanged (cards, versions, states, log, enrolments) into the old file.
        await using var source = await TestDatabase.CreateAsync();
        await source.Decks.UploadAsync(TestDecks.Deck("essay", TestDecks.Basic("a"), TestDecks.Basic("b")));
        await source.Decks.UploadAsync(TestDecks.Deck("week-1", TestDecks.Basic("w")));
        var now = Utc.At(2026, 3, 2, 12);
        foreach (var student in new[] { QuizStudent, DeckStudent, DmStudent })
        {
            await source.Students.EnrolAsync(student, "essay");
            await source.Engine.AnswerAsync(student, 1, new SelfGrade(Rating.Good), $"answer-{student}", TimeSpan.FromSeconds(3), ReviewSource.Review, now);
        }
        await source.Students.EnrolAsync(DeckStudent, "week-1");
        await source.Engine.AnswerAsync(DmStudent, 2, new SelfGrade(Rating.Again), "answer-b", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(1));
        Assert.NotNull(await source.Engine.UndoAsync(DmStudent, "undo-b", now.AddMinutes(2)));
        await source.DisposeProvidersAsync();

        var old = await TestDatabase.CreateAtAsync(InitialSchema);
        await using var connection = new SqliteConnection($"Data Source={old.Path}");
        await connection.OpenAsync();
        // The log's columns as the old schema has them (later migrations add columns to the current one).
        var logColumns = await ColumnsAsync(connection, "ReviewLog");
        var guildB = withGuilds ? GuildB.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL";
        await ExecuteAsync(connection, $"""
            ATTACH DATABASE '{source.Path}' AS src;
            INSERT INTO "Decks" ("Id", "Key", "GuildId", "Title", "Description", "Source", "CurrentVersion", "CreatedUtc", "UpdatedUtc")
                SELECT "Id", "Key", CASE "Key" WHEN 'week-1' THEN {guildB} ELSE NULL END, "Title", "Description", "Source", "CurrentVersion", "CreatedUtc", "UpdatedUtc" FROM src."Decks";
            INSERT INTO "DeckVersions" SELECT * FROM src."DeckVersions";
            INSERT INTO "Cards" ("Id", "DeckId", "Key", "NoteKey", "Kind", "Prompt", "Answers", "Choices", "Explanation", "Hint", "Tags", "Ordinal", "Retired", "AddedInVersion", "ChangedInVersion", "RetiredInVersion")
                SELECT "Id", "DeckId", "Key", "NoteKey", "Kind", "Prompt", "Answers", "Choices", "Explanation", "Hint", "Tags", "Ordinal", "Retired", "AddedInVersion", "ChangedInVersion", "RetiredInVersion" FROM src."Cards";
            INSERT INTO "Enrolments" SELECT * FROM src."Enrolments";
            INSERT INTO "CardStates" SELECT * FROM src."CardStates";
            INSERT INTO "ReviewLog" ({logColumns}) SELECT {logColumns} FROM src."ReviewLog";
            """);
        if (withGuilds)
        {
            await ExecuteAsync(connection, $"""
                INSERT INTO "Guilds" ("Id", "Name", "CreatedUtc") VALUES ({GuildA}, 'Guild A', '2026-03-01 00:00:00');
                INSERT INTO "Quizzes" ("Id", "GuildId", "ChannelId", "MessageId", "CardId", "OpenedUtc", "ClosesUtc", "ClosedUtc")
                    VALUES (1, {GuildA}, 10, 11, 1, '2026-03-02 11:00:00', '2026-03-02 11:01:00', '2026-03-02 11:01:00'),
                           (2, {GuildB}, 20, 21, 1, '2026-03-02 11:00:00', '2026-03-02 11:01:00', NULL);
                INSERT INTO "QuizAnswers" ("QuizId", "UserId", "AnswerText", "Rating", "AnsweredUtc", "InteractionId")
                    VALUES (1, {QuizStudent}, 'x', 3, '2026-03-02 11:00:30', 'quiz-1');
                """);
        }
        await ExecuteAsync(connection, "DETACH DATABASE src;");
        return old;
    }

    [Fact]
    public async Task Migrate_SeededDeckUsedByTwoGuilds_EachGuildOwnsACopyWithItsStudentsProgress()
    {
        await using var db = await OldDatabaseAsync(withGuilds: true);
        var (logBefore, statesBefore) = await CountsAsync(db);

        var applied = await db.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        Assert.Contains(applied, m => m.EndsWith("_GuildTenancy", StringComparison.Ordinal));
        await using var context = db.NewContext();
        var decks = await context.Decks.OrderBy(d => d.Id).Select(d => new { d.Id, d.GuildId, d.Key }).ToListAsync();
        Assert.Equal(
            [(1, GuildA, "essay"), (2, GuildB, "week-1"), (3, GuildB, "essay")],
            decks.Select(d => (d.Id, d.GuildId, d.Key)));

        // Guild A keeps the original rows: every student's progress, untouched.
        var (logAfter, statesAfter) = await CountsAsync(db, deckId: 1);
        Assert.Equal((logBefore, statesBefore), (logAfter, statesAfter));

        // Guild B's copy: its cards, and the progress of its own student and of the DM-only student, not of guild A's.
        var copyCards = await context.Cards.Where(c => c.DeckId == 3).OrderBy(c => c.Ordinal).Select(c => new { c.Id, c.Key, c.Prompt }).ToListAsync();
        Assert.Equal(["a", "b"], copyCards.Select(c => c.Key));
        Assert.Equal("Question a?", copyCards[0].Prompt);
        var copyA = copyCards[0].Id;
        var copyB = copyCards[1].Id;
        var copiedStates = await context.CardStates.Where(s => s.Card!.DeckId == 3).OrderBy(s => s.UserId).Select(s => new { s.UserId, s.CardId, s.Memory.Reps }).ToListAsync();
        Assert.Equal([(DeckStudent, copyA), (DmStudent, copyA), (DmStudent, copyB)], copiedStates.Select(s => (s.UserId, s.CardId)));
        Assert.Equal(1, copiedStates[0].Reps);
        Assert.Equal([DeckStudent, DmStudent], await context.Enrolments.Where(e => e.DeckId == 3).OrderBy(e => e.UserId).Select(e => e.UserId).ToListAsync());

        var copiedLog = await context.ReviewLog.Where(l => l.CardId == copyA || l.CardId == copyB).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(["answer-2#200", "answer-3#200", "answer-b#200", "undo-b#200"], copiedLog.Select(l => l.InteractionId));
        var originalAnswer = await context.ReviewLog.SingleAsync(l => l.InteractionId == "answer-2");
        Assert.Equal((originalAnswer.ReviewedUtc, originalAnswer.After.Due, originalAnswer.Rating), (copiedLog[0].ReviewedUtc, copiedLog[0].After.Due, copiedLog[0].Rating));
        // The copied undo undoes the copied answer, not guild A's.
        Assert.Equal(copiedLog[2].Id, copiedLog[3].UndoesId);

        // Guild B's quiz now asks its own copy of the card; guild A's still asks the original.
        Assert.Equal([1, copyA], await context.Quizzes.OrderBy(q => q.Id).Select(q => q.CardId).ToListAsync());
        Assert.Equal(
            [(GuildA, QuizStudent), (GuildB, DeckStudent)],
            (await context.GuildMembers.OrderBy(m => m.GuildId).Select(m => new { m.GuildId, m.UserId }).ToListAsync()).Select(m => (m.GuildId, m.UserId)));
        Assert.Equal([GuildA, GuildB], await context.Guilds.OrderBy(g => g.Id).Select(g => g.Id).ToListAsync());

        // Every state, original and copied, is what its log replays to.
        await db.AssertVerifiesAsync();
    }

    [Fact]
    public async Task Migrate_NoGuildEverUsedTheBot_SeededDecksWaitUnderNoGuild()
    {
        await using var db = await OldDatabaseAsync(withGuilds: false);
        var (logBefore, statesBefore) = await CountsAsync(db);

        await db.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        await using var context = db.NewContext();
        Assert.Equal(
            [("essay", DeckRecord.NoGuild), ("week-1", DeckRecord.NoGuild)],
            (await context.Decks.OrderBy(d => d.Id).Select(d => new { d.Key, d.GuildId }).ToListAsync()).Select(d => (d.Key, d.GuildId)));
        Assert.Equal((logBefore, statesBefore), await CountsAsync(db));
        await db.AssertVerifiesAsync();
    }

    private static async Task<(int Log, int States)> CountsAsync(TestDatabase db, int? deckId = null)
    {
        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        await connection.OpenAsync();
        var filter = deckId is { } id ? $"WHERE \"CardId\" IN (SELECT \"Id\" FROM \"Cards\" WHERE \"DeckId\" = {id})" : "";
        return (await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"ReviewLog\" {filter}"), await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"CardStates\" {filter}"));
    }

    private static async Task<int> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add($"\"{reader.GetString(0)}\"");
        }
        return string.Join(", ", columns);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
