using Microsoft.Data.Sqlite;
using Npgsql;
using StudyBot.Data;

namespace StudyBot.Benchmarks;

/// <summary>
/// The database a suite runs on: by default a SQLite file in the suite's temporary folder; with
/// <c>--db postgres</c> a database of its own (studybot_bench_GUID, dropped afterwards) on the
/// PostgreSQL server that STUDYBOT_TEST_POSTGRES names (an Npgsql connection string).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "STUDYBOT_TEST_POSTGRES";

    private readonly string? _server;
    private readonly string? _name;

    private BenchDatabase(DatabaseTarget target, string? server, string? name)
    {
        Target = target;
        _server = server;
        _name = name;
    }

    public DatabaseTarget Target { get; }

    public string Label => Target.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>The host's configuration for this database, as command-line arguments.</summary>
    public string[] HostArguments =>
        [$"--{DatabaseTarget.ProviderKey}={(Target.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite")}", $"--{DatabaseTarget.ConnectionStringKey}={Target.ConnectionString}"];

    /// <summary>Whether the arguments ask for PostgreSQL (<c>--db postgres</c>).</summary>
    public static bool WantsPostgres(string[] args)
    {
        var at = Array.IndexOf(args, "--db");
        return at >= 0 && at + 1 < args.Length && DatabaseTarget.ParseProvider(args[at + 1]) == DatabaseProvider.Postgres;
    }

    /// <summary>A fresh database named <paramref name="file"/> in <paramref name="directory"/>, or on PostgreSQL when the arguments ask for it.</summary>
    public static async Task<BenchDatabase> CreateAsync(string[] args, string directory, string file)
    {
        if (!WantsPostgres(args))
        {
            return new BenchDatabase(DatabaseTarget.Sqlite(Path.Combine(directory, file)), null, null);
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"--db postgres needs a PostgreSQL server: set {ServerVariable} to an Npgsql connection string, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");
        }

        var name = "studybot_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new BenchDatabase(DatabaseTarget.Postgres(target.ConnectionString), server, name);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_server is null || _name is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
