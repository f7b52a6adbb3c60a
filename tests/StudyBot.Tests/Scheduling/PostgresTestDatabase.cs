using Npgsql;

namespace StudyBot.Tests.Scheduling;

/// <summary>
/// A database of its own on the PostgreSQL server STUDYBOT_TEST_POSTGRES names (scripts/test.sh
/// starts one), created for one test and dropped after it.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "STUDYBOT_TEST_POSTGRES";

    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set.");
        var database = new PostgresTestDatabase(server, $"studybot_test_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
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
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.Server is null)
        {
            Skip = $"PostgreSQL tests skipped: {PostgresTestDatabase.Variable} is not set; scripts/test.sh starts one.";
        }
    }
}
