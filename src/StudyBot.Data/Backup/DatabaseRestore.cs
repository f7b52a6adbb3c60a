using Microsoft.Data.Sqlite;

namespace StudyBot.Data.Backup;

/// <summary>
/// Puts a backup in place of the progress database, only while no bot holds the database. The backup
/// is copied to <c>DATABASE.partial</c> first and checked there (SQLite's integrity check, and it opens
/// as a StudyBot database); only then is the database it replaces copied aside (kept as
/// <c>DATABASE.before-restore-TIME</c>, never deleted) and the checked copy renamed over it, one atomic
/// step. A crash or a full disk at any point before that rename leaves the old database where it was.
/// </summary>
public static class DatabaseRestore
{
    /// <summary>Where a restore writes its copy before the swap; left behind only by a crash during one.</summary>
    public static string PartialFor(string databaseFile) => Path.GetFullPath(databaseFile) + ".partial";

    /// <summary>The prefix of the copies of replaced databases: DATABASE.before-restore-yyyyMMdd-HHmmss.</summary>
    public static string KeptPrefixFor(string databaseFile) => Path.GetFullPath(databaseFile) + ".before-restore-";

    public static Task<RestoreResult> RestoreAsync(string backupFile, string targetConnectionString, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        RestoreAsync(backupFile, targetConnectionString, nowUtc, DatabaseBackup.CopyCheckedAsync, cancellationToken);

    /// <param name="copy">Copies the backup (a connection string) into the partial file and checks it; a test's may fail midway.</param>
    public static async Task<RestoreResult> RestoreAsync(
        string backupFile, string targetConnectionString, DateTime nowUtc, Func<string, string, CancellationToken, Task> copy, CancellationToken cancellationToken = default)
    {
        var backup = Path.GetFullPath(backupFile);
        var target = Path.GetFullPath(DatabaseBackup.Sqlite(targetConnectionString).DataSource);
        if (!File.Exists(backup))
        {
            throw new BackupException($"there is no backup at {backup}");
        }

        if (string.Equals(backup, target, StringComparison.Ordinal))
        {
            throw new BackupException("the backup and the database are the same file");
        }

        var integrity = await DatabaseBackup.CheckIntegrityAsync(backup, cancellationToken);
        if (integrity != "ok")
        {
            throw new BackupException($"{backup} is not a sound SQLite database ({integrity}); nothing was changed");
        }

        if (!await IsStudyBotDatabaseAsync(backup, cancellationToken))
        {
            throw new BackupException($"{backup} is a SQLite database but not a StudyBot one (it has no migration history); nothing was changed");
        }

        using var held = DatabaseLock.TryAcquire(target)
            ?? throw new BackupException($"the database {target} is in use by a running StudyBot; stop the bot, then restore");
        var partial = PartialFor(target);
        SqliteConnection.ClearAllPools();
        try
        {
            // A copy a crashed restore left behind: this one starts again (the lock says no other restore runs).
            DeletePartial(partial);
            var source = new SqliteConnectionStringBuilder { DataSource = backup, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
            await copy(source, partial, cancellationToken);
            var copied = await DatabaseBackup.CheckIntegrityAsync(partial, cancellationToken);
            if (copied != "ok" || !await IsStudyBotDatabaseAsync(partial, cancellationToken))
            {
                throw new BackupException($"the copy of {backup} at {partial} did not check out ({(copied == "ok" ? "no migration history" : copied)}); the database was not changed");
            }

            string? kept = null;
            if (File.Exists(target))
            {
                // Everything in the old database's -wal goes into the file first: the -wal of one
                // database must never meet the other, and the kept copy is then complete on its own.
                await DatabaseBackup.CheckpointAsync(target, cancellationToken);
                kept = KeptPrefixFor(target) + nowUtc.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
                File.Copy(target, kept);
                foreach (var suffix in new[] { "-wal", "-shm" })
                {
                    if (File.Exists(target + suffix))
                    {
                        File.Move(target + suffix, kept + suffix);
                    }
                }
            }

            File.Move(partial, target, overwrite: true);
            return new RestoreResult(target, kept);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"could not restore {target} ({e.Message}); the database was not changed", e);
        }
        finally
        {
            DeletePartial(partial);
        }
    }

    private static void DeletePartial(string partial)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(partial + suffix);
        }
    }

    private static async Task<bool> IsStudyBotDatabaseAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}

/// <summary>Where the database now is, and where the one it replaced was kept (null when there was none).</summary>
public sealed record RestoreResult(string Database, string? Previous);
