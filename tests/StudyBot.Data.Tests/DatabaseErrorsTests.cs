using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Tests;

/// <summary>The two providers' errors mean the same to the answer path.</summary>
public class DatabaseErrorsTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [Fact]
    public void IsConstraintViolation_UniqueForeignKeyNotNull_TrueOnBothProvidersAlsoWrapped()
    {
        Assert.True(DatabaseErrors.IsConstraintViolation(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.True(DatabaseErrors.IsConstraintViolation(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.True(DatabaseErrors.IsConstraintViolation(Postgres(PostgresErrorCodes.ForeignKeyViolation)));
        Assert.True(DatabaseErrors.IsConstraintViolation(Postgres(PostgresErrorCodes.NotNullViolation)));
        Assert.True(DatabaseErrors.IsConstraintViolation(new DbUpdateException("wrapped", Postgres(PostgresErrorCodes.UniqueViolation))));
        Assert.False(DatabaseErrors.IsConstraintViolation(new SqliteException("busy", 5)));
        Assert.False(DatabaseErrors.IsConstraintViolation(Postgres(PostgresErrorCodes.SerializationFailure)));
        Assert.False(DatabaseErrors.IsConstraintViolation(new InvalidOperationException()));
    }

    [Fact]
    public void IsBusy_LockedOrSerializationOrDeadlock_TrueOnBothProviders()
    {
        Assert.True(DatabaseErrors.IsBusy(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseErrors.IsBusy(new SqliteException("table is locked", 6)));
        Assert.True(DatabaseErrors.IsBusy(Postgres(PostgresErrorCodes.SerializationFailure)));
        Assert.True(DatabaseErrors.IsBusy(Postgres(PostgresErrorCodes.DeadlockDetected)));
        Assert.False(DatabaseErrors.IsBusy(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseErrors.IsBusy(new SqliteException("constraint failed", 19)));
    }

    [Fact]
    public void StorageFault_FullOrIoOrShutdown_NamedOnBothProvidersOtherErrorsNot()
    {
        Assert.Equal("database or disk is full", DatabaseErrors.StorageFault(new SqliteException("database or disk is full", 13)));
        Assert.Equal("53100: message", DatabaseErrors.StorageFault(Postgres(PostgresErrorCodes.DiskFull)));
        Assert.Equal("58030: message", DatabaseErrors.StorageFault(Postgres(PostgresErrorCodes.IoError)));
        Assert.Equal("57P01: message", DatabaseErrors.StorageFault(Postgres(PostgresErrorCodes.AdminShutdown)));
        Assert.Equal("25006: message", DatabaseErrors.StorageFault(Postgres(PostgresErrorCodes.ReadOnlySqlTransaction)));
        Assert.Null(DatabaseErrors.StorageFault(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.Null(DatabaseErrors.StorageFault(new SqliteException("constraint failed", 19)));
        Assert.Null(DatabaseErrors.StorageFault(new TimeoutException()));
    }
}
