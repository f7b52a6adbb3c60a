using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Whether the database can take answers: the one place that knows, for the answer path now and a
/// readiness check later. At start it checks that the file and its folder can be written; once the
/// file has been seen (after the start-up migration made or opened it) it holds the file open, and
/// from then on notices the file being removed or replaced (its identity changes: the path is gone,
/// or the file the bot holds open is no longer the one at the path) and refuses answers rather than
/// writing into a deleted file. Before the file was ever seen (a readiness probe on a fresh volume,
/// before the first start made it) there is nothing to watch, and nothing is concluded. A full disk
/// or failing storage is logged at most once a minute, with a count of what happened in between.
/// </summary>
/// <remarks>
/// The file checks are SQLite's: on PostgreSQL there is no file to watch (<see cref="DatabaseFile"/>
/// is null, <see cref="Problem"/> stays null) and only the failed-write classification applies,
/// through <see cref="DatabaseErrors.StorageFault"/>.
/// </remarks>
public sealed class StorageHealth(DatabaseTarget target, TimeProvider time, ILogger<StorageHealth> logger) : IDisposable
{
    public const string RemovedText =
        "Nothing was saved: StudyBot's database file was removed or replaced while it ran, so it is not taking commands. The operator has been told; try again later.";

    public const string FullText = "Nothing was saved: StudyBot's storage is full or failing. Try again later.";

    private static readonly TimeSpan _logEvery = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly string? _path = target.Provider == DatabaseProvider.Sqlite ? FileOf(target.ConnectionString) : null;
    private readonly string _described = target.Describe();
    private FileStream? _held;
    private string? _problem;
    private DateTimeOffset _lastFaultLog = DateTimeOffset.MinValue;
    private int _faultsSinceLog;

    /// <summary>The database file, or null for an in-memory SQLite database or PostgreSQL.</summary>
    public string? DatabaseFile => _path;

    /// <summary>Why the database cannot take answers, or null while it can. Checks the file's identity each time.</summary>
    public string? Problem => Check();

    public bool IsHealthy => Problem is null;

    /// <summary>
    /// Whether the database file has been seen and is held: from then on connections open it without
    /// creating it (<see cref="SqliteOpenWithoutCreate"/>), so a removed file is never silently re-made empty.
    /// </summary>
    public bool IsPinned
    {
        get
        {
            lock (_gate)
            {
                return _held is not null;
            }
        }
    }

    /// <summary>
    /// Throws <see cref="DatabaseNotWritableException"/> (one line: which file, why) when the
    /// database or its folder cannot be written. Started on read-only files, the bot would connect
    /// and then fail every command.
    /// </summary>
    public void CheckWritable()
    {
        if (_path is null)
        {
            return;
        }
        var folder = Path.GetDirectoryName(_path)!;
        try
        {
            if (File.Exists(_path))
            {
                using var file = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            // SQLite writes its -wal and -shm files beside the database.
            var probe = Path.Combine(folder, $".studybot-write-check-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var what = File.Exists(_path) ? $"the database file {_path}" : $"the folder {folder}";
            throw new DatabaseNotWritableException($"database: {what} cannot be written ({e.Message}); StudyBot needs to write the file and its folder (for the -wal and -shm files).", e);
        }
    }

    /// <summary>Holds the database file open, so that its removal or replacement can be told from the path alone later.</summary>
    public void Pin()
    {
        lock (_gate)
        {
            if (_path is null || _held is not null || !File.Exists(_path))
            {
                return;
            }
            _held = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        }
    }

    /// <summary>Refuses answers with <see cref="StorageUnavailableException"/> once the file was removed or replaced.</summary>
    public void ThrowIfUnusable()
    {
        if (Check() is not null)
        {
            throw new StorageUnavailableException(RemovedText);
        }
    }

    /// <summary>
    /// For a failed write: true when it was the storage (full, read-only, I/O error, file gone),
    /// which is then logged at most once a minute; false for anything else.
    /// </summary>
    public bool IsStorageFault(Exception exception)
    {
        if (DatabaseErrors.StorageFault(exception) is not { } message)
        {
            return false;
        }
        lock (_gate)
        {
            _faultsSinceLog++;
            var now = time.GetUtcNow();
            if (now - _lastFaultLog < _logEvery)
            {
                return true;
            }
            logger.LogError("Answers are not being saved: the database {File} failed a write ({Message}); {Count} failed write(s) since the last report",
                _path ?? _described, message, _faultsSinceLog);
            _lastFaultLog = now;
            _faultsSinceLog = 0;
        }
        return true;
    }

    private string? Check()
    {
        if (_path is null)
        {
            return null;
        }
        lock (_gate)
        {
            if (_problem is not null)
            {
                return _problem;
            }
        }
        Pin();
        if (!IsPinned)
        {
            // Never seen: a probe before the start-up migration made the file. Nothing was lost.
            return null;
        }
        string? problem = null;
        if (!File.Exists(_path))
        {
            problem = $"the database file {_path} was removed while StudyBot ran; answers are refused until it is restarted (restore the file from a backup first)";
        }
        else if (HeldFileWasUnlinked())
        {
            problem = $"the database file {_path} was replaced by another file while StudyBot ran; answers are refused until it is restarted";
        }
        if (problem is null)
        {
            return null;
        }
        lock (_gate)
        {
            if (_problem is null)
            {
                _problem = problem;
                logger.LogError("Storage fault: {Problem}", problem);
            }
            return _problem;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _held?.Dispose();
            _held = null;
        }
    }

    /// <summary>Linux names an open file whose path was unlinked "... (deleted)" under /proc/self/fd.</summary>
    private bool HeldFileWasUnlinked()
    {
        FileStream? held;
        lock (_gate)
        {
            held = _held;
        }
        if (held is null || !OperatingSystem.IsLinux())
        {
            return false;
        }
        var target = new FileInfo($"/proc/self/fd/{held.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
        return target is not null && target.EndsWith(" (deleted)", StringComparison.Ordinal);
    }

    /// <summary>The SQLite database file a connection string names, or null for an in-memory database.</summary>
    public static string? FileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(StudyDbOptions.ConnectionString(connectionString));
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}

/// <summary>The database cannot take answers now; the message is fit to show a student.</summary>
public sealed class StorageUnavailableException(string message) : Exception(message);

/// <summary>At start: the database file or its folder cannot be written. One line, naming the file and why.</summary>
public sealed class DatabaseNotWritableException(string message, Exception inner) : Exception(message, inner);
