using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Data.Backup;

namespace StudyBot.Hosting.Backups;

/// <summary>Holds the database's lock while the bot runs, so `db restore` and a second bot see it is in use.</summary>
internal sealed class DatabaseLockHolder(StorageLocation storage, ILogger<DatabaseLockHolder> logger) : IHostedService, IDisposable
{
    private DatabaseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A file lock is SQLite's: PostgreSQL serves many bot processes at once.
        if (!storage.IsSqlite)
        {
            return Task.CompletedTask;
        }

        var builder = new SqliteConnectionStringBuilder(storage.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:")
        {
            return Task.CompletedTask;
        }

        try
        {
            _lock = DatabaseLock.TryAcquire(builder.DataSource)
                ?? throw new StartupException($"the database {Path.GetFullPath(builder.DataSource)} is in use by another StudyBot process; run one bot per database.");
        }
        catch (UnauthorizedAccessException)
        {
            // A read-only folder: the bot can still run; restore just cannot tell it is in use.
            logger.LogWarning("Could not create {LockFile}; `db restore` will not know this bot is running", DatabaseLock.PathFor(builder.DataSource));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
