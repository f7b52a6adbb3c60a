using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using StudyBot.Cli;
using StudyBot.Emulator;
using StudyBot.Hosting;
using StudyBot.Hosting.Commands;
using StudyBot.Setup;

namespace StudyBot.Tests.Cli;

public sealed class SetupCommandTests : IAsyncLifetime
{
    private readonly DiscordEmulator _discord = new();

    public Task InitializeAsync() => _discord.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    private static Task<int> RunAsync(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => config.AddSetupCommands());
        return app.RunAsync(args);
    }

    private static List<BotCommand> FeatureCommands()
        => [.. new ServiceCollection().AddStudyBotFeatures().Select(d => d.ImplementationInstance).OfType<BotCommand>()];

    [Fact]
    public void InvitePermissions_EveryFeature_ExactlyWhatQuizPostsNeed()
    {
        var needs = BotPermissions.For(FeatureCommands());

        Assert.Equal(["VIEW_CHANNEL", "SEND_MESSAGES", "EMBED_LINKS", "SEND_MESSAGES_IN_THREADS"], needs.Select(n => n.Permission.Constant));
        Assert.Equal(["View Channels", "Send Messages", "Embed Links", "Send Messages in Threads"], needs.Select(n => n.Permission.Name));
        Assert.All(needs, n => Assert.Contains(n.Reasons, r => r.StartsWith("/quiz ", StringComparison.Ordinal)));
        // 1024 + 2048 + 16384 + 2^38, as Discord's permission table gives them.
        Assert.Equal(274_877_926_400UL, BotPermissions.Value(needs));
    }

    [Fact]
    public void InvitePermissions_NoFeaturePostsInChannels_NoPermissionAsked()
    {
        var needs = BotPermissions.For(FeatureCommands().Where(c => c.Definition.Name is not ("quiz" or "daily" or "config")));

        Assert.Empty(needs);
        Assert.Equal(0UL, BotPermissions.Value(needs));
    }

    [Fact]
    public void InviteUrl_WithGuild_ScopesPermissionsAndPreselectedServer()
    {
        var url = InviteUrl.Build("123", 274_877_926_400UL, "456");

        Assert.Equal("https://discord.com/oauth2/authorize?client_id=123&scope=bot%20applications.commands&permissions=274877926400&integration_type=0&guild_id=456&disable_guild_select=true", url);
    }

    [Theory]
    [InlineData(0, "invite-url", "--application-id", "123456789")]
    [InlineData(0, "invite-url", "--Discord:ApplicationId=123456789")]
    [InlineData(1, "invite-url", "--application-id", "abc")]
    [InlineData(1, "invite-url", "--application-id", "123", "--guild", "x")]
    public async Task InviteUrlCommand_ExitCode(int expected, params string[] args)
        => Assert.Equal(expected, await RunAsync(args));

    [Fact]
    public async Task Check_GoodTokenAndApplication_NoProblems()
    {
        var report = await SetupCheck.RunAsync(Configuration(_discord.BotToken, _discord.ApplicationId), TimeProvider.System);

        Assert.Empty(report.Problems);
        Assert.Contains(report.Passed, l => l.StartsWith("token: accepted by Discord for the bot user", StringComparison.Ordinal));
        Assert.Contains($"application: {_discord.ApplicationId} ({_discord.Options.BotUsername}) matches Discord:ApplicationId", report.Passed);
        Assert.Contains(_discord.Requests, r => r.Path.EndsWith("/users/@me", StringComparison.Ordinal) && r.Status == 200);
        Assert.DoesNotContain(report.Passed, l => l.Contains(_discord.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_BadToken_OneLineSayingDiscordRejectedIt()
    {
        var report = await SetupCheck.RunAsync(Configuration("not-the-token", _discord.ApplicationId), TimeProvider.System);

        var problem = Assert.Single(report.Problems);
        Assert.StartsWith("token: Discord rejected it (401 Unauthorized)", problem);
        Assert.DoesNotContain("not-the-token", problem);
        Assert.Contains(_discord.Requests, r => r.Path.EndsWith("/users/@me", StringComparison.Ordinal) && r.Status == 401);
    }

    [Fact]
    public async Task Check_PostgresNotListening_OneLineNamingTheServerAndTheReasonWithoutThePassword()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var report = await SetupCheck.RunAsync(Configuration(_discord.BotToken, _discord.ApplicationId, new()
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:StudyBot"] = $"Host=127.0.0.1;Port={port};Database=studybot;Username=studybot;Password=hunter2-secret",
        }), TimeProvider.System);

        var problem = Assert.Single(report.Problems);
        Assert.Equal($"database: cannot connect to the PostgreSQL database studybot on 127.0.0.1:{port}: connection refused", problem);
        Assert.DoesNotContain(report.Passed, l => l.StartsWith("database:", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", string.Join("\n", report.Passed.Concat(report.Problems)));
    }

    [Fact]
    public async Task Check_OtherApplicationsId_OneLineNamingBoth()
    {
        var report = await SetupCheck.RunAsync(Configuration(_discord.BotToken, "42"), TimeProvider.System);

        var problem = Assert.Single(report.Problems);
        Assert.StartsWith($"Discord:ApplicationId 42 does not match the token's application {_discord.ApplicationId}", problem);
    }

    [Fact]
    public async Task Check_SeveralBadSettings_OneLineEach()
    {
        var configuration = Configuration(_discord.BotToken, _discord.ApplicationId, new()
        {
            ["StudyBot:DefaultTimeZone"] = "Mars/Olympus",
            ["Backup:Keep"] = "0",
        });

        var report = await SetupCheck.RunAsync(configuration, TimeProvider.System);

        Assert.Equal(2, report.Problems.Count);
        Assert.Contains(report.Problems, p => p.StartsWith("StudyBot:DefaultTimeZone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.StartsWith("Backup:Keep must be at least 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_ClusterSettings_ShardRangeAndCheckinProblemsOneLineEachAndTheNodeNamed()
    {
        Dictionary<string, string?> Cluster(string shards, string setting, string value) => new()
        {
            ["Discord:ShardCount"] = "4",
            ["Discord:Shards"] = shards,
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:StudyBot"] = "Host=db;Database=studybot;Username=studybot",
            [setting] = value,
        };

        var bad = await SetupCheck.RunAsync(Configuration(_discord.BotToken, _discord.ApplicationId, Cluster("2-4", "Scheduler:CheckinInterval", "often")), TimeProvider.System);

        // The host "db" is not there: the check says so too (it tries the connection).
        const string noDatabase = "database: cannot connect to the PostgreSQL database studybot on db:5432: ";
        Assert.Equal(3, bad.Problems.Count);
        Assert.Contains(bad.Problems, p => p.StartsWith(noDatabase, StringComparison.Ordinal));
        Assert.Contains(bad.Problems, p => p.StartsWith("Discord:Shards '2-4' goes past Discord:ShardCount 4", StringComparison.Ordinal));
        Assert.Contains(bad.Problems, p => p.StartsWith("Scheduler:CheckinInterval 'often' must be a time span", StringComparison.Ordinal));

        var good = await SetupCheck.RunAsync(Configuration(_discord.BotToken, _discord.ApplicationId, Cluster("2-3", "Scheduler:InstanceId", "bot-b")), TimeProvider.System);

        Assert.StartsWith(noDatabase, Assert.Single(good.Problems));
        Assert.Contains("scheduler: Quartz cluster node 'bot-b', checking in every 7.5 s", good.Passed);
    }

    [Fact]
    public async Task CheckCommand_AgainstEmulator_ExitZeroForGoodTokenOneForBad()
    {
        string[] Args(string token) => ["check", $"--Discord:Token={token}", $"--Discord:ApplicationId={_discord.ApplicationId}", $"--Discord:ApiBaseUrl={_discord.BaseUrl}"];

        Assert.Equal(0, await RunAsync(Args(_discord.BotToken)));
        Assert.Equal(1, await RunAsync(Args("wrong")));
    }

    private IConfiguration Configuration(string token, string applicationId, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = token,
            ["Discord:ApplicationId"] = applicationId,
            ["Discord:ApiBaseUrl"] = _discord.BaseUrl,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}

public sealed class HealthProbeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5173", null, null, null)]
    [InlineData("http://127.0.0.1:4000", null, null, "--Playground:Port=4000")]
    [InlineData("http://127.0.0.1:8080", "8080", null, "--Discord:Token=t")]
    [InlineData("http://127.0.0.1:9000", "8080", "http://+:9000;http://+:9001", "--Discord:Token=t")]
    [InlineData("http://127.0.0.1:7000", null, "http://0.0.0.0:7000", "--Discord:Token=t")]
    [InlineData("http://127.0.0.1:5000", null, null, "--Discord:Token=t")]
    public void BaseUrl_FromConfiguration_WhereTheBotListens(string expected, string? httpPorts, string? urls, string? arg)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(arg is null ? [] : [arg]).Build();
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = httpPorts, ["ASPNETCORE_URLS"] = urls };

        Assert.Equal(expected, HealthProbe.BaseUrl(configuration, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task HealthCommand_NothingListening_ExitsOneWithOneLine()
    {
        var app = new CommandApp();
        app.Configure(config => config.AddSetupCommands());

        Assert.Equal(1, await app.RunAsync(["health", "--url", "http://127.0.0.1:9"]));
    }
}
