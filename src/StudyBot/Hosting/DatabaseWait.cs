using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace StudyBot.Hosting;

/// <summary>
/// Before the host starts (the migration, the Quartz store and the cluster guard all need it): waits
/// until the PostgreSQL server accepts a connection, retrying what may pass (refused or timed-out
/// connections, a name that does not resolve yet, a server still starting). A refusal that waiting
/// cannot change (a wrong password, a database that does not exist) is one line and exit code 2. A
/// SQLite file needs no wait.
/// </summary>
internal static class DatabaseWait
{
    public static async Task UntilReachableAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageLocation>();
        if (storage.IsSqlite)
        {
            return;
        }

        await services.GetRequiredService<StartupRetry>().RunAsync(StartupRetry.Database, async ct =>
        {
            await using var connection = new NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync(ct);
            return true;
        }, Transient, cancellationToken);
    }

    /// <summary>Why the connection failed when waiting may help; null when it cannot.</summary>
    public static string? Transient(Exception e) => e switch
    {
        // 57P03 cannot_connect_now: the server is starting up or shutting down.
        PostgresException postgres => postgres.IsTransient ? $"PostgreSQL {postgres.SqlState}: {postgres.MessageText}" : null,
        NpgsqlException { InnerException: SocketException socket } => StartupRetry.Socket(socket),
        NpgsqlException { InnerException: TimeoutException } => "timed out",
        NpgsqlException { IsTransient: true } npgsql => npgsql.Message,
        SocketException socket => StartupRetry.Socket(socket),
        TimeoutException => "timed out",
        _ => null,
    };

    /// <summary>The one line for a database refusal at start (no stack trace, no source paths).</summary>
    public static string Describe(System.Data.Common.DbException e) => e switch
    {
        PostgresException postgres => $"database: PostgreSQL refused: {postgres.SqlState} {postgres.MessageText} (check ConnectionStrings:StudyBot)",
        _ => $"database: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}",
    };
}
