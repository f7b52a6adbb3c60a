using Npgsql;

namespace StudyBot.Testing;

/// <summary>
/// An empty database of its own on the PostgreSQL server <see cref="PostgresServer"/> names, created
/// for one test and dropped after it.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private PostgresTestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        if (PostgresServer.Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
        return new PostgresTestDatabase(await PostgresServer.CreateEmptyAsync());
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Child processes and other services may hold pools of their own on this database.
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.DropAsync(ConnectionString);
    }
}
