using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;
using StudyBot.Data.Transfer;

namespace StudyBot.Data.Tests;

/// <summary>The upgrade path: a SQLite database with reviews, copied into an empty PostgreSQL database (and back).</summary>
public sealed class DatabaseCopyTestsOnPostgres : DatabaseTests, IOnPostgres
{
    private static readonly ulong[] _students = [101, 102, 103];

    [DataFact]
    public async Task CopyAsync_SqliteWithReviews_EveryRowAndIdOnPostgresThenVerifiesAndReviewsGoOn()
    {
        await using var sqlite = await SeededSqliteAsync();
        await using var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var reports = new List<CopyProgress>();

        var result = await DatabaseCopy.CopyAsync(sqlite.Target, postgres.Target, new Recorder(reports));

        var tables = await CountsAsync(sqlite);
        Assert.Equal(tables, await CountsAsync(postgres));
        Assert.Equal(tables.Values.Sum(), result.Rows);
        Assert.True(tables["ReviewLog"] >= 30, $"{tables["ReviewLog"]} log entries: the seed should make a real review log");
        Assert.Contains(reports, r => r.Table == "ReviewLog" && r.Copied == tables["ReviewLog"] && r.Total == tables["ReviewLog"]);
        Assert.Equal(await LogAsync(sqlite), await LogAsync(postgres));
        await using (var context = postgres.NewContext())
        {
            var settings = await context.UserSettings.SingleAsync(s => s.UserId == _students[0]);
            Assert.Equal((new TimeOnly(19, 30), "Asia/Kolkata"), (settings.ReminderTime, settings.TimeZone));
        }
        await postgres.AssertVerifiesAsync();

        // Reviews go on: the identity sequences were moved past the copied ids.
        var maxCopied = (await LogAsync(sqlite)).Max(l => l.Id);
        var card = await postgres.CardIdAsync("d", "card-020");
        var after = await postgres.Engine.AnswerAsync(_students[0], card, new SelfGrade(Rating.Good), "after-copy", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 9, 12));
        Assert.True(after.LogId > maxCopied, $"new log id {after.LogId} after copied ids up to {maxCopied}");
        await postgres.AssertVerifiesAsync();

        // And back: PostgreSQL to a new SQLite file holds the same rows.
        await using var back = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await DatabaseCopy.CopyAsync(postgres.Target, back.Target);
        Assert.Equal(await CountsAsync(postgres), await CountsAsync(back));
        Assert.Equal(await LogAsync(postgres), await LogAsync(back));
        await back.AssertVerifiesAsync();
    }

    [DataFact]
    public async Task CopyAsync_TargetNotEmpty_RefusedAndNothingWritten()
    {
        await using var sqlite = await SeededSqliteAsync();
        await using var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await DatabaseCopy.CopyAsync(sqlite.Target, postgres.Target);
        var before = await CountsAsync(postgres);

        var refused = await Assert.ThrowsAsync<CopyException>(() => DatabaseCopy.CopyAsync(sqlite.Target, postgres.Target));

        Assert.Contains("is not empty", refused.Message);
        Assert.Contains("nothing was copied", refused.Message);
        Assert.Equal(before, await CountsAsync(postgres));
    }

    [DataFact]
    public async Task CopyAsync_SourceMissing_SaysWhere()
    {
        await using var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        var missing = Path.Combine(postgres.Directory, "nothing-here.db");

        var refused = await Assert.ThrowsAsync<CopyException>(() => DatabaseCopy.CopyAsync(DatabaseTarget.Sqlite(missing), postgres.Target));

        Assert.Equal($"there is no database at {missing}", refused.Message);
    }

    /// <summary>A deck of 20 cards, three students answering for a week (one undo), settings with a reminder, a guild.</summary>
    private static async Task<TestDatabase> SeededSqliteAsync()
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 20));
        await using (var context = db.NewContext())
        {
            context.Guilds.Add(new Guild { Id = 900, Name = "School", CreatedUtc = Utc.At(2026, 3, 1, 8) });
            context.UserSettings.Add(new UserSettings { UserId = _students[0], TimeZone = "Asia/Kolkata", ReminderTime = new TimeOnly(19, 30) });
            await context.SaveChangesAsync();
        }
        var cards = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => db.CardIdAsync("d", $"card-{i:D3}")));
        var n = 0;
        for (var day = 0; day < 3; day++)
        {
            foreach (var student in _students)
            {
                foreach (var card in cards.Take(4 + day))
                {
                    n++;
                    await db.Engine.AnswerAsync(student, card, new SelfGrade(n % 4 == 0 ? Rating.Again : Rating.Good), $"seed-{n}", TimeSpan.FromSeconds(3), ReviewSource.Review, Utc.At(2026, 3, 2 + day, 12).AddMinutes(n));
                }
            }
        }
        await db.Engine.UndoAsync(_students[1], "seed-undo", Utc.At(2026, 3, 5, 12));
        return db;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Name}\"";
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private static async Task<List<(long Id, string InteractionId, long? UndoesId, DateTime At)>> LogAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return (await context.ReviewLog.OrderBy(l => l.Id).Select(l => new { l.Id, l.InteractionId, l.UndoesId, l.ReviewedUtc }).ToListAsync())
            .Select(l => (l.Id, l.InteractionId, l.UndoesId, l.ReviewedUtc)).ToList();
    }

    private sealed class Recorder(List<CopyProgress> reports) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value) => reports.Add(value);
    }
}
