using Microsoft.Data.Sqlite;

namespace StudyBot.Data.Backup;

/// <summary>
/// Puts a backup in place of the progress database, only while no bot holds the database. The
/// database it replaces is kept beside it (renamed, with its -wal and -shm), never deleted.
/// </summary>
public static class DatabaseRestore
{
    public static async Task<RestoreResult> RestoreAsync(string backupFile, string targetConnectionString, DateTime nowUtc, CancellationToken cancellationToken = default)
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
        string? kept = null;
        if (File.Exists(target))
        {
            kept = $"{target}.before-restore-{nowUtc:yyyyMMdd-HHmmss}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(target + suffix))
                {
                    File.Move(target + suffix, kept + suffix);
                }
            }
        }

        SqliteConnection.ClearAllPools();
        var copy = await DatabaseBackup.CopyAsync($"Data Source={backup}", target, cancellationToken);
        return new RestoreResult(copy.Path, kept);
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
