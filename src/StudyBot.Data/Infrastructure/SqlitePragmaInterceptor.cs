using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Sets SQLite's per-connection settings on every opened connection: WAL (so readers never block the
/// writer), synchronous=NORMAL (safe under WAL against process crashes, and about 3x faster than the
/// FULL default, which applies per connection), a busy timeout so concurrent writers wait instead of
/// failing, and foreign keys.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a connection waits for another writer's lock before SQLite answers SQLITE_BUSY.</summary>
    private const string BusyTimeoutMilliseconds = "5000";

    private const string Pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";

    // Pooled connections reuse native handles, and the settings stay on a handle: set them once per handle.
    private readonly ConditionalWeakTable<object, object> _configured = new();

    private bool IsNew(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
