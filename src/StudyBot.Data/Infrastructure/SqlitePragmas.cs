using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// SQLite's per-connection settings, for every connection to the database, EF's and Quartz's alike:
/// WAL (so readers never block the writer), synchronous=NORMAL (safe under WAL against process
/// crashes, and about 3x faster than the FULL default, which applies per connection), a busy timeout
/// so concurrent writers wait instead of failing, and foreign keys.
/// </summary>
public static class SqlitePragmas
{
    /// <summary>How long a connection waits for another writer's lock before SQLite answers SQLITE_BUSY.</summary>
    public const string BusyTimeoutMilliseconds = "5000";

    public const string Statement =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA foreign_keys=ON;";

    // Pooled connections reuse native handles, and the settings stay on a handle: set them once per handle.
    private static readonly ConditionalWeakTable<object, object> _configured = new();

    /// <summary>Whether <paramref name="connection"/> is an open SQLite connection whose handle has not had the settings yet.</summary>
    public static bool NeedsApplying(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle);

    /// <summary>Sets the pragmas on a just-opened connection, once per native handle.</summary>
    public static void Apply(DbConnection connection)
    {
        if (NeedsApplying(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Statement;
            command.ExecuteNonQuery();
        }
    }

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (NeedsApplying(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
