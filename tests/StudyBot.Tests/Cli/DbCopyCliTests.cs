using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
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
using StudyBot.Features.Reminders;
using StudyBot.Hosting;
using StudyBot.Testing;

namespace StudyBot.Tests.Cli;

/// <summary>`studybot db copy` from a SQLite file with reviews and a reminder into an empty PostgreSQL database.</summary>
public sealed class DbCopyCliTests : IAsyncLifetime
{
    private const ulong Student = 5;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studybot-dbcopy-" + Guid.NewGuid().ToString("N"));
    private readonly string _schedulerName = $"Copy-{Guid.NewGuid():N}";
    private string? _postgres;

    private string DatabasePath => Path.Combine(_directory, "study.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task Copy_SqliteWithReviewsAndAReminder_PostgresHoldsThemVerifiesAndRefusesASecondCopy()
    {
        await SeedAsync();
        _postgres = await PostgresServer.CreateEmptyAsync();

        var exit = await RunAsync("db", "copy", "--from", "sqlite:" + DatabasePath, "--to", "postgres:" + _postgres, "--scheduler-name", _schedulerName);

        Assert.Equal(0, exit);
        var target = DatabaseTarget.Postgres(_postgres);
        await using (var services = new ServiceCollection().AddLogging().AddStudyData(target).BuildServiceProvider())
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
            Assert.Equal(["x1", "x2"], await db.ReviewLog.OrderBy(l => l.Id).Select(l => l.InteractionId).ToListAsync());
            Assert.True((await services.GetRequiredService<Data.Verification.ReviewLogVerifier>().VerifyAsync()).Passed);
        }
        await using (var scheduling = Scheduling(target))
        {
            var scheduler = await scheduling.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(ReminderScheduler.TriggerFor(Student));
            Assert.NotNull(trigger);
            Assert.True(trigger.NextFireTimeUtc > DateTimeOffset.UtcNow, "the copied reminder has a next time to fire");
            Assert.Equal(ReminderScheduler.JobFor(Student), trigger.JobKey);
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }

        Assert.Equal(1, await RunAsync("db", "copy", "--from", "sqlite:" + DatabasePath, "--to", "postgres:" + _postgres, "--scheduler-name", _schedulerName));
    }

    [Fact]
    public async Task Copy_NoProviderPrefix_ExitsOneNamingTheForm()
    {
        Assert.Equal(1, await RunAsync("db", "copy", "--from", DatabasePath, "--to", "postgres:Host=localhost"));
        Assert.Equal(1, await RunAsync("db", "copy", "--from", "mysql:x", "--to", "postgres:Host=localhost"));
    }

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => config.AddDbCommands());
        return app.RunAsync(args);
    }

    private ServiceProvider Scheduling(DatabaseTarget database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(SchedulingServiceCollectionExtensions.SchedulerNameKey, _schedulerName)]).Build();
        return new ServiceCollection().AddLogging().AddStudyScheduling(configuration, new StorageLocation(database.ConnectionString, database.Provider)).BuildServiceProvider();
    }

    /// <summary>Two answers and a daily reminder at 19:30 in Kolkata, as a running bot would have stored them.</summary>
    private async Task SeedAsync()
    {
        await using (var services = new ServiceCollection().AddLogging().AddStudyData(DatabasePath).BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var upload = await services.GetRequiredService<DeckStore>().UploadAsync(
                new Deck("d", "D", null, null, [new DeckCard { Id = "a", Kind = CardKind.Basic, Prompt = "Q?", Answers = ["A"] }]));
            var engine = services.GetRequiredService<ReviewEngine>();
            var now = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
            await using var db = await services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
            var card = await db.Cards.Where(c => c.DeckId == upload.DeckId).Select(c => c.Id).SingleAsync();
            await engine.AnswerAsync(Student, card, new SelfGrade(Rating.Good), "x1", TimeSpan.Zero, ReviewSource.Review, now);
            await engine.AnswerAsync(Student, card, new SelfGrade(Rating.Again), "x2", TimeSpan.Zero, ReviewSource.Review, now.AddMinutes(20));
        }
        await using var scheduling = Scheduling(DatabaseTarget.Sqlite(DatabasePath));
        var factory = scheduling.GetRequiredService<ISchedulerFactory>();
        await new ReminderScheduler(factory).ScheduleAsync(Student, new TimeOnly(19, 30), "Asia/Kolkata", CancellationToken.None);
        await (await factory.GetScheduler()).Shutdown(waitForJobsToComplete: false);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await PostgresServer.DropAsync(_postgres);
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
