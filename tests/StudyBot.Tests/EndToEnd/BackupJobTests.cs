using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Data.Backup;
using StudyBot.Hosting.Backups;

namespace StudyBot.Tests.EndToEnd;

/// <summary>A Playground bot with daily backups into a temporary folder, keeping two.</summary>
public sealed class BackupBot : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("studybot-backups-").FullName;

    public PlaygroundBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = new PlaygroundBot
        {
            Configure = builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Backup:Directory"] = Directory,
                ["Backup:Keep"] = "2",
            }),
        };
        await Bot.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class BackupJobTests(BackupBot fixture) : IClassFixture<BackupBot>
{
    [Fact]
    public async Task BackupJob_Fired_WritesAVerifiedCopyAndKeepsTheNewestTwo()
    {
        foreach (var day in new[] { "20200101", "20200102", "20200103" })
        {
            await File.WriteAllTextAsync(Path.Combine(fixture.Directory, $"studybot-{day}-033000.db"), "old");
        }

        var unrelated = Path.Combine(fixture.Directory, "notes.txt");
        await File.WriteAllTextAsync(unrelated, "not a backup");
        var scheduler = await fixture.Bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(BackupScheduling.Job)));
        Assert.Equal("0 30 3 * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc.Id, trigger.TimeZone.Id);

        await scheduler.TriggerJob(BackupScheduling.Job);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string[] backups;
        do
        {
            await Task.Delay(100);
            backups = [.. BackupJob.Backups(fixture.Directory).Select(Path.GetFileName)!];
        }
        while (DateTime.UtcNow < deadline && !(backups.Length == 2 && !backups[0]!.StartsWith("studybot-2020", StringComparison.Ordinal)));

        Assert.Equal(2, backups.Length);
        Assert.Equal("studybot-20200103-033000.db", backups[1]);
        var fresh = Path.Combine(fixture.Directory, backups[0]!);
        Assert.Equal("ok", await DatabaseBackup.CheckIntegrityAsync(fresh));
        Assert.True(File.Exists(unrelated));
        var verify = new CommandApp();
        verify.Configure(config => config.AddDbCommands());
        Assert.Equal(0, await verify.RunAsync(["db", "verify", "--database", fresh]));
    }

    [Fact]
    public async Task Restore_WhileTheBotRuns_RefusedAndTheDatabaseIsUntouched()
    {
        var backup = await DatabaseBackup.CopyAsync($"Data Source={fixture.Bot.DatabaseFile}", Path.Combine(fixture.Directory, "manual.db"));
        var app = new CommandApp();
        app.Configure(config => config.AddDbCommands());

        var code = await app.RunAsync(["db", "restore", backup.Path, "--database", fixture.Bot.DatabaseFile]);

        Assert.Equal(1, code);
        Assert.Empty(System.IO.Directory.GetFiles(Path.GetDirectoryName(fixture.Bot.DatabaseFile)!, "*.before-restore-*"));
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Bot.Emulator.Address) };
        Assert.Equal(200, (int)(await Observability.Readiness.WaitAsync(http)).StatusCode);
    }

    [Fact]
    public async Task SecondBot_SameDatabase_RefusedWithOneLine()
    {
        var errors = new StringWriter();

        var code = await StudyBot.Hosting.BotHost.RunAsync(
            [
                "--Playground:Port=0",
                $"--ConnectionStrings:StudyBot=Data Source={fixture.Bot.DatabaseFile}",
                $"--Quartz:SchedulerName=Second-{Guid.NewGuid():N}",
            ],
            errors);

        Assert.Equal(StudyBot.Hosting.BotHost.ConfigurationError, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"studybot: the database {fixture.Bot.DatabaseFile} is in use by another StudyBot process; run one bot per database.", line);
    }
}
