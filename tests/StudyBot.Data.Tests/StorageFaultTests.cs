using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using StudyBot.Core.Answers;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

/// <summary>
/// The database under the engine is removed, replaced, full or read-only: answers are refused with
/// a message for the student, never written into a deleted file, and the fault is logged (once a
/// minute for a full disk). These faults are of a SQLite file; on PostgreSQL the server owns its
/// storage, and its errors are classified by <see cref="DatabaseErrors"/> (see DatabaseErrorsTests).
/// </summary>
public class StorageFaultTests
{
    private const ulong Student = 2002;

    private static async Task<(TestDatabase Db, int CardId)> AnsweredOnceAsync()
    {
        var db = await TestDatabase.CreateAsync();
        await db.Decks.UploadAsync(TestDecks.Deck("d", TestDecks.Typed("capital", "Pyongyang"), TestDecks.Typed("river", "Yalu")));
        var cardId = await db.CardIdAsync("d", "capital");
        await db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Pyongyang"), "i-1", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 2, 12));
        return (db, cardId);
    }

    [Fact]
    public async Task AnswerAsync_DatabaseFilesDeleted_IsRefusedAndReported()
    {
        var (db, cardId) = await AnsweredOnceAsync();
        await using var _ = db;
        foreach (var file in Directory.GetFiles(db.Directory, "study.db*"))
        {
            File.Delete(file);
        }

        var refused = await Assert.ThrowsAsync<StoreRefusedException>(() =>
            db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Pyongyang"), "i-2", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 5, 12)));

        Assert.Equal(StorageHealth.RemovedText, refused.Message);
        var health = db.Services.GetRequiredService<StorageHealth>();
        Assert.False(health.IsHealthy);
        Assert.Contains("study.db was removed while StudyBot ran", health.Problem);
        Assert.Single(db.Logs, line => line.Contains("Storage fault: the database file") && line.Contains("was removed"));
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task AnswerAsync_DatabaseFileReplaced_IsRefused()
    {
        var (db, cardId) = await AnsweredOnceAsync();
        await using var _ = db;
        var copy = db.Path + ".copy";
        File.Copy(db.Path, copy);
        File.Move(copy, db.Path, overwrite: true);

        var refused = await Assert.ThrowsAsync<StoreRefusedException>(() =>
            db.Engine.AnswerAsync(Student, cardId, new TypedAnswer("Pyongyang"), "i-2", TimeSpan.Zero, ReviewSource.Review, Utc.At(2026, 3, 5, 12)));

        Assert.Equal(StorageHealth.RemovedText, refused.Message);
        Assert.Contains("was replaced by another file", db.Services.GetRequiredService<StorageHealth>().Problem);
    }

    [Fact]
    public async Task IsStorageFault_DiskFullManyTimes_LoggedOncePerMinuteWithACount()
    {
        await using var db = await TestDatabase.CreateAsync();
        var health = db.Services.GetRequiredService<StorageHealth>();
        var full = new SqliteException("database or disk is full", raw.SQLITE_FULL);

        for (var i = 0; i < 50; i++)
        {
            Assert.True(health.IsStorageFault(full));
            db.Time.Advance(TimeSpan.FromSeconds(1));
        }
        db.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(health.IsStorageFault(full));

        var reports = db.Logs.Where(l => l.Contains("Answers are not being saved")).ToList();
        Assert.Equal(2, reports.Count);
        Assert.Contains("1 failed write(s) since the last report", reports[0]);
        Assert.Contains("50 failed write(s) since the last report", reports[1]);
        Assert.False(health.IsStorageFault(new SqliteException("constraint failed", raw.SQLITE_CONSTRAINT)));
    }

    [Fact]
    public async Task Problem_AskedBeforeTheFileExists_ConcludesNothingThenWatchesTheFileOnceMade()
    {
        var directory = Directory.CreateTempSubdirectory("studybot-unborn-").FullName;
        try
        {
            var path = Path.Combine(directory, "study.db");
            var target = DatabaseTarget.Sqlite(path);
            await using var services = new ServiceCollection().AddLogging().AddStudyData(target).BuildServiceProvider();
            var health = services.GetRequiredService<StorageHealth>();

            // A readiness probe before the start-up migration: no file yet, and nothing latched.
            Assert.Null(health.Problem);
            Assert.False(health.IsPinned);
            Assert.False(File.Exists(path));

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            Assert.Null(health.Problem);
            Assert.True(health.IsPinned);
            await using (var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync())
            {
                Assert.Equal(0, await db.Guilds.CountAsync());
            }

            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(directory, "study.db*"))
            {
                File.Delete(file);
            }

            Assert.Contains("study.db was removed while StudyBot ran", health.Problem);
            // Pinned: a new connection opens without creating, so the file is not made again, empty.
            await using (var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync())
            {
                var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Guilds.CountAsync());
                Assert.Equal(raw.SQLITE_CANTOPEN, refused.SqliteErrorCode);
            }
            Assert.False(File.Exists(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
