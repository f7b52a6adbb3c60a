using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyBot.Data.Diagnostics;

/// <summary>
/// Counts the SQL round trips StudyBot's contexts make: every command EF executes (queries,
/// SaveChanges, and the answer path's kept hand-written commands, which run through EF's command
/// diagnostics for this reason), every transaction begun, committed and rolled back. Not counted:
/// the connection settings (PRAGMAs) sent once when a new SQLite connection is opened (and the
/// answer connection's checkpoint setting), and opening a pooled connection, which sends nothing. Register it as a singleton before
/// <c>AddStudyData</c> builds its first context, and
/// every context of that service provider reports to it.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>The last statements seen, for messages that say what ran.</summary>
    private const int Remembered = 64;

    private readonly ConcurrentQueue<string> _recent = new();
    private long _commands;
    private long _begins;
    private long _commits;
    private long _rollbacks;

    /// <summary>Commands executed (each a round trip, however many statements its text holds).</summary>
    public long Commands => Interlocked.Read(ref _commands);

    public long Begins => Interlocked.Read(ref _begins);

    public long Commits => Interlocked.Read(ref _commits);

    public long Rollbacks => Interlocked.Read(ref _rollbacks);

    /// <summary>Commands plus transaction begins, commits and rollbacks: what one "SQL statement" means in the answer path's budget.</summary>
    public long Total => Commands + Begins + Commits + Rollbacks;

    /// <summary>The most recent commands and transaction events, oldest first.</summary>
    public IReadOnlyList<string> Recent => [.. _recent];

    public void Reset()
    {
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _begins, 0);
        Interlocked.Exchange(ref _commits, 0);
        Interlocked.Exchange(ref _rollbacks, 0);
        _recent.Clear();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Command(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Command(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Event(ref _begins, "BEGIN");
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Event(ref _begins, "BEGIN");
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Event(ref _commits, "COMMIT");
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Event(ref _commits, "COMMIT");
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionRollingBack(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Event(ref _rollbacks, "ROLLBACK");
        return result;
    }

    public ValueTask<InterceptionResult> TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Event(ref _rollbacks, "ROLLBACK");
        return ValueTask.FromResult(result);
    }

    private void Command(DbCommand command) => Event(ref _commands, command.CommandText);

    private void Event(ref long counter, string text)
    {
        Interlocked.Increment(ref counter);
        _recent.Enqueue(text);
        while (_recent.Count > Remembered && _recent.TryDequeue(out _))
        {
        }
    }
}
