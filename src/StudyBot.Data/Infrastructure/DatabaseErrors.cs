using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// What a provider's error means, the same way for SQLite and PostgreSQL, so the review engine
/// and the hand-written SQL treat both alike. Looks at the exception and its inner exceptions
/// (EF wraps the provider's error in a <see cref="Microsoft.EntityFrameworkCore.DbUpdateException"/>).
/// </summary>
public static class DatabaseErrors
{
    // PostgreSQL SQLSTATE classes (the first two characters): integrity constraint violation,
    // insufficient resources, system error.
    private const string ConstraintViolationClass = "23";
    private const string InsufficientResourcesClass = "53";
    private const string SystemErrorClass = "58";

    /// <summary>A broken constraint: a unique key (a repeated interaction id), a foreign key, NOT NULL, CHECK (SQLITE_CONSTRAINT, PostgreSQL class 23).</summary>
    public static bool IsConstraintViolation(Exception exception) => Find(exception) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == raw.SQLITE_CONSTRAINT,
        PostgresException postgres => postgres.SqlState.StartsWith(ConstraintViolationClass, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Another writer holds what this one needs, and trying again will do: SQLite BUSY or LOCKED;
    /// PostgreSQL serialization failure, deadlock or lock not available.
    /// </summary>
    public static bool IsBusy(Exception exception) => Find(exception) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };

    /// <summary>
    /// The storage failed rather than the statement: SQLite full, read-only, I/O error or cannot
    /// open; PostgreSQL out of disk or resources (class 53), a system or I/O error (class 58), a
    /// server shutting down (57P01-57P03), a read-only server, or no connection at all. Returns
    /// the provider's message, or null.
    /// </summary>
    public static string? StorageFault(Exception exception) => Find(exception) switch
    {
        SqliteException { SqliteErrorCode: raw.SQLITE_FULL or raw.SQLITE_IOERR or raw.SQLITE_READONLY or raw.SQLITE_CANTOPEN } sqlite => sqlite.Message,
        PostgresException postgres when postgres.SqlState.StartsWith(InsufficientResourcesClass, StringComparison.Ordinal)
            || postgres.SqlState.StartsWith(SystemErrorClass, StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.ReadOnlySqlTransaction => $"{postgres.SqlState}: {postgres.MessageText}",
        PostgresException => null,
        NpgsqlException npgsql when npgsql.IsTransient => npgsql.Message,
        _ => null,
    };

    private static Exception? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException or NpgsqlException)
            {
                return e;
            }
        }
        return null;
    }
}
