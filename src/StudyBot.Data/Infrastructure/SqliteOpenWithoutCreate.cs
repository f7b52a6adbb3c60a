using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Once the database file has been seen (<see cref="StorageHealth.IsPinned"/>), every connection the
/// bot's contexts open uses SQLite's <c>Mode=ReadWrite</c> instead of the default ReadWriteCreate: a
/// file removed under the running bot then fails to open (SQLITE_CANTOPEN, a storage fault answered
/// with the storage message) instead of being re-created empty by the next pooled connection, which a
/// restart would then run on as if nothing had happened. Before that (the start-up migration making
/// a new database) connections may create the file.
/// </summary>
internal sealed class SqliteOpenWithoutCreate(StorageHealth health) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        NeverCreate(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        NeverCreate(connection);
        return ValueTask.FromResult(result);
    }

    // The last connection string seen and what it becomes: parsed once, not on every open.
    private Rewrite? _rewritten;

    private void NeverCreate(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || !health.IsPinned)
        {
            return;
        }
        var given = sqlite.ConnectionString;
        if (_rewritten is { } done && string.Equals(done.To, given, StringComparison.Ordinal))
        {
            return;
        }
        if (_rewritten is not { } known || !string.Equals(known.From, given, StringComparison.Ordinal))
        {
            var builder = new SqliteConnectionStringBuilder(given);
            if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
            {
                builder.Mode = SqliteOpenMode.ReadWrite;
            }
            known = new Rewrite(given, builder.ToString());
            _rewritten = known;
        }
        if (!string.Equals(known.To, given, StringComparison.Ordinal))
        {
            sqlite.ConnectionString = known.To;
        }
    }

    private sealed record Rewrite(string From, string To);
}
