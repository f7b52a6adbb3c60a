using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Tests.Support;

namespace StudyBot.Data.Tests;

public abstract class InfrastructureTests : DatabaseTests
{
    [DataFact]
    public async Task MigrateAsync_FreshThenCurrent_LogsWhatItApplied()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(Provider);
        var migrator = db.Services.GetRequiredService<DatabaseMigrator>();

        var first = await migrator.MigrateAsync();
        var again = await migrator.MigrateAsync();

        Assert.Contains(first, m => m.EndsWith("_InitialSchema", StringComparison.Ordinal));
        Assert.Empty(again);
        Assert.Contains(db.Logs, l => l.Contains("migration(s): ") && l.Contains("InitialSchema"));
        Assert.Contains(db.Logs, l => l.Contains("is up to date"));
        // A new database has no history table yet: EF's read of it fails by design, and is not an error to report.
        Assert.DoesNotContain(db.Logs, l => l.StartsWith("Failed executing DbCommand", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task SaveChanges_LocalTime_StoredAndReadAsUtc()
    {
        await using var db = await CreateDatabaseAsync();
        var utc = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        await using (var context = db.NewContext())
        {
            context.Guilds.Add(new Guild { Id = 42, Name = "g", CreatedUtc = utc.ToLocalTime() });
            context.UserSettings.Add(new UserSettings { UserId = ulong.MaxValue >> 1, DayStartHour = 0, NewPerDay = 0 });
            await context.SaveChangesAsync();
        }

        await using var read = db.NewContext();
        var guild = await read.Guilds.SingleAsync();
        var settings = await read.UserSettings.SingleAsync();

        Assert.Equal(utc, guild.CreatedUtc);
        Assert.Equal(DateTimeKind.Utc, guild.CreatedUtc.Kind);
        Assert.Equal((0, 0), (settings.DayStartHour, settings.NewPerDay));
        Assert.Equal(ulong.MaxValue >> 1, settings.UserId);
    }

    [DataFact]
    public async Task Query_UnspecifiedKindTime_ComparedAsUtc()
    {
        await using var db = await CreateDatabaseAsync();
        var utc = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);
        await using (var context = db.NewContext())
        {
            context.Guilds.Add(new Guild { Id = 7, Name = "g", CreatedUtc = utc });
            await context.SaveChangesAsync();
        }

        await using var read = db.NewContext();
        // A time of unspecified kind (as parsed from text) is taken as UTC, on both providers.
        var unspecified = DateTime.SpecifyKind(utc.AddMinutes(-1), DateTimeKind.Unspecified);
        Assert.Equal(1, await read.Guilds.CountAsync(g => g.CreatedUtc > unspecified));
        Assert.Equal(0, await read.Guilds.CountAsync(g => g.CreatedUtc > unspecified.AddMinutes(2)));
    }
}

public sealed class InfrastructureTestsOnSqlite : InfrastructureTests
{
    [Fact]
    public async Task OpenConnection_Any_WalNormalSyncAndBusyTimeout()
    {
        await using var db = await CreateDatabaseAsync();
        await using var context = db.NewContext();
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        async Task<string?> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (await command.ExecuteScalarAsync())?.ToString();
        }

        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("1", await PragmaAsync("synchronous"));
        Assert.Equal("5000", await PragmaAsync("busy_timeout"));
        Assert.Equal("1", await PragmaAsync("foreign_keys"));
    }

    [Fact]
    public async Task Model_Always_MatchesCommittedMigrations()
    {
        await using var db = await CreateDatabaseAsync();
        await using var context = db.NewContext();

        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: add a migration (see StudyDbContext)");
    }
}

public sealed class InfrastructureTestsOnPostgres : InfrastructureTests, IOnPostgres
{
    [Fact]
    public void Model_Always_MatchesCommittedPostgresMigrations()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var context = new StudyDbContext(StudyDbOptions.For(DatabaseTarget.Postgres("Host=localhost;Database=unused")));

        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: add a PostgreSQL migration too (see StudyDbContext)");
        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_InitialSchema", StringComparison.Ordinal));
    }

    [Fact]
    public void PostgresConnectionString_NoAutoPrepareGiven_PreparesRepeatedStatements()
    {
        var configured = new NpgsqlConnectionStringBuilder(StudyDbOptions.PostgresConnectionString("Host=db;Database=studybot;Username=bot;Password=secret"));

        Assert.Equal(StudyDbOptions.PostgresAutoPrepared, configured.MaxAutoPrepare);
        Assert.Equal(2, configured.AutoPrepareMinUsages);
        Assert.Equal(("db", "studybot", "bot", "secret"), (configured.Host, configured.Database, configured.Username, configured.Password));
    }

    [Theory]
    [InlineData("Host=db;Database=studybot;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=studybot;maxautoprepare=10")]
    public void PostgresConnectionString_AutoPrepareGiven_KeptAsWritten(string given)
    {
        // A pooler that cannot keep prepared statements needs 0, and gets it.
        Assert.Equal(given, StudyDbOptions.PostgresConnectionString(given));
    }
}
