using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data;
using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.Observability;

/// <summary>
/// A gateway-mode bot with two shards against the emulator (heartbeats every 200 ms): /metrics keeps a
/// heartbeat latency series per shard, and a database command that fails is counted in
/// studybot_db_errors_total. The meters are process-wide: this runs in the metrics collection, alone.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed class ShardTelemetryTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-shards-").FullName;
    private readonly DiscordEmulator _discord = new(new EmulatorOptions { HeartbeatIntervalMs = 200, MaxConcurrency = 2 });
    private BotApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        await _discord.StartAsync();
        _app = await BotApplication.StartAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--Discord:Token={_discord.BotToken}",
                $"--Discord:ApplicationId={_discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={_discord.BaseUrl}",
                "--Discord:ShardCount=2",
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "studybot.db")}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Shards-{Guid.NewGuid():N}",
            ]);
        await _app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Fact]
    public async Task Metrics_TwoShards_HeartbeatLatencySeriesPerShard()
    {
        var before = await _http!.GetStringAsync("/metrics");

        // Each shard beats every 200 ms: wait until both have had two more beats acknowledged.
        var after = await ScrapeUntilAsync(text => Enumerable.Range(0, 2).All(shard => Beats(text, shard) - Beats(before, shard) >= 2));

        foreach (var shard in new[] { 0, 1 })
        {
            Assert.True(Beats(after, shard) - Beats(before, shard) >= 2, $"shard {shard}: {Beats(before, shard)} -> {Beats(after, shard)} beats\n{after}");
            // A loopback acknowledgement takes well under a second; the sum is the latencies in seconds.
            var seconds = PrometheusText.Sum(after, "studybot_gateway_heartbeat_latency_seconds_sum", ("shard", $"{shard}"));
            Assert.InRange(seconds / Beats(after, shard), 0, 1);
        }

        Assert.Equal(0, Beats(after, 2));
    }

    [Fact]
    public async Task Metrics_ACommandFailsOnTheDatabase_CountedInDbErrors()
    {
        var before = await _http!.GetStringAsync("/metrics");

        // Through the contexts the bot itself uses (its interceptors included): a statement SQLite refuses.
        await using (var db = await _app!.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync())
        {
            var failure = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable SET Id = 1"));
            Assert.Contains("no such table", failure.Message);
        }

        var after = await ScrapeUntilAsync(text => Errors(text, "other") > Errors(before, "other"));
        Assert.Equal(1, Errors(after, "other") - Errors(before, "other"));
        Assert.Equal(Errors(before, "busy"), Errors(after, "busy"));
        Assert.Equal(Errors(before, "constraint"), Errors(after, "constraint"));
    }

    private static double Beats(string exposition, int shard)
        => PrometheusText.Sum(exposition, "studybot_gateway_heartbeat_latency_seconds_count", ("shard", $"{shard}"));

    private static double Errors(string exposition, string kind)
        => PrometheusText.Sum(exposition, "studybot_db_errors_total", ("kind", kind));

    private async Task<string> ScrapeUntilAsync(Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var text = await _http!.GetStringAsync("/metrics");
            if (done(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
