using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Interactions;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;
using StudyBot.Emulator.RateLimits;

namespace StudyBot.Discord.Tests.Gateway;

/// <summary>The real REST client against the emulator's rate limits, errors and uploads.</summary>
public class RestEmulatorTests
{
    private const string MessagesRoute = "/channels/{channel_id}/messages";

    [Fact]
    public async Task CreateMessage_UnderGlobal429s_NeverSendsIntoAnExhaustedBucket()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync(o =>
        {
            o.RateLimits.GlobalPerSecond = 8;
            o.RateLimits.Routes["POST " + MessagesRoute] = new RouteLimit(3, TimeSpan.FromMilliseconds(400));
        });
        var (guild, study, _) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        var quiz = emulator.State.AddTextChannel(guild.Id, "quiz");
        await using var bot = await BotHarness.StartAsync(emulator, connect: false);

        for (var i = 0; i < 24; i++)
        {
            var channel = i % 2 == 0 ? study.Id : quiz.Id;
            await bot.Rest.CreateMessageAsync(Snowflake.Parse(channel), new MessageBuilder().WithContent($"Card {i}").Build());
        }

        Assert.Contains(emulator.Requests, r => r.Status == 429);
        Assert.Equal(24, emulator.Requests.Count(r => r.Route == MessagesRoute && r.Status == 200));
        Assert.Equal(0, emulator.RateLimitViolations);
    }

    [Fact]
    public async Task CreateMessage_ConcurrentBurstOnOneChannel_WaitsForBucketWithout429()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync(o => o.RateLimits.Routes["POST " + MessagesRoute] = new RouteLimit(3, TimeSpan.FromMilliseconds(300)));
        var (_, study, _) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator, connect: false);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            bot.Rest.CreateMessageAsync(Snowflake.Parse(study.Id), new MessagePayload { Content = $"Question {i}" })));

        Assert.Equal(10, emulator.Requests.Count(r => r.Route == MessagesRoute && r.Status == 200));
        Assert.DoesNotContain(emulator.Requests, r => r.Status == 429);
        Assert.Equal(0, emulator.RateLimitViolations);
    }

    [Fact]
    public async Task CreateMessage_ConcurrentBurstAcrossChannels_PacedToTheGlobalLimitWithoutA429()
    {
        // Each channel is its own fresh bucket: only the global limit holds the burst back.
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync(o =>
        {
            o.RateLimits.GlobalPerSecond = 10;
            o.RateLimits.Routes["POST " + MessagesRoute] = new RouteLimit(100, TimeSpan.FromSeconds(1));
        });
        var (guild, _, _) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        var channels = Enumerable.Range(0, 25).Select(i => emulator.State.AddTextChannel(guild.Id, $"group-{i}")).ToList();
        await using var bot = await BotHarness.StartAsync(emulator, new() { ["Discord:Rest:GlobalRequestsPerSecond"] = "10" }, connect: false);

        await Task.WhenAll(channels.Select(c => bot.Rest.CreateMessageAsync(Snowflake.Parse(c.Id), new MessagePayload { Content = "Reminder" })));

        Assert.Equal(25, emulator.Requests.Count(r => r.Route == MessagesRoute && r.Status == 200));
        Assert.DoesNotContain(emulator.Requests, r => r.Status == 429);
        Assert.Equal(0, emulator.RateLimitViolations);
    }

    [Fact]
    public async Task SendDirectMessage_TwiceToOneUser_OpensTheDmChannelOnce()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync();
        var user = emulator.AddUser("reminded");
        await using var bot = await BotHarness.StartAsync(emulator, connect: false);

        await bot.Rest.SendDirectMessageAsync(Snowflake.Parse(user.Id), new MessagePayload { Content = "3 cards are due" });
        await bot.Rest.SendDirectMessageAsync(Snowflake.Parse(user.Id), new MessagePayload { Content = "5 cards are due" });

        Assert.Single(emulator.Requests, r => r.Route == "/users/@me/channels");
        var dm = emulator.State.GetOrCreateDm(user.Id);
        Assert.Equal(["3 cards are due", "5 cards are due"], emulator.State.MessagesIn(dm.Id).Select(m => m.Json["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendDirectMessage_UserRefusesDms_RaisesCannotDm()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync();
        var user = emulator.AddUser("private-person", acceptsDms: false);
        await using var bot = await BotHarness.StartAsync(emulator, connect: false);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            bot.Rest.SendDirectMessageAsync(Snowflake.Parse(user.Id), new MessagePayload { Content = "3 cards are due" }));

        Assert.True(error.IsCannotDirectMessage);
        Assert.Equal(DiscordErrorCode.CannotSendMessagesToUser, error.Code);
    }

    [Fact]
    public async Task CreateMessage_WithFile_UploadsMultipart()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync();
        var (_, study, _) = emulator.AddGuildWithUser("Study Hall", "study", "ana");
        await using var bot = await BotHarness.StartAsync(emulator, connect: false);
        var csv = "front,back\nCapital of China,Beijing\n"u8.ToArray();

        var message = await bot.Rest.CreateMessageAsync(Snowflake.Parse(study.Id), new MessagePayload { Content = "Your export" }, [new FileAttachment("export.csv", csv, "text/csv")]);

        var attachment = Assert.Single(message.Attachments!);
        Assert.Equal("export.csv", attachment.Filename);
        Assert.Equal(csv.Length, attachment.Size);
        Assert.Equal(["export.csv"], emulator.Requests.Last(r => r.Route == MessagesRoute).Files);
    }

    [Fact]
    public async Task Request_WrongToken_ClearErrorWithoutToken()
    {
        var emulator = await GatewayEmulatorTests.StartEmulatorAsync();
        await using var _ = emulator;
        const string wrongToken = "definitely-not-the-emulator-token";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = wrongToken,
            ["Discord:ApiBaseUrl"] = emulator.BaseUrl,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDiscordClient(configuration).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => services.GetRequiredService<DiscordGatewayClient>().RunAsync(CancellationToken.None));

        Assert.Contains("GET /gateway/bot", error.Message);
        Assert.Contains("DISCORD_TOKEN", error.Message);
        Assert.DoesNotContain(wrongToken, error.ToString());
    }
}
