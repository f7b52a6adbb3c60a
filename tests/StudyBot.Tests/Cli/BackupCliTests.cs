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

public sealed class BackupCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-backup-").FullName;

    private string DatabasePath => Path.Combine(_directory, "study.db");

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => config.AddDbCommands());
        return app.RunAsync(args);
    }

    [Fact]
    public async Task BackupThenRestore_LaterAnswersUndone_PreviousKeptAndVerifyPasses()
    {
        var copy = Path.Combine(_directory, "copy.db");
        await using (var services = await SeedAsync())
        {
            await AnswerAsync(services, "a1");
            Assert.Equal(0, await RunAsync("db", "backup", copy, "--database", DatabasePath));
            await AnswerAsync(services, "a2");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(1, await RunAsync("db", "backup", copy, "--database", DatabasePath));

        Assert.Equal(0, await RunAsync("db", "restore", copy, "--database", DatabasePath));

        Assert.Equal(["a1"], await InteractionsAsync(DatabasePath));
        var kept = Assert.Single(Directory.GetFiles(_directory, "study.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Equal(["a1", "a2"], await InteractionsAsync(kept));
        Assert.Equal(0, await RunAsync("db", "verify", "--database", DatabasePath));
    }

    [Fact]
    public async Task Restore_MissingBackup_ExitsOneAndLeavesTheDatabase()
    {
        await using (await SeedAsync())
        {
        }

        Assert.Equal(1, await RunAsync("db", "restore", Path.Combine(_directory, "nope.db"), "--database", DatabasePath));
        Assert.True(File.Exists(DatabasePath));
        Assert.Empty(Directory.GetFiles(_directory, "*.before-restore-*"));
    }

    private async Task<ServiceProvider> SeedAsync()
    {
        var services = new ServiceCollection().AddLogging().AddStudyData(DatabasePath).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<DeckStore>().UploadAsync(
            new Deck("d", "D", null, null, [new DeckCard { Id = "a", Kind = CardKind.Basic, Prompt = "Q?", Answers = ["A"] }]));
        return services;
    }

    private static async Task AnswerAsync(ServiceProvider services, string interaction)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        var card = await db.Cards.Select(c => c.Id).SingleAsync();
        var when = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc).AddDays(interaction == "a1" ? 0 : 1);
        await services.GetRequiredService<ReviewEngine>().AnswerAsync(5, card, new SelfGrade(Rating.Good), interaction, TimeSpan.Zero, ReviewSource.Review, when);
    }

    private static async Task<List<string>> InteractionsAsync(string file)
    {
        await using var services = new ServiceCollection().AddLogging().AddStudyData(file).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await db.ReviewLog.OrderBy(l => l.Id).Select(l => l.InteractionId).ToListAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
