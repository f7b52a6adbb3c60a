using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Core.Answers;
using StudyBot.Core.Decks;
using StudyBot.Core.Scheduling;
using StudyBot.Data;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;

namespace StudyBot.Tests.Cli;

public sealed class DbCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-dbcli-" + Guid.NewGuid().ToString("N"));

    public DbCliTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "study.db");

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => config.AddDbCommands());
        return app.RunAsync(args);
    }

    private async Task<ServiceProvider> SeedAsync()
    {
        var services = new ServiceCollection().AddLogging().AddStudyData(DatabasePath).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var upload = await services.GetRequiredService<DeckStore>().UploadAsync(
            new Deck("d", "D", null, null, [new DeckCard { Id = "a", Kind = CardKind.Basic, Prompt = "Q?", Answers = ["A"] }]));
        var engine = services.GetRequiredService<ReviewEngine>();
        var now = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        var card = await db.Cards.Where(c => c.DeckId == upload.DeckId).Select(c => c.Id).SingleAsync();
        await engine.AnswerAsync(5, card, new SelfGrade(Rating.Good), "x1", TimeSpan.Zero, ReviewSource.Review, now);
        await engine.AnswerAsync(5, card, new SelfGrade(Rating.Again), "x2", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(20));
        return services;
    }

    [Fact]
    public async Task Verify_NoDatabaseFile_ExitsOne()
    {
        Assert.Equal(1, await RunAsync("db", "verify", "--database", DatabasePath));
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Verify_ConsistentDatabase_ExitsZeroAndStatsPrint()
    {
        await using (await SeedAsync())
        {
        }

        Assert.Equal(0, await RunAsync("db", "verify", "--database", DatabasePath));
        Assert.Equal(0, await RunAsync("db", "stats", "--database", DatabasePath));
    }

    [Fact]
    public async Task Verify_StateEditedBehindTheLogsBack_ExitsOne()
    {
        await using (var services = await SeedAsync())
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
            await db.CardStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.Memory.Lapses, 3));
        }

        Assert.Equal(1, await RunAsync("db", "verify", "--database", DatabasePath));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
