using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Gateway;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Gateway;

public class GatewayConnectionTests
{
    [Fact]
    public async Task Send_PayloadOver4096Bytes_RefusedBeforeReachingTheSocket()
    {
        using var connection = new GatewayConnection(new ClientWebSocket(), new SlidingWindowLimiter(120, TimeSpan.FromSeconds(60), new FakeTimeProvider()));
        var identify = new Identify { Token = new string('t', 4100), Intents = GatewayIntents.Guilds };

        var error = await Assert.ThrowsAsync<GatewayPayloadTooLargeException>(() =>
            connection.SendAsync(GatewayOpcode.Identify, identify, DiscordJsonContext.Default.GatewayCommandIdentify, default));

        Assert.Contains("4096", error.Message);
    }

    [Fact]
    public void CloseCodes_FatalOnesNamed_ResumableOnesNot()
    {
        Assert.All(new[] { 4004, 4010, 4011, 4012, 4013, 4014 }, code => Assert.NotNull(GatewayCloseCodes.FatalReason(code)));
        Assert.All(new[] { 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009, 1006 }, code => Assert.Null(GatewayCloseCodes.FatalReason(code)));
        Assert.True(GatewayCloseCodes.EndsSession(4007));
        Assert.True(GatewayCloseCodes.EndsSession(4009));
        Assert.False(GatewayCloseCodes.EndsSession(4000));
    }
}
