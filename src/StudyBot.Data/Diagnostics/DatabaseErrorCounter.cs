using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data.Diagnostics;

/// <summary>
/// Counts every failed command and failed connection of StudyBot's contexts in <c>studybot.db.errors</c>
/// (the answer path's own failures are counted with the answers), by what the provider's error means
/// (<see cref="DatabaseErrors"/>), so a reminder job or a quiz close failing on the database shows up in
/// /metrics, not only in the log.
/// </summary>
public sealed class DatabaseErrorCounter : DbCommandInterceptor, IDbConnectionInterceptor
{
    public static DatabaseErrorCounter Instance { get; } = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Count(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => DataMetrics.DatabaseError("connection");

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DataMetrics.DatabaseError("connection");
        return Task.CompletedTask;
    }

    /// <summary>The kind label for a provider's error: busy, constraint, storage or other.</summary>
    public static string Kind(Exception exception)
        => DatabaseErrors.IsBusy(exception) ? "busy"
            : DatabaseErrors.IsConstraintViolation(exception) ? "constraint"
            : DatabaseErrors.StorageFault(exception) is not null ? "storage"
            : "other";

    private static void Count(Exception exception)
    {
        if (exception is not OperationCanceledException)
        {
            DataMetrics.DatabaseError(Kind(exception));
        }
    }
}
