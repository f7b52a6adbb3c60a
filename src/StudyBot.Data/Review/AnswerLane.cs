using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace StudyBot.Data.Review;

/// <summary>
/// One connection the answer path keeps open, with its commands built once and kept: SQLite
/// compiles a statement again for every new command (Microsoft.Data.Sqlite keeps a compiled
/// statement only on the command that compiled it), and compiling the answer's read and write cost
/// more than running them. A lane is used by one answer at a time. Its commands run through EF's
/// command diagnostics, so interceptors (the statement counter) and EF's command log see them as
/// they see EF's own queries; its transactions are EF's.
/// </summary>
internal sealed class AnswerLane : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly IRelationalConnection _connection;
    private readonly IRelationalCommandDiagnosticsLogger _log;

    private readonly bool _checkpointsElsewhere;

    private AnswerLane(StudyDbContext db, bool checkpointsElsewhere)
    {
        Db = db;
        _checkpointsElsewhere = checkpointsElsewhere;
        _connection = db.GetService<IRelationalConnection>();
        _log = db.GetService<IRelationalCommandDiagnosticsLogger>();
    }

    /// <summary>The lane's context, its connection held open: also for the answer path's rare EF queries.</summary>
    public StudyDbContext Db { get; }

    /// <summary>Commands built and kept so far (one per distinct statement text).</summary>
    internal int KeptCommands => _commands.Count;

    /// <summary>When the lane was last handed back (<see cref="Environment.TickCount64"/>).</summary>
    public long IdleSince { get; set; }

    /// <summary>The lane's transaction, if one is open; its commands join it.</summary>
    private DbTransaction? Transaction => Db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>
    /// Opens a lane; with <paramref name="checkpointsElsewhere"/> (a SQLite file with a
    /// <see cref="Infrastructure.WalCheckpointer"/>) its commits never run a WAL checkpoint themselves.
    /// </summary>
    public static async Task<AnswerLane> OpenAsync(IDbContextFactory<StudyDbContext> contexts, bool checkpointsElsewhere)
    {
        var db = await contexts.CreateDbContextAsync();
        try
        {
            await db.Database.OpenConnectionAsync();
            if (checkpointsElsewhere)
            {
                await SetAutoCheckpointAsync(db, 0);
            }
            return new AnswerLane(db, checkpointsElsewhere);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The command for <paramref name="sql"/>, built the first time; set its parameters with <see cref="KeptParameters"/>.</summary>
    public DbCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.DbConnection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        command.Transaction = Transaction;
        return command;
    }

    /// <summary>Runs <paramref name="command"/> as EF runs a query: interceptors and the command log see it, errors are logged.</summary>
    public async Task<DbDataReader> ExecuteReaderAsync(DbCommand command)
    {
        var commandId = Guid.NewGuid();
        var startTime = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var interception = await _log.CommandReaderExecutingAsync(_connection, command, command.CommandText, Db, commandId, _connection.ConnectionId, startTime, CommandSource.ExecuteSqlRaw);
            var reader = interception.HasResult ? interception.Result : await command.ExecuteReaderAsync();
            return await _log.CommandReaderExecutedAsync(_connection, command, command.CommandText, Db, commandId, _connection.ConnectionId, reader, startTime, Stopwatch.GetElapsedTime(started), CommandSource.ExecuteSqlRaw);
        }
        catch (Exception exception)
        {
            await _log.CommandErrorAsync(_connection, command, command.CommandText, Db, DbCommandMethod.ExecuteReader, commandId, _connection.ConnectionId, exception, startTime, Stopwatch.GetElapsedTime(started), CommandSource.ExecuteSqlRaw);
            throw;
        }
    }

    /// <summary>Sets SQLite's automatic checkpoint threshold on the lane's connection (a connection setting, like the open pragmas: not counted).</summary>
    private static async Task SetAutoCheckpointAsync(StudyDbContext db, int pages)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA wal_autocheckpoint={pages.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
        _commands.Clear();
        try
        {
            if (_checkpointsElsewhere)
            {
                // The native handle goes back to the pool: the next user gets SQLite's own checkpoints back.
                await SetAutoCheckpointAsync(Db, Infrastructure.WalCheckpointer.DefaultAutoCheckpointPages);
            }
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // A broken or closed connection is not pooled again anyway.
        }
        await Db.Database.CloseConnectionAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>
/// Sets a kept command's parameters in the order of the calls, declaring each on the command's first
/// use (a name out of that order is a bug, and says so); values are the provider's own, with times
/// marked UTC as the context's converter stores them (Npgsql's timestamptz requires it).
/// </summary>
internal sealed class KeptParameters(DbCommand command)
{
    private int _next;

    public void Add(string name, object? value)
    {
        var parameters = command.Parameters;
        var index = _next++;
        DbParameter parameter;
        if (index < parameters.Count)
        {
            parameter = parameters[index];
            if (!string.Equals(parameter.ParameterName, name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Parameter {index} of a kept answer command is {parameter.ParameterName}, not {name}.");
            }
        }
        else
        {
            parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameters.Add(parameter);
        }
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTime time => time.Kind switch
            {
                DateTimeKind.Local => time.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                _ => time,
            },
            _ => value,
        };
    }
}

/// <summary>
/// The answer path's lane: answers are read and written one batch at a time (by the writer, or by
/// a lone answer's caller), all on this one connection, so its page cache stays warm (SQLite drops a
/// connection's whole cache when another connection commits) and no answer races another in this
/// process. A lane that failed is closed rather than given back, so a broken connection is never
/// used twice; one idle longer than <c>maxIdle</c> is closed when next taken, so a server's idle
/// timeout never hands an answer a dead connection.
/// </summary>
internal sealed class AnswerLanes(IDbContextFactory<StudyDbContext> contexts, bool checkpointsElsewhere, TimeSpan maxIdle) : IAsyncDisposable
{
    private AnswerLane? _idle;
    private volatile bool _closed;

    /// <summary>The lane, open; one user at a time (the answer queue writes one batch at a time). Give it back with <see cref="ReturnAsync"/>.</summary>
    public async Task<AnswerLane> TakeAsync()
    {
        if (Interlocked.Exchange(ref _idle, null) is { } lane)
        {
            if (Environment.TickCount64 - lane.IdleSince <= (long)maxIdle.TotalMilliseconds)
            {
                return lane;
            }
            await lane.DisposeAsync();
        }
        return await AnswerLane.OpenAsync(contexts, checkpointsElsewhere);
    }

    /// <summary>Gives the lane back after a use; <paramref name="healthy"/> false (the database failed under it) closes it.</summary>
    public async ValueTask ReturnAsync(AnswerLane lane, bool healthy)
    {
        if (healthy && !_closed && lane.Db.Database.CurrentTransaction is null)
        {
            lane.IdleSince = Environment.TickCount64;
            if (Interlocked.CompareExchange(ref _idle, lane, null) is null)
            {
                if (_closed && Interlocked.Exchange(ref _idle, null) is { } closing)
                {
                    // Closed meanwhile: nobody else will close it.
                    await closing.DisposeAsync();
                }
                return;
            }
        }
        await lane.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        if (Interlocked.Exchange(ref _idle, null) is { } lane)
        {
            await lane.DisposeAsync();
        }
    }
}
