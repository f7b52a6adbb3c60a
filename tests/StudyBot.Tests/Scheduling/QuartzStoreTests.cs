using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Quartz.Impl.AdoJobStore.Common;
using StudyBot.Hosting;
using StudyBot.Testing;

namespace StudyBot.Tests.Scheduling;

/// <summary>How the bot composes Quartz's store: its SQLite connections, and the cluster settings.</summary>
public sealed class QuartzStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-quartz-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SqliteStore_ConnectionQuartzOpens_HasTheSamePragmasAsEfs()
    {
        var database = Path.Combine(_directory, "studybot.db");
        // Quartz's connections never create the file (the start-up migration does): make it first, as the bot has.
        await using (var create = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await create.OpenAsync();
        }
        await using var services = Compose(new() { ["ConnectionStrings:StudyBot"] = $"Data Source={database}" });

        // The provider Quartz's store makes every connection with; a plain Microsoft.Data.Sqlite
        // connection would report synchronous=2 (FULL), busy_timeout=0 and foreign_keys=0.
        var provider = services.GetRequiredService<IDbProvider>();
        await using var connection = (SqliteConnection)provider.CreateConnection();
        await connection.OpenAsync();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("5000", await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));

        // And it is the store Quartz runs on: the scheduler comes up on this file with its tables made.
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
        Assert.Equal("0", await ScalarAsync(connection, "SELECT COUNT(*) FROM QRTZ_TRIGGERS"));
    }

    [PostgresFact]
    public async Task PostgresStore_TwoNodesOneInstanceId_SecondRefusedWhileTheFirstChecksIn()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:StudyBot"] = database.ConnectionString,
            ["Scheduler:InstanceId"] = "node-a",
            ["Scheduler:CheckinInterval"] = "00:00:01",
        };
        await using var first = Compose(settings);
        var scheduler = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStoreClustered);
        Assert.Equal("node-a", metadata.SchedulerInstanceId);
        // ProvisionSchema made Quartz's tables at start, and the node checks in.
        Assert.Equal(1L, await database.ScalarAsync("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = 'node-a'"));

        await using var second = Compose(new(settings));
        var guard = ActivatorUtilities.CreateInstance<ClusterInstanceGuard>(second);
        var error = await Assert.ThrowsAsync<StartupException>(() => guard.StartAsync(CancellationToken.None));
        Assert.Contains("Scheduler:InstanceId 'node-a' belongs to a running StudyBot process", error.Message);
        Assert.Contains("give every process its own Scheduler:InstanceId", error.Message);

        // Once the first node is gone and its check-ins stop, the same id may start again (a restart after a crash).
        await scheduler.Shutdown(waitForJobsToComplete: false);
        await guard.StartAsync(CancellationToken.None);
    }

    [Fact]
    public void Settings_Sqlite_NotClusteredWithQuartzDefaults()
    {
        var settings = SchedulerSettings.From(Configuration([]), clustered: false);

        Assert.False(settings.Clustered);
        Assert.Equal("StudyBot", settings.SchedulerName);
        Assert.Equal(TimeSpan.FromSeconds(7.5), settings.CheckinInterval);
        Assert.Equal(Environment.MachineName, settings.InstanceId);
    }

    [Fact]
    public void Settings_ClusteredWithShardRange_HostAndShardsMakeTheInstanceId()
    {
        var settings = SchedulerSettings.From(
            Configuration(new()
            {
                ["Discord:Shards"] = "2-3",
                ["Scheduler:CheckinInterval"] = "00:00:02",
            }),
            clustered: true);

        Assert.True(settings.Clustered);
        Assert.Equal($"{Environment.MachineName}-shards-2-3", settings.InstanceId);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.CheckinInterval);
        Assert.Equal("bot-b", SchedulerSettings.From(Configuration(new() { ["Scheduler:InstanceId"] = " bot-b " }), clustered: true).InstanceId);
    }

    [Theory]
    [InlineData("Scheduler:CheckinInterval", "soon", "Scheduler:CheckinInterval 'soon' must be a time span from 00:00:00.5 to 00:10:00")]
    [InlineData("Scheduler:CheckinInterval", "00:00:00.1", "must be a time span from 00:00:00.5")]
    [InlineData("Scheduler:InstanceId", "a\tb", "Scheduler:InstanceId must be at most 200 printable characters")]
    public void Settings_Bad_StartupExceptionSaysWhatToWrite(string key, string value, string expected)
    {
        var error = Assert.Throws<StartupException>(() => SchedulerSettings.From(Configuration(new() { [key] = value }), clustered: true));
        Assert.Contains(expected, error.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        settings.TryAdd(SchedulingServiceCollectionExtensions.SchedulerNameKey, $"Store-{Guid.NewGuid():N}");
        var configuration = Configuration(settings);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        var storage = StorageLocation.From(configuration);
        services.AddSingleton(new StudyClock(TimeProvider.System));
        services.AddStudyScheduling(configuration, storage);
        return services.BuildServiceProvider();
    }

    private static async Task<string?> PragmaAsync(SqliteConnection connection, string name)
        => await ScalarAsync(connection, $"PRAGMA {name}");

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
