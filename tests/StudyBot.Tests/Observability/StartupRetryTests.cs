using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.Observability;

/// <summary>Discord down when the bot starts: retried with backoff while /healthz answers and /readyz says why.</summary>
public sealed class StartupRetryTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-startup-").FullName;
    private readonly DiscordEmulator _discord = new();

    public Task InitializeAsync() => _discord.StartAsync();

    [Fact]
    public async Task Start_DiscordAnswering503ThenUp_ReadyzSaysWhyThenConnectsWithoutARestart()
    {
        // Three start-up attempts' worth of 503s (each request is tried three times by the REST client).
        _discord.Faults.FailNextRequests(9, 503);

        await using var app = await BotApplication.StartAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--Discord:Token={_discord.BotToken}",
                $"--Discord:ApplicationId={_discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={_discord.BaseUrl}",
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "studybot.db")}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Retry-{Guid.NewGuid():N}",
            ]);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var waiting = "";
        for (var i = 0; i < 600 && !waiting.Contains("Discord is unreachable", StringComparison.Ordinal); i++)
        {
            using var probe = await http.GetAsync("/readyz");
            waiting = await probe.Content.ReadAsStringAsync();
            await Task.Delay(50);
        }

        Assert.Contains("discord: Unhealthy (Discord is unreachable (HTTP 503); attempt ", waiting);
        Assert.Equal(200, (int)(await http.GetAsync("/healthz")).StatusCode);
        await app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        using var ready = await Readiness.WaitAsync(http);
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Null(app.Status.Failure);
        Assert.Contains(_discord.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal) && r.Status == 503);
    }

    [Fact]
    public void Delay_DoublesFromOneSecondAndStaysAtThirty()
        => Assert.Equal([1.0, 2, 4, 8, 16, 30, 30, 30], Enumerable.Range(1, 8).Select(a => StartupRetry.Delay(a).TotalSeconds));

    [Fact]
    public async Task RunAsync_TransientTwiceThenAnswers_WaitsOneThenTwoSecondsAndClearsTheReason()
    {
        var status = new BotStatus();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var retry = new StartupRetry(status, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<StartupRetry>.Instance);
        var attempts = 0;
        var reasons = new List<string?>();

        var run = retry.RunAsync(StartupRetry.Database, _ =>
        {
            reasons.Add(status.WaitingFor(StartupRetry.Database));
            return ++attempts < 3 ? throw new TimeoutException() : Task.FromResult(42);
        }, DatabaseWait.Transient, CancellationToken.None);
        var waited = TimeSpan.Zero;
        while (!run.IsCompleted && waited < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
        }

        Assert.Equal(42, await run);
        Assert.Equal(3, attempts);
        Assert.Equal([null, "the database is unreachable (timed out); attempt 1, next try in 1 s", "the database is unreachable (timed out); attempt 2, next try in 2 s"], reasons);
        Assert.True(waited >= TimeSpan.FromSeconds(3), $"waited {waited}");
        Assert.Null(status.WaitingFor(StartupRetry.Database));
    }

    [Fact]
    public async Task RunAsync_Refusal_ThrownAtOnceWithoutWaiting()
    {
        var status = new BotStatus();
        var retry = new StartupRetry(status, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger<StartupRetry>.Instance);

        await Assert.ThrowsAsync<StudyBot.Discord.Rest.DiscordUnauthorizedException>(() => retry.RunAsync<int>(
            StartupRetry.Discord, _ => throw new StudyBot.Discord.Rest.DiscordUnauthorizedException("GET /gateway/bot", 0, "401: Unauthorized"), StartupRetry.TransientDiscord, CancellationToken.None));
        Assert.Null(status.WaitingFor(StartupRetry.Discord));
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment.
        }
    }
}
