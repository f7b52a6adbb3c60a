using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Answers;
using StudyBot.Core.Scheduling;
using StudyBot.Data.Backup;
using StudyBot.Data.Entities;
using StudyBot.Data.Tests.Support;
using StudyBot.Data.Verification;

namespace StudyBot.Data.Tests;

public sealed class BackupTests
{
    [Fact]
    public async Task CopyAsync_WhileAnswersAreWritten_EachCopyIsConsistentAndPassesVerify()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 40));
        var cards = new List<int>();
        for (var i = 1; i <= 40; i++)
        {
            cards.Add(await db.CardIdAsync("d", $"card-{i:D3}"));
        }

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            var now = Utc.At(2026, 3, 2, 12);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await db.Engine.AnswerAsync((ulong)(n % 7) + 1, cards[n % cards.Count], new SelfGrade((Rating)(n % 4 + 1)), $"i{n}", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(n));
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 50)
        {
            await Task.Delay(5);
        }

        var copies = new List<(string Path, int WrittenBefore, int WrittenAfter)>();
        for (var i = 0; i < 3; i++)
        {
            var before = Volatile.Read(ref written);
            var copy = await DatabaseBackup.CopyAsync($"Data Source={db.Path}", Path.Combine(db.Directory, $"copy-{i}.db"));
            copies.Add((copy.Path, before, Volatile.Read(ref written)));
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await writer;
        Assert.True(written > copies[^1].WrittenAfter, "answers were still being written after the last copy");
        foreach (var (path, writtenBefore, writtenAfter) in copies)
        {
            Assert.Equal("ok", await DatabaseBackup.CheckIntegrityAsync(path));
            Assert.False(File.Exists(path + "-wal"));
            await using var services = new ServiceCollection().AddLogging().AddStudyData(path).BuildServiceProvider();
            var report = await services.GetRequiredService<ReviewLogVerifier>().VerifyAsync();
            Assert.True(report.Passed, string.Join("\n", report.Differences.Select(d => d.What)));
            await using var context = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
            var logged = await context.ReviewLog.CountAsync();
            // A snapshot of one moment: everything committed before the copy began, nothing beyond what was written by its end.
            Assert.InRange(logged, writtenBefore, writtenAfter + 1);
        }
    }

    [Fact]
    public async Task CopyAsync_TargetExists_RefusesAndLeavesItAlone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var target = Path.Combine(db.Directory, "existing.db");
        await File.WriteAllTextAsync(target, "keep me");

        var error = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.CopyAsync($"Data Source={db.Path}", target));

        Assert.Contains("already exists", error.Message);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task CopyAsync_PostgreSqlConnectionString_PointsToPgDump()
    {
        var error = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.CopyAsync("Host=db;Database=studybot;Username=bot", Path.Combine(Path.GetTempPath(), "never.db")));

        Assert.Contains("pg_dump", error.Message);
    }

    [Fact]
    public async Task RestoreAsync_DatabaseLocked_RefusesAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var backup = await DatabaseBackup.CopyAsync($"Data Source={db.Path}", Path.Combine(db.Directory, "b.db"));
        var before = await File.ReadAllBytesAsync(db.Path);

        using (DatabaseLock.TryAcquire(db.Path))
        {
            var error = await Assert.ThrowsAsync<BackupException>(() => DatabaseRestore.RestoreAsync(backup.Path, $"Data Source={db.Path}", Utc.At(2026, 3, 3, 9)));
            Assert.Contains("in use by a running StudyBot", error.Message);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(db.Path));
        Assert.Empty(Directory.EnumerateFiles(db.Directory, "*.before-restore-*"));
    }

    [Fact]
    public async Task RestoreAsync_NotAStudyBotDatabase_RefusesAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var other = Path.Combine(db.Directory, "other.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x);";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<BackupException>(() => DatabaseRestore.RestoreAsync(other, $"Data Source={db.Path}", Utc.At(2026, 3, 3, 9)));

        Assert.Contains("not a StudyBot one", error.Message);
    }

    [Fact]
    public async Task CopyAsync_NewBackup_ReadableAndWritableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // file modes are Unix's
        }
        await using var db = await TestDatabase.CreateAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));

        var backup = await DatabaseBackup.CopyAsync($"Data Source={db.Path}", Path.Combine(db.Directory, "private.db"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup.Path));
    }

    [Fact]
    public async Task DatabaseCopy_SqliteSourceHeldByARunningBot_RefusedAndNoTargetWritten()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Decks.UploadAsync(TestDecks.Numbered("d", 1));
        var target = Path.Combine(db.Directory, "copy.db");

        using (DatabaseLock.TryAcquire(db.Path))
        {
            var error = await Assert.ThrowsAsync<Transfer.CopyException>(() => Transfer.DatabaseCopy.CopyAsync(db.Target, DatabaseTarget.Sqlite(target)));
            Assert.Equal($"the source, {db.Path}, is in use by a running StudyBot; stop the bot, then copy", error.Message);
        }
        Assert.False(File.Exists(target));

        // Stopped: the same copy goes through.
        var copied = await Transfer.DatabaseCopy.CopyAsync(db.Target, DatabaseTarget.Sqlite(target));
        Assert.True(copied.Rows > 0);
    }
}
