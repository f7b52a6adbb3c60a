using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Data;
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
        // A student's /help lists every command with a student line.
        Assert.All(StudentCommands(), name => Assert.Contains($"`/{name}", text));
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

    [Fact]
    public async Task DmInteraction_EndpointMode_AsksDiscordPerServer_AndDropsTheServersTheStudentOrTheBotLeft()
    {
        // Endpoint mode gets no gateway events at all: neither GUILD_MEMBER_REMOVE nor GUILD_DELETE.
        var state = bot.Discord.State;
        var (kept, keptChannel, user) = bot.Discord.AddGuildWithUser("Kept Guild", "study", "endpoint-dm");
        var left = state.AddGuild("Left Guild");
        var gone = state.AddGuild("Gone Guild");
        var channels = new Dictionary<string, string> { [kept.Id] = keptChannel.Id };
        foreach (var guild in new[] { left, gone })
        {
            state.AddMember(guild.Id, user.Id);
            channels[guild.Id] = state.AddTextChannel(guild.Id, "study").Id;
        }

        var userId = ulong.Parse(user.Id, CultureInfo.InvariantCulture);
        foreach (var (guildId, channelId) in channels)
        {
            await SeenInAsync(guildId, channelId, user.Id, userId);
        }

        state.RemoveMember(left.Id, user.Id);
        state.RemoveMember(gone.Id, state.Bot.Id);
        var dm = state.GetOrCreateDm(user.Id);
        using (var response = await PostSignedAsync(HelpBody(null, dm.Id, user.Id)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var asked = bot.Discord.Requests.Where(r => r.Route == "/guilds/{guild_id}/members/{user_id}" && r.Path.EndsWith("/" + user.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal([200, 403, 404], asked.Select(r => r.Status).Order());
        var members = await QueryAsync(db => db.GuildMembers.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.GuildId.ToString(CultureInfo.InvariantCulture), m => m.LeftUtc));
        Assert.Null(members[kept.Id]);
        Assert.NotNull(members[left.Id]);
        var goneId = ulong.Parse(gone.Id, CultureInfo.InvariantCulture);
        Assert.NotNull(await QueryAsync(db => db.Guilds.Where(g => g.Id == goneId).Select(g => g.LeftUtc).SingleAsync()));

        // Asked again only after Membership:Recheck: a second DM interaction sends no request.
        using (var again = await PostSignedAsync(HelpBody(null, dm.Id, user.Id)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(asked.Count, bot.Discord.Requests.Count(r => r.Route == "/guilds/{guild_id}/members/{user_id}" && r.Path.EndsWith("/" + user.Id, StringComparison.Ordinal)));
    }

    // The guild's first interaction starts its provisioning; once it is done, the next records the member.
    private async Task SeenInAsync(string guildId, string channelId, string user, ulong userId)
    {
        var guild = ulong.Parse(guildId, CultureInfo.InvariantCulture);
        for (var i = 0; i < 300 && !await QueryAsync(db => db.GuildMembers.AnyAsync(m => m.GuildId == guild && m.UserId == userId)); i++)
        {
            using var response = await PostSignedAsync(HelpBody(guildId, channelId, user));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            for (var j = 0; j < 50 && !await QueryAsync(db => db.Guilds.AnyAsync(g => g.Id == guild && g.EssayDecksAddedUtc != null)); j++)
            {
                await Task.Delay(100);
            }
        }
    }

    private static long _nextId = 910_000_000_000_000_000;

    private string HelpBody(string? guildId, string channelId, string userId)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var author = new JsonObject { ["id"] = userId, ["username"] = "endpoint-dm" };
        var body = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = bot.Discord.ApplicationId,
            ["type"] = 2,
            ["token"] = "endpoint-token-" + id,
            ["version"] = 1,
            ["channel_id"] = channelId,
            ["data"] = new JsonObject { ["id"] = "900000000000000002", ["name"] = "help", ["type"] = 1 },
        };
        if (guildId is null)
        {
            body["user"] = author;
        }
        else
        {
            body["guild_id"] = guildId;
            body["member"] = new JsonObject { ["user"] = author, ["roles"] = new JsonArray(), ["permissions"] = "2147534848" };
        }

        return body.ToJsonString();
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = Now();
        return bot.PostAsync(body, bot.Sign(timestamp, body), timestamp);
    }

    private async Task<T> QueryAsync<T>(Func<StudyDbContext, Task<T>> query)
    {
        await using var db = await bot.App.Services.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private List<string> Catalog() => [.. bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition.Name)];

    private List<string> StudentCommands() => [.. bot.App.Services.GetRequiredService<CommandCatalog>().Commands.Where(c => c.HelpLines.Any(l => !l.InstructorOnly)).Select(c => c.Definition.Name)];

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString();
}
