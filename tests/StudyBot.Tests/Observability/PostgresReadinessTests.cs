using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Data;
using StudyBot.Data.Infrastructure;
using StudyBot.Hosting;
using StudyBot.Observability;
using StudyBot.Testing;

namespace StudyBot.Tests.Observability;

/// <summary>/readyz's database and storage checks on PostgreSQL: no file to watch, the server and the migrations are what count.</summary>
public sealed class PostgresReadinessTests
{
    [PostgresFact]
    public async Task DatabaseCheck_MigratedThenEmptyDatabase_HealthyThenNamesThePendingMigration()
    {
        var migrated = await PostgresServer.CreateMigratedAsync();
        var empty = await PostgresServer.CreateEmptyAsync();
        try
        {
            Assert.Equal((HealthStatus.Healthy, "reachable, migrations applied"), await CheckAsync(migrated));
            var (status, description) = await CheckAsync(empty);
            Assert.Equal(HealthStatus.Unhealthy, status);
            // Every migration pending, the first one first, and counted right.
            Assert.Matches("^(\\d+) migration\\(s\\) not applied: (\\d+_InitialSchema(, \\d+_\\w+)*)$", description);
            var listed = System.Text.RegularExpressions.Regex.Match(description!, "^(\\d+) migration\\(s\\) not applied: (.*)$");
            Assert.Equal(listed.Groups[2].Value.Split(", ").Length, int.Parse(listed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await PostgresServer.DropAsync(migrated);
            await PostgresServer.DropAsync(empty);
        }
    }

    [Fact]
    public async Task DatabaseCheck_ServerUnreachable_UnhealthySayingWhich()
    {
        // Port 1 on loopback: nothing listens there.
        var (status, description) = await CheckAsync("Host=127.0.0.1;Port=1;Database=studybot;Username=studybot;Timeout=3");

        Assert.Equal(HealthStatus.Unhealthy, status);
        Assert.Equal("the PostgreSQL database studybot on 127.0.0.1:1 cannot be reached", description);
    }

    [Fact]
    public async Task StorageCheck_Postgres_HealthyWithNoFileToWatch()
    {
        await using var services = Services("Host=127.0.0.1;Port=1;Database=studybot;Username=studybot");
        var result = await new StorageHealthCheck(services.GetRequiredService<StorageHealth>()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Healthy, "no database file to watch (a PostgreSQL server, or SQLite in memory)"), (result.Status, result.Description));
    }

    private static async Task<(HealthStatus, string?)> CheckAsync(string connectionString)
    {
        await using var services = Services(connectionString);
        var check = new DatabaseHealthCheck(services.GetRequiredService<IDbContextFactory<StudyDbContext>>(), new StorageLocation(connectionString, DatabaseProvider.Postgres));
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }

    private static ServiceProvider Services(string connectionString) =>
        new ServiceCollection().AddLogging().AddStudyData(DatabaseTarget.Postgres(connectionString)).BuildServiceProvider();
}
