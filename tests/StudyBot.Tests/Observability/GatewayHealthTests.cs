using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.Observability;

public sealed class GatewayHealthTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-health-").FullName;
    private readonly DiscordEmulator _discord = new();
    private BotApplication? _app;

    private string DatabaseFile => Path.Combine(_directory, "studybot.db");

    public async Task InitializeAsync()
    {
        await _discord.StartAsync();
        _app = await BotApplication.StartAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--Discord:Token={_discord.BotToken}",
                $"--Discord:ApplicationId={_discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={_discord.BaseUrl}",
                $"--ConnectionStrings:StudyBot=Data Source={DatabaseFile}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Health-{Guid.NewGuid():N}",
            ]);
        await _app.Status.Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Readyz_GatewayModeOnUrls_ReadyThenDatabaseFileRemoved_503NamingTheDatabase()
    {
        var address = _app!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(200, (int)(await Readiness.WaitAsync(http)).StatusCode);
        Assert.Contains("studybot_gateway_shards", await http.GetStringAsync("/metrics"));

        File.Delete(DatabaseFile);
        var ready = await http.GetAsync("/readyz");
        var live = await http.GetAsync("/healthz");

        Assert.Equal(503, (int)ready.StatusCode);
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Contains("database: Unhealthy (the database file studybot.db does not exist)", readiness);
        Assert.Contains($"storage: Unhealthy (the database file {DatabaseFile} was removed while StudyBot ran;", readiness);
        Assert.Equal(200, (int)live.StatusCode);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task Metrics_GatewayConnectionDropped_ReconnectCountedAndReadyAgain()
    {
        var address = _app!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var before = PrometheusText.Sum(await http.GetStringAsync("/metrics"), "studybot_gateway_reconnects_total");

        _discord.Gateway.DropConnections();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        double after;
        do
        {
            await Task.Delay(100);
            after = PrometheusText.Sum(await http.GetStringAsync("/metrics"), "studybot_gateway_reconnects_total");
        }
        while (after <= before && DateTime.UtcNow < deadline);

        Assert.True(after > before, $"reconnects {before} -> {after}");
        using var ready = await Readiness.WaitAsync(http);
        Assert.Matches(@"discord: Healthy \(gateway connected \(1 shard\(s\): shard 0 (connected|resumed)\)\)", await ready.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
