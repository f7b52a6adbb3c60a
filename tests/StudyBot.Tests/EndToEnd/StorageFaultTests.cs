using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Data.Infrastructure;
using StudyBot.Emulator.Interactions;
using StudyBot.Hosting;
using StudyBot.Observability;

namespace StudyBot.Tests.EndToEnd;

/// <summary>The database files under a running bot are deleted, or the bot starts on a database it cannot write.</summary>
public sealed class StorageFaultTests
{
    private const string RemovedOrReplaced = @"studybot\.db was (removed|replaced by another file) while StudyBot ran";

    [Fact]
    public async Task Answer_DatabaseFilesDeletedUnderRunningHost_IsRefusedWithClearMessageAndReported()
    {
        var bot = new PlaygroundBot();
        await bot.InitializeAsync();
        try
        {
            await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
            var student = bot.AddStudent("unlucky");
            var prompt = await bot.RunAsync(student, "review", new CommandOptionInput("deck", "e2e-review"));
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(bot.DatabaseFile)!, "studybot.db*"))
            {
                File.Delete(file);
            }

            var answered = await bot.ClickAsync(student, prompt.Message!, MessageView.ButtonLabelled(prompt.Message, "Pyongyang"));

            Assert.True(answered.Ephemeral);
            Assert.Equal(StorageHealth.RemovedText, answered.Content);
            var health = bot.App.Services.GetRequiredService<StorageHealth>();
            Assert.False(health.IsHealthy);
            // Removed, or (when a second connection opened meanwhile and SQLite made a new empty file) replaced.
            Assert.Matches(RemovedOrReplaced, health.Problem);
            // What /readyz reports: the storage check, unhealthy, naming the cause.
            var ready = await bot.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.ReadyTag));
            Assert.Equal(HealthStatus.Unhealthy, ready.Entries["storage"].Status);
            Assert.Matches(RemovedOrReplaced, ready.Entries["storage"].Description);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [ChattrFact]
    public async Task Run_ImmutableDatabaseFile_PrintsOneLineNamingTheFileAndExitsNonZero()
    {
        var directory = Directory.CreateTempSubdirectory("studybot-readonly-").FullName;
        var database = Path.Combine(directory, "ro.db");
        File.WriteAllBytes(database, []);
        Assert.True(ChattrFactAttribute.Run("+i", database));
        try
        {
            var errors = new StringWriter();

            var code = await BotHost.RunAsync(
                [
                    $"--ConnectionStrings:StudyBot=Data Source={database}",
                    "--Playground:Port=0",
                    $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=ReadOnly-{Guid.NewGuid():N}",
                ],
                errors);

            Assert.Equal(BotHost.ConfigurationError, code);
            var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"database: the database file {database} cannot be written (", line);
        }
        finally
        {
            ChattrFactAttribute.Run("-i", database);
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>
/// Runs where `chattr +i` works: tests run as root, for whom permission bits do not make a file
/// read-only, but the immutable attribute does.
/// </summary>
public sealed class ChattrFactAttribute : FactAttribute
{
    public ChattrFactAttribute()
    {
        var probe = Path.GetTempFileName();
        try
        {
            if (!Run("+i", probe))
            {
                Skip = "chattr +i is not available here (no chattr, or a file system without the immutable attribute), so a read-only database cannot be made";
            }
        }
        finally
        {
            Run("-i", probe);
            File.Delete(probe);
        }
    }

    public static bool Run(string flag, string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
