using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Runs SQLite's write-ahead-log checkpoints off the answer path. By default the connection whose
/// commit takes the log past 1,000 pages copies the log back into the database file there and
/// then, with an fsync, so one answer in a few hundred waits milliseconds for work that is not its
/// own (the p99 of the answers benchmark). The answer path's connections turn that off
/// (<c>PRAGMA wal_autocheckpoint=0</c>) and report the answers they commit here; after every
/// <see cref="AnswersPerCheckpoint"/> answers, or within a second of the last answer, a background
/// task runs a PASSIVE checkpoint on a connection of its own, which never blocks a writer or a
/// reader. Every other connection keeps SQLite's automatic checkpoint. On PostgreSQL it does nothing.
/// </summary>
public sealed class WalCheckpointer(DatabaseTarget target, ILogger<WalCheckpointer> logger) : IAsyncDisposable
{
    /// <summary>About 1,000 log pages (an answer writes a handful): SQLite's own threshold.</summary>
    public const int AnswersPerCheckpoint = 200;

    /// <summary>The autocheckpoint threshold a connection gets back when it leaves the answer path: SQLite's default.</summary>
    public const int DefaultAutoCheckpointPages = 1000;

    private static readonly TimeSpan _idle = TimeSpan.FromSeconds(1);

    private readonly bool _enabled = target.Provider == DatabaseProvider.Sqlite && StorageHealth.FileOf(target.ConnectionString) is not null;
    private readonly SemaphoreSlim _due = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _start = new();
    private Task? _loop;
    private int _pending;
    private long _checkpoints;
    private long _elapsedTicks;
    private bool _disposed;

    /// <summary>Whether answers' connections should leave checkpoints to this (SQLite files only).</summary>
    public bool Enabled => _enabled;

    /// <summary>Checkpoints run so far and the time they took: the work taken off the answer path.</summary>
    public (long Checkpoints, TimeSpan Elapsed) Stats => (Interlocked.Read(ref _checkpoints), Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks)));

    /// <summary>Reports <paramref name="answers"/> answers committed by a connection that does not checkpoint. Never throws.</summary>
    public void Committed(int answers)
    {
        if (!_enabled || answers <= 0)
        {
            return;
        }
        var before = Interlocked.Add(ref _pending, answers) - answers;
        if (Volatile.Read(ref _loop) is null)
        {
            EnsureStarted();
        }
        if (before / AnswersPerCheckpoint != (before + answers) / AnswersPerCheckpoint)
        {
            _due.Release();
        }
    }

    private void EnsureStarted()
    {
        lock (_start)
        {
            if (_loop is null && !_disposed)
            {
                Volatile.Write(ref _loop, Task.Run(RunAsync));
            }
        }
    }

    private async Task RunAsync()
    {
        // Never creates the file: if it was removed meanwhile, the checkpoint fails and says so.
        var builder = new SqliteConnectionStringBuilder(StudyDbOptions.ConnectionString(target.ConnectionString)) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        var token = _stop.Token;
        while (true)
        {
            bool stopping;
            try
            {
                await _due.WaitAsync(_idle, token);
                stopping = false;
            }
            catch (OperationCanceledException)
            {
                stopping = true;
            }
            if (Interlocked.Exchange(ref _pending, 0) > 0)
            {
                await CheckpointAsync(connection);
            }
            if (stopping)
            {
                return;
            }
        }
    }

    private async Task CheckpointAsync(SqliteConnection connection)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync();
                await SqlitePragmas.ApplyAsync(connection, CancellationToken.None);
            }
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var reader = await command.ExecuteReaderAsync();
            Interlocked.Increment(ref _checkpoints);
        }
        catch (SqliteException exception)
        {
            // The next commit's report tries again; a database that is gone is StorageHealth's to report.
            logger.LogWarning("A background WAL checkpoint failed: {Message}", exception.Message);
        }
        finally
        {
            Interlocked.Add(ref _elapsedTicks, Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Stops the background task after a last checkpoint of what answers committed.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_start)
        {
            _disposed = true;
            loop = _loop;
        }
        await _stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }
        // _due is not disposed: a commit reported during shutdown must never fail the answers it committed.
        _stop.Dispose();
    }
}
