using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StudyBot.Data;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Testing;

/// <summary>
/// The PostgreSQL server the tests use, named by STUDYBOT_TEST_POSTGRES (a keyword connection
/// string to a superuser's maintenance database; scripts/test.sh starts a throwaway server and sets
/// it). Each test gets its own database, copied from a template migrated once per test run
/// (CREATE DATABASE ... TEMPLATE takes a few milliseconds; migrating takes about a second), and
/// drops it when done. The template is dropped when the test process exits.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "STUDYBOT_TEST_POSTGRES";

    private static readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private static readonly Lazy<string?> _unavailable = new(FindProblem);
    private static readonly SemaphoreSlim _templateGate = new(1, 1);
    private static string? _template;

    /// <summary>Why PostgreSQL tests cannot run here, or null when a server answers.</summary>
    public static string? Unavailable => _unavailable.Value;

    /// <summary>The server's maintenance connection string (from the environment).</summary>
    public static string Admin => Environment.GetEnvironmentVariable(Variable)!;

    /// <summary>A new database copied from the migrated template; returns its connection string.</summary>
    public static async Task<string> CreateMigratedAsync()
    {
        var template = await TemplateAsync();
        return await CreateAsync($"TEMPLATE \"{template}\"");
    }

    /// <summary>A new database with no tables at all.</summary>
    public static Task<string> CreateEmptyAsync() => CreateAsync("TEMPLATE template0");

    /// <summary>Closes this process's connections to the database and drops it.</summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        ClearPools(connectionString);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Admin) { Database = database, Pooling = true }.ConnectionString;

    private static async Task<string> CreateAsync(string from)
    {
        var name = $"studybot_test_{_run}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" {from}");
        return ConnectionStringFor(name);
    }

    private static async Task<string> TemplateAsync()
    {
        await _templateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var name = $"studybot_template_{_run}";
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
            var connectionString = ConnectionStringFor(name);
            await using (var services = new ServiceCollection().AddLogging().AddStudyData(DatabaseTarget.Postgres(connectionString)).BuildServiceProvider())
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            }
            // A template must have no open connections while it is copied.
            ClearPools(connectionString);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
            _template = name;
            return name;
        }
        finally
        {
            _templateGate.Release();
        }
    }

    // The study contexts connect with StudyDbOptions' form of the string (automatic preparation on), a pool of its own.
    private static void ClearPools(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        NpgsqlConnection.ClearPool(new NpgsqlConnection(StudyDbOptions.PostgresConnectionString(connectionString)));
    }

    private static void DropQuietly(string name)
    {
        try
        {
            ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The server went first (scripts/test.sh stops it after the tests): nothing is left to drop.
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindProblem()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } admin)
        {
            return $"PostgreSQL tests skipped: {Variable} is not set; scripts/test.sh starts one";
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(admin) { Pooling = false, Timeout = 5 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"PostgreSQL tests skipped: {Variable} names a server that cannot be reached ({e.Message})";
        }
    }
}
