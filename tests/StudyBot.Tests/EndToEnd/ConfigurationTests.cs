using StudyBot.Emulator;
using StudyBot.Hosting;

namespace StudyBot.Tests.EndToEnd;

public sealed class ConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studybot-config-").FullName;

    [Theory]
    [InlineData("--StudyBot:DefaultTimeZone=Mars/Olympus", "StudyBot:DefaultTimeZone 'Mars/Olympus' is not a known IANA time zone")]
    [InlineData("--StudyBot:DefaultDayStartHour=25", "StudyBot:DefaultDayStartHour must be 0-23")]
    [InlineData("--Playground:Port=70000", "Playground:Port must be 0-65535")]
    [InlineData("--ConnectionStrings:StudyBot=Data Source=/nonexistent-dir/x.db", "the directory /nonexistent-dir does not exist")]
    [InlineData("--ConnectionStrings:StudyBot=Bogus Key=1", "is not a SQLite connection string")]
    public async Task Run_BadConfiguration_PrintsOneLineAndExitsNonZero(string setting, string expected)
    {
        var line = await RunExpectingConfigurationErrorAsync([$"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "a.db")}", "--Playground:Port=0", setting]);

        Assert.StartsWith("studybot: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task Run_PlaygroundWorldFileDamaged_PrintsOneLineNamingTheFile()
    {
        var world = Path.Combine(_directory, "w.playground.json");
        await File.WriteAllTextAsync(world, "{\"Servers\": [");

        var line = await RunExpectingConfigurationErrorAsync([$"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "w.db")}", "--Playground:Port=0"]);

        Assert.Contains($"Playground: {world} is not a Playground world", line);
        Assert.EndsWith("delete it to start a new world.", line);
    }

    [Fact]
    public async Task Run_TokenWithBadApplicationId_PrintsOneLineAndExitsNonZero()
    {
        var line = await RunExpectingConfigurationErrorAsync([$"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "b.db")}", "--Discord:Token=abc", "--Discord:ApplicationId=not-a-number"]);

        Assert.Contains("Discord:ApplicationId 'not-a-number' is not a Discord id", line);
    }

    [Fact]
    public async Task Run_EndpointWithoutApplicationId_PrintsOneLineAndExitsNonZero()
    {
        var line = await RunExpectingConfigurationErrorAsync(
            [
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "d.db")}",
                "--urls=http://127.0.0.1:0",
                "--Discord:Token=abc",
                "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
                $"--Discord:PublicKey={new string('a', 64)}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=NoApplication-{Guid.NewGuid():N}",
            ]);

        Assert.Contains("Discord:ApplicationId is required", line);
    }

    [Fact]
    public async Task Run_GatewayWithoutApplicationId_PrintsOneLineAndExitsNonZero()
    {
        var line = await RunExpectingConfigurationErrorAsync(
            [
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "g.db")}",
                "--Discord:Token=abc",
                "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=NoApplicationGateway-{Guid.NewGuid():N}",
            ]);

        Assert.Contains("Discord:ApplicationId is required", line);
    }

    [Fact]
    public async Task Run_TokenRejectedByDiscord_PrintsOneLineAndExitsNonZero()
    {
        await using var discord = new DiscordEmulator();
        await discord.StartAsync();
        var errors = new StringWriter();

        var code = await BotHost.RunAsync(
            [
                $"--ConnectionStrings:StudyBot=Data Source={Path.Combine(_directory, "c.db")}",
                "--urls=http://127.0.0.1:0",
                "--Discord:Token=wrong-token",
                $"--Discord:ApplicationId={discord.ApplicationId}",
                $"--Discord:ApiBaseUrl={discord.BaseUrl}",
                $"--{SchedulingServiceCollectionExtensions.SchedulerNameKey}=Rejected-{Guid.NewGuid():N}",
            ],
            errors);

        Assert.Equal(BotHost.RefusedByDiscord, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("rejected the bot token", line);
        Assert.Contains(discord.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal) && r.Status == 401);
    }

    /// <summary>Runs the host, which must stop with the configuration exit code and exactly one line on stderr; returns that line.</summary>
    private static async Task<string> RunExpectingConfigurationErrorAsync(string[] args)
    {
        var errors = new StringWriter();

        var code = await BotHost.RunAsync(args, errors);

        Assert.Equal(BotHost.ConfigurationError, code);
        return Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
