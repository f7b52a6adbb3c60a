using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using StudyBot.Emulator;
using StudyBot.Emulator.Playground;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

/// <summary>The Playground's class through the page's API: members, their views, and a world rebuilt from its ids.</summary>
public class PlaygroundClassApiTests : IAsyncLifetime
{
    private static readonly PlaygroundPlan _class = new(
        [new PlaygroundServerPlan(null, "One", null, "study", null), new PlaygroundServerPlan(null, "Two", null, "study", null)],
        [
            new PlaygroundMemberPlan(null, "teacher", "Teacher", "🦉", Instructor: true, null),
            new PlaygroundMemberPlan(null, "ana", "Ana", "🦊", Instructor: false, null),
        ]);

    private DiscordEmulator _emulator = null!;
    private PlaygroundSetup _setup = null!;
    private HttpClient _bot = null!;
    private HttpClient _page = null!;
    private GatewayTestClient _gateway = null!;

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync();
        _setup = _emulator.CreatePlayground(_class);
        _bot = Client(_emulator);
        _page = new HttpClient { BaseAddress = new Uri(_emulator.Address) };
        await _bot.PutAsync($"applications/{_emulator.ApplicationId}/commands", Json(JsonNode.Parse("""[{"name":"help","description":"Help"}]""")!));
        (_gateway, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _bot.Dispose();
        _page.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Plan_BuiltAgainFromItsIds_GivesTheSameWorld()
    {
        var plan = _setup.ToPlan();
        Assert.All(plan.Servers, s => Assert.NotNull(s.Id));
        Assert.All(plan.Members, m => Assert.NotNull(m.DmChannelId));

        await using var again = await StartAsync();
        var rebuilt = again.CreatePlayground(plan).ToPlan();

        Assert.Equal(plan.Servers, rebuilt.Servers);
        Assert.Equal(plan.Members, rebuilt.Members);
        var teacher = _setup.Members[0];
        var channel = _setup.Servers[1].Channel;
        Assert.NotEqual(0UL, _emulator.State.PermissionsOf(teacher.Id, channel) & (1UL << 5));
        Assert.Equal(0UL, _emulator.State.PermissionsOf(_setup.Members[1].Id, channel) & (1UL << 5));
    }

    [Fact]
    public async Task Messages_EphemeralReply_SeenOnlyByTheMemberWhoAsked()
    {
        var ana = _setup.Members[1];
        var two = _setup.Servers[1].Channel.Id;
        var sent = await _page.PostAsync("/playground/api/command", Json(new JsonObject { ["as"] = ana.Id, ["channel"] = two, ["text"] = "/help" }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(ana.Id, interaction["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(_setup.Servers[1].Guild.Id, interaction["guild_id"]!.GetValue<string>());
        await _bot.PostAsync($"interactions/{interaction["id"]}/{interaction["token"]}/callback",
            Json(new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Just for Ana", ["flags"] = 64 } }));

        Assert.Equal(["Just for Ana"], await ContentsAsync(ana.Id, two));
        Assert.Empty(await ContentsAsync(_setup.Members[0].Id, two));
        Assert.Empty(await ContentsAsync(ana.Id, _setup.Servers[0].Channel.Id));
    }

    [Fact]
    public async Task Messages_AnotherMembersDm_IsRefused()
    {
        var response = await _page.GetAsync($"/playground/api/messages?as={_setup.Members[1].Id}&channel={_setup.Members[0].Dm.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ana cannot see channel", (await ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportedMessages_ImportedIntoAnotherEmulator_KeepTextVisibilityAndFiles()
    {
        var dm = _setup.Members[1].Dm.Id;
        using var form = new MultipartFormDataContent
        {
            { Json(JsonNode.Parse("""{"content":"Your chart","attachments":[{"id":0,"filename":"chart.png"}]}""")!), "payload_json" },
        };
        var png = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "files[0]", "chart.png");
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostAsync($"channels/{dm}/messages", form)).StatusCode);
        var exported = _emulator.ExportPlaygroundMessages();

        await using var again = await StartAsync();
        again.CreatePlayground(_setup.ToPlan());
        again.ImportPlaygroundMessages(JsonNode.Parse(exported.ToJsonString())!.AsObject());

        var message = Assert.Single(again.State.MessagesIn(dm));
        Assert.Equal("Your chart", message.Content);
        var url = message.Json["attachments"]![0]!["url"]!.GetValue<string>();
        Assert.StartsWith(again.Address + "/", url);
        using var client = new HttpClient();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], await client.GetByteArrayAsync(url));
    }

    private async Task<List<string>> ContentsAsync(string memberId, string channelId)
    {
        var data = JsonNode.Parse(await _page.GetStringAsync($"/playground/api/messages?as={memberId}&channel={channelId}"))!;
        return [.. data["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>())];
    }
}
