using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Hosting.Commands;

namespace StudyBot.Tests.EndToEnd;

public sealed class InteractionsEndpointTests(EndpointBot bot) : IClassFixture<EndpointBot>
{
    private const string Ping = """{"id":"1","application_id":"2","type":1,"token":"t","version":1}""";

    [Fact]
    public async Task Post_SignedPing_AnswersPong()
    {
        var timestamp = Now();

        using var response = await bot.PostAsync(Ping, bot.Sign(timestamp, Ping), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TamperedBody_Returns401()
    {
        var timestamp = Now();
        var signature = bot.Sign(timestamp, Ping);

        using var response = await bot.PostAsync(Ping.Replace("\"type\":1", "\"type\":2"), signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_StaleTimestamp_Returns401()
    {
        var stale = TimeProvider.System.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds().ToString();

        using var response = await bot.PostAsync(Ping, bot.Sign(stale, Ping), stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedHelpCommand_RepliesEphemeralEmbedListingEveryCommand()
    {
        var (guild, channel, user) = bot.Discord.AddGuildWithUser("Endpoint Guild", "study", "endpoint-reader");
        var body = new JsonObject
        {
            ["id"] = "900000000000000001",
            ["application_id"] = bot.Discord.ApplicationId,
            ["type"] = 2,
            ["token"] = "endpoint-help-token",
            ["version"] = 1,
            ["guild_id"] = guild.Id,
            ["channel_id"] = channel.Id,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = "endpoint-reader" },
                ["roles"] = new JsonArray(),
                ["permissions"] = "2147534848",
            },
            ["data"] = new JsonObject { ["id"] = "900000000000000002", ["name"] = "help", ["type"] = 1 },
        }.ToJsonString();
        var timestamp = Now();

        using var response = await bot.PostAsync(body, bot.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>() & 64);
        var embed = answer["data"]!["embeds"]![0]!;
        var text = embed["description"] + "\n" + string.Join('\n', embed["fields"]!.AsArray().Select(f => f!["value"]!.GetValue<string>()));
        Assert.Contains("spaced repetition", text);
        var registered = Catalog();
        Assert.Contains("review", registered);
        Assert.All(registered, name => Assert.Contains($"`/{name}", text));
    }

    [Fact]
    public void Start_EndpointMode_RegistersEveryCommandGloballyByBulkOverwrite()
    {
        var overwrite = Assert.Single(bot.Discord.Requests, r => r.Method == "PUT" && r.Route == "/applications/{application_id}/commands");
        Assert.Equal(200, overwrite.Status);
        var registered = bot.Discord.State.Commands(null).Select(c => c.Name).Order().ToList();
        Assert.Equal(Catalog().Order().ToList(), registered);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal));
    }

    private List<string> Catalog() => [.. bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition.Name)];

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString();
}
