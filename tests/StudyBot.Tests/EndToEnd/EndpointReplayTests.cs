using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data.Stores;

namespace StudyBot.Tests.EndToEnd;

/// <summary>
/// A captured signed interaction posted again: refused by the process that took it, and, since the
/// accepted ids are kept in the database, by the bot after a restart (or by another process on it).
/// </summary>
public sealed class EndpointReplayTests : IAsyncLifetime
{
    private readonly EndpointBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Post_SignedInteractionReplayedAfterARestart_IsRefused()
    {
        var (guild, channel, user) = _bot.Discord.AddGuildWithUser("Replay Guild", "study", "replayer");
        var body = Help("900000000000000101", guild.Id, channel.Id, user.Id);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _bot.Sign(timestamp, body);

        using (var first = await _bot.PostAsync(body, signature, timestamp))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        Assert.Equal(1, await _bot.App.Services.GetRequiredService<AcceptedInteractions>().CountAsync());

        await _bot.RestartAsync();
        using var replayed = await _bot.PostAsync(body, signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        // The same request under a new id (a new interaction, signed anew) is answered.
        var other = Help("900000000000000102", guild.Id, channel.Id, user.Id);
        using var fresh = await _bot.PostAsync(other, _bot.Sign(timestamp, other), timestamp);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(2, await _bot.App.Services.GetRequiredService<AcceptedInteractions>().CountAsync());
    }

    private string Help(string id, string guildId, string channelId, string userId) => new JsonObject
    {
        ["id"] = id,
        ["application_id"] = _bot.Discord.ApplicationId,
        ["type"] = 2,
        ["token"] = "replay-token-" + id,
        ["version"] = 1,
        ["guild_id"] = guildId,
        ["channel_id"] = channelId,
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "replayer" },
            ["roles"] = new JsonArray(),
            ["permissions"] = "2147534848",
        },
        ["data"] = new JsonObject { ["id"] = "900000000000000002", ["name"] = "help", ["type"] = 1 },
    }.ToJsonString();
}
