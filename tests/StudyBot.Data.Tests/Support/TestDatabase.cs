using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Data.Verification;

namespace StudyBot.Data.Tests.Support;

/// <summary>
/// A database of its own for one test, with the services over it: a migrated SQLite file in its own
/// temporary folder, or a PostgreSQL database of its own on the test server (see
/// <see cref="PostgresServer"/>). The temporary folder exists for both, for files a test writes.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private TestDatabase(string directory, DatabaseTarget target)
    {
        Directory = directory;
        Target = target;
    }

    public string Directory { get; }
    public DatabaseTarget Target { get; }
    public DatabaseProvider Provider => Target.Provider;

    /// <summary>The SQLite file; a test that needs it is a SQLite test.</summary>
    public string Path => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(Target.ConnectionString).DataSource
        : throw new InvalidOperationException("a PostgreSQL database has no file");

    /// <summary>The database as the command line and the answer loop take it: sqlite:PATH or postgres:CONNECTION.</summary>
    public string Argument => Provider == DatabaseProvider.Sqlite ? "sqlite:" + Path : "postgres:" + Target.ConnectionString;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();

    /// <summary>What the data layer logged at Information and above, formatted, in order.</summary>
    public IReadOnlyList<string> Logs => [.. _logs.GetSnapshot().Select(r => r.Message)];

    /// <summary>Every SQL command and transaction event of the contexts of <see cref="Services"/> and of later <see cref="BuildServices"/>.</summary>
    public SqlStatementCounter Statements { get; } = new();
    public IServiceProvider Services => _providers[0];
    public ReviewEngine Engine => Services.GetRequiredService<ReviewEngine>();
    public DeckStore Decks => Services.GetRequiredService<DeckStore>();
    public StudentStore Students => Services.GetRequiredService<StudentStore>();
    public ReviewLogVerifier Verifier => Services.GetRequiredService<ReviewLogVerifier>();

    /// <summary>A migrated database of the given provider.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var database = Empty(DatabaseTarget.Postgres(await PostgresServer.CreateMigratedAsync()));
            database.BuildServices();
            return database;
        }
        var sqlite = Empty(null);
        await sqlite.BuildServices().GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return sqlite;
    }

    /// <summary>A database with no tables yet (not even the migration history), for tests of migrating.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        var database = Empty(provider == DatabaseProvider.Postgres ? DatabaseTarget.Postgres(await PostgresServer.CreateEmptyAsync()) : null);
        database.BuildServices();
        return database;
    }

    /// <summary>A SQLite database file whose schema stops at <paramref name="migration"/>, as an older StudyBot left it.</summary>
    public static async Task<TestDatabase> CreateAtAsync(string migration)
    {
        var database = Empty(null);
        database.BuildServices();
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(migration);
        return database;
    }

    private static TestDatabase Empty(DatabaseTarget? target)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "studybot-data-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory, target ?? DatabaseTarget.Sqlite(System.IO.Path.Combine(directory, "study.db")));
    }

    /// <summary>A second, independent set of services on the same database (its own context pool and connections).</summary>
    public ServiceProvider BuildServices()
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(_logs)));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Statements);
        collection.AddStudyData(Target);
        var provider = collection.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    public StudyDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContext();

    public async Task<int> CardIdAsync(string deckKey, string cardKey)
    {
        await using var db = NewContext();
        return await db.Cards.Where(c => c.Key == cardKey && c.Deck!.Key == deckKey).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Uploads deck <paramref name="deckKey"/> of <paramref name="count"/> basic cards and returns their ids in order.</summary>
    public async Task<int[]> NumberedCardsAsync(string deckKey, int count)
    {
        await Decks.UploadAsync(TestDecks.Numbered(deckKey, count));
        return await Task.WhenAll(Enumerable.Range(1, count).Select(i => CardIdAsync(deckKey, $"card-{i:D3}")));
    }

    public async Task AssertVerifiesAsync()
    {
        var report = await Verifier.VerifyAsync();
        Assert.True(report.Passed, string.Join("\n", report.Differences.Select(d => $"{d.UserId}/{d.CardId}/{d.LogId}: {d.What}")));
    }

    /// <summary>
    /// Another connection takes the write lock the answer path needs and holds it until disposed:
    /// SQLite's database-wide write lock (BEGIN IMMEDIATE), or on PostgreSQL an exclusive lock on the
    /// review log (readers go on; writers of it wait).
    /// </summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnection($"Data Source={Path};Pooling=False");
            await sqlite.OpenAsync();
            return await WriteLock.TakeAsync(sqlite, "BEGIN IMMEDIATE");
        }
        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Target.ConnectionString) { Pooling = false }.ConnectionString);
        await postgres.OpenAsync();
        return await WriteLock.TakeAsync(postgres, """BEGIN; LOCK TABLE "ReviewLog" IN EXCLUSIVE MODE""");
    }

    /// <summary>Closes every connection to the database, which stays until <see cref="DisposeAsync"/>.</summary>
    public async Task DisposeProvidersAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        _providers.Clear();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeProvidersAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresServer.DropAsync(Target.ConnectionString);
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a killed child process is left for the OS to clean up.
        }
    }

    private sealed class WriteLock(System.Data.Common.DbConnection connection) : IAsyncDisposable
    {
        public static async Task<WriteLock> TakeAsync(System.Data.Common.DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return new WriteLock(connection);
        }

        public async ValueTask DisposeAsync()
        {
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
