using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Data.Verification;

namespace StudyBot.Data.Tests.Support;

/// <summary>A migrated SQLite file in its own temporary folder, with the services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private TestDatabase(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "study.db");
    }

    public string Directory { get; }
    public string Path { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    public List<string> Logs { get; } = [];

    /// <summary>Every SQL command and transaction event of the contexts of <see cref="Services"/> and of later <see cref="BuildServices"/>.</summary>
    public SqlStatementCounter Statements { get; } = new();
    public IServiceProvider Services => _providers[0];
    public ReviewEngine Engine => Services.GetRequiredService<ReviewEngine>();
    public DeckStore Decks => Services.GetRequiredService<DeckStore>();
    public StudentStore Students => Services.GetRequiredService<StudentStore>();
    public ReviewLogVerifier Verifier => Services.GetRequiredService<ReviewLogVerifier>();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = Empty();
        var services = database.BuildServices();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return database;
    }

    /// <summary>A database file whose schema stops at <paramref name="migration"/>, as an older StudyBot left it.</summary>
    public static async Task<TestDatabase> CreateAtAsync(string migration)
    {
        var database = Empty();
        database.BuildServices();
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(migration);
        return database;
    }

    private static TestDatabase Empty()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "studybot-data-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestDatabase(directory);
    }

    /// <summary>A second, independent set of services on the same file (its own context pool and connections).</summary>
    public ServiceProvider BuildServices()
    {
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(Logs)));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Statements);
        collection.AddStudyData(Path);
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

    /// <summary>Closes every connection to the file, which stays on disk until <see cref="DisposeAsync"/>.</summary>
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
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a killed child process is left for the OS to clean up.
        }
    }
}
