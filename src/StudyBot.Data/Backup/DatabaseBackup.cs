using Microsoft.Data.Sqlite;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Backup;

/// <summary>
/// Copies a SQLite database with SQLite's online backup API: a consistent snapshot taken while the
/// bot keeps answering (in WAL mode readers do not block the writer). The copy is written beside its
/// target under a temporary name and renamed into place only once it is complete and passes
/// SQLite's integrity check, so a crash never leaves half a backup under the real name.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>How often a copy that met a busy database is tried before it fails, and the pause between tries.</summary>
    private const int BusyAttempts = 50;

    private static readonly TimeSpan _busyPause = TimeSpan.FromMilliseconds(20);

    /// <summary>Copies the database behind <paramref name="sourceConnectionString"/> to the new file <paramref name="targetPath"/>.</summary>
    /// <exception cref="BackupException">The target exists or its folder is missing, or the source cannot be read.</exception>
    public static async Task<BackupResult> CopyAsync(string sourceConnectionString, string targetPath, CancellationToken cancellationToken = default)
    {
        var source = Sqlite(sourceConnectionString);
        source.Mode = SqliteOpenMode.ReadWrite;
        source.Pooling = false;
        var sourceFile = Path.GetFullPath(source.DataSource);
        var target = Path.GetFullPath(targetPath);
        if (!File.Exists(sourceFile))
        {
            throw new BackupException($"there is no database at {sourceFile}");
        }

        if (File.Exists(target))
        {
            throw new BackupException($"{target} already exists; choose a new file name (a backup never overwrites)");
        }

        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new BackupException($"the folder {folder} does not exist");
        }

        var partial = target + ".partial";
        try
        {
            await CopyCheckedAsync(source.ToString(), partial, cancellationToken);
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupResult(target, new FileInfo(target).Length);
    }

    /// <summary>
    /// Copies the database behind <paramref name="sourceConnectionString"/> into the new file
    /// <paramref name="partial"/> and checks the copy with SQLite's integrity check; the caller renames
    /// it into place (or deletes it when this throws).
    /// </summary>
    /// <exception cref="BackupException">The source cannot be read, or the copy is not sound.</exception>
    internal static async Task CopyCheckedAsync(string sourceConnectionString, string partial, CancellationToken cancellationToken)
    {
        var source = Sqlite(sourceConnectionString);
        try
        {
            CreateOwnerOnly(partial);
            await using var from = new SqliteConnection(source.ToString());
            await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            await BackupWithRetriesAsync(from, to, cancellationToken);
            // In WAL mode like the database it copies (read-only readers such as db verify need that);
            // closing the last connection checkpoints and removes the -wal, leaving one self-contained file.
            await ExecuteAsync(to, "PRAGMA journal_mode=WAL;", cancellationToken);
            var integrity = await IntegrityAsync(to, cancellationToken);
            if (integrity != "ok")
            {
                throw new BackupException($"the copy of {source.DataSource} failed SQLite's integrity check: {integrity}");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"could not copy {source.DataSource}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Creates the copy's file empty, readable and writable by its owner only (0600): a backup holds
    /// every student's progress and answers. SQLite gives its -wal the database file's mode.
    /// </summary>
    private static void CreateOwnerOnly(string file)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var created = new FileStream(file, options);
    }

    /// <summary>Moves everything in the database's -wal file into the database, so that the file alone holds it.</summary>
    internal static async Task CheckpointAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    /// <summary>
    /// SQLite's backup step takes no busy timeout: while the review writer commits a batch it can
    /// answer BUSY or LOCKED, so the copy is tried again after a short pause before giving up.
    /// </summary>
    private static async Task BackupWithRetriesAsync(SqliteConnection from, SqliteConnection to, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                from.BackupDatabase(to);
                return;
            }
            catch (SqliteException e) when (attempt < BusyAttempts && DatabaseErrors.IsBusy(e))
            {
                await Task.Delay(_busyPause, cancellationToken);
            }
        }
    }

    /// <summary>Parses a SQLite connection string; anything else (a PostgreSQL one) gets a pointer to its own tools.</summary>
    internal static SqliteConnectionStringBuilder Sqlite(string connectionString)
    {
        try
        {
            return new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            throw new BackupException("the database is not a SQLite file; for PostgreSQL use its own tools: pg_dump --format=custom to back up, pg_restore to restore");
        }
    }

    /// <summary>SQLite's own check of a database file: "ok", or the first problem it found.</summary>
    public static async Task<string> CheckIntegrityAsync(string file, CancellationToken cancellationToken = default)
    {
        try
        {
            // Read-write (never create): a read-only reader of a WAL database leaves its -wal and -shm behind.
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            return await IntegrityAsync(connection, cancellationToken);
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check(1);";
        return (await command.ExecuteScalarAsync(cancellationToken))?.ToString() ?? "no answer";
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A finished backup: where it is and how big.</summary>
public sealed record BackupResult(string Path, long Bytes);

/// <summary>Why a backup or restore could not be made, in one line.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
