using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Features.Reminders;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

/// <summary>A reminder set before the host stops is still there, with its time and zone, after it starts again, and still fires.</summary>
public sealed class ReminderRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-restart-").FullName;
    private readonly string _schedulerName = $"Restart-{Guid.NewGuid():N}";
    private readonly DiscordEmulator _discord = new();

    public Task InitializeAsync() => _discord.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<BotApplication> StartHostAsync()
    {
        var app = await BotApplication.StartAsync(
            [
                $"--Discord:Token={_discord.BotToken}",
                "--urls=http://127.0.0.1:0",
                $"--Discord:ApplicationId={_discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={_discord.BaseUrl}",
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "studybot.db")}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}={_schedulerName}",
                $"--StudyBot:DecksDirectory={PlaygroundBot.RepositoryDecks()}",
            ]);
        await app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    [Fact]
    public async Task Reminder_HostStoppedAndStarted_TriggerSurvivesAndFires()
    {
        var (_, channel, student) = _discord.AddGuildWithUser("Study Hall", "study", "sleeper");
        var userId = ulong.Parse(student.Id);
        await using (var first = await StartHostAsync())
        {
            await (await student.RunCommandAsync(channel.Id, "settings", new CommandOptionInput("timezone", "Asia/Seoul"))).WaitAsync(TimeSpan.FromSeconds(30));
            await (await student.RunCommandAsync(channel.Id, "review", new CommandOptionInput("deck", "china-costs"))).WaitAsync(TimeSpan.FromSeconds(30));
            var set = await (await student.RunCommandAsync(channel.Id, "remind", CommandOptionInput.Sub("set", new CommandOptionInput("at", "21:15")))).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("21:15", set.Content);
        }

        await using var second = await StartHostAsync();
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(userId)));
        Assert.Equal("Asia/Seoul", trigger.TimeZone.Id);
        // 21:15 in Seoul (UTC+9, no DST) is 12:15 UTC.
        Assert.Equal(new TimeSpan(12, 15, 0), trigger.NextFireTimeUtc!.Value.UtcDateTime.TimeOfDay);

        // Fire the restored job through the restarted scheduler rather than wait for the evening.
        await scheduler.TriggerJob(ReminderScheduler.JobFor(userId));
        var dm = _discord.State.GetOrCreateDm(student.Id);
        for (var i = 0; i < 300 && !_discord.State.MessagesIn(dm.Id).Any(); i++)
        {
            await Task.Delay(100);
        }

        var message = Assert.Single(_discord.State.MessagesIn(dm.Id));
        Assert.Contains("cards are waiting", message.Content);
    }
}
