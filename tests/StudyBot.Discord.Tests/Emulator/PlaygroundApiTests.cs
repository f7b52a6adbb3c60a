using System.Net;
using System.Text.Json.Nodes;
using StudyBot.Emulator;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

public class PlaygroundApiTests : IAsyncLifetime
{
    private DiscordEmulator _emulator = null!;
    private HttpClient _bot = null!;
    private HttpClient _page = null!;
    private GatewayTestClient _gateway = null!;

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync();
        var setup = _emulator.CreatePlayground();
        _bot = Client(_emulator);
        _page = new HttpClient { BaseAddress = new Uri(_emulator.Address) };
        var commands = JsonNode.Parse("""
            [{"name":"help","description":"What StudyBot does"},
             {"name":"review","description":"Review due cards","options":[{"type":3,"name":"deck","description":"Deck","required":true,"autocomplete":true}]}]
            """)!;
        await _bot.PutAsync($"applications/{_emulator.ApplicationId}/guilds/{setup.Guild.Id}/commands", Json(commands));
        (_gateway, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        await _gateway.ReceiveDispatchAsync("GUILD_CREATE");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _bot.Dispose();
        _page.Dispose();
        await _emulator.DisposeAsync();
    }

    private async Task<JsonNode> PostAsync(string path, JsonNode body)
    {
        var response = await _page.PostAsync($"/playground/api/{path}", Json(body));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task CallbackAsync(JsonNode interaction, JsonNode body) =>
        _bot.PostAsync($"interactions/{interaction["id"]}/{interaction["token"]}/callback", Json(body));

    [Fact]
    public async Task Page_Root_ServesPlaygroundHtmlAndScript()
    {
        var html = await _page.GetStringAsync("/");
        Assert.Contains("StudyBot Playground", html);
        Assert.Contains("/playground/app.js", html);
        var script = await _page.GetAsync("/playground/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task State_AfterRegistration_ListsGuildChannelYouAndCommands()
    {
        var state = JsonNode.Parse(await _page.GetStringAsync("/playground/api/state"))!;
        Assert.Equal("StudyBot Playground", state["guild"]!["name"]!.GetValue<string>());
        Assert.Equal("study", state["channel"]!["name"]!.GetValue<string>());
        var you = state["members"]!.AsArray().Single()!;
        Assert.Equal("you", you["username"]!.GetValue<string>());
        Assert.Equal(you["id"]!.GetValue<string>(), state["you"]!.GetValue<string>());
        Assert.Equal(["help", "review"], state["commands"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TypedCommand_AnsweredEphemerally_ShowsForYouMarkedEphemeral()
    {
        Assert.True((await PostAsync("command", new JsonObject { ["text"] = "/review deck:\"north korea\"" }))["ok"]!.GetValue<bool>());
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal("north korea", interaction["data"]!["options"]![0]!["value"]!.GetValue<string>());
        await CallbackAsync(interaction, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "Nothing due", ["flags"] = 64 } });

        var messages = JsonNode.Parse(await _page.GetStringAsync("/playground/api/messages"))!;
        var message = messages["messages"]!.AsArray().Single()!;
        Assert.Equal("Nothing due", message["content"]!.GetValue<string>());
        Assert.True(message["ephemeral"]!.GetValue<bool>());
        Assert.True(messages["connected"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/review deck:north korea", "north korea")]
    [InlineData("/review deck: north korea", "north korea")]
    [InlineData("/review deck:week 1: intro", "week 1: intro")]
    public async Task TypedCommand_TextValueOfSeveralWords_RunsOnToTheNextOptionAsInDiscord(string text, string value)
    {
        Assert.True((await PostAsync("command", new JsonObject { ["text"] = text }))["ok"]!.GetValue<bool>());
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(value, interaction["data"]!["options"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TypedCommand_WordsBeforeAnyOption_AreRefusedWithTheRule()
    {
        var answer = await PostAsync("command", new JsonObject { ["text"] = "/review north korea" });
        Assert.Equal("Write options as name:value; 'north' has no name.", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TypedCommand_Unknown_ExplainsWhy()
    {
        var answer = await PostAsync("command", new JsonObject { ["text"] = "/nope" });
        Assert.Equal("There is no command /nope.", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ModalOpenedByBot_IsShownAndSubmittedThroughPage()
    {
        await PostAsync("command", new JsonObject { ["text"] = "/help" });
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        await CallbackAsync(interaction, JsonNode.Parse("""
            {"type":9,"data":{"title":"Answer","custom_id":"answer","components":[{"type":1,"components":[{"type":4,"custom_id":"text","label":"Your answer","style":1}]}]}}
            """)!);
        JsonNode? modal = null;
        for (var i = 0; i < 100 && modal is null; i++)
        {
            modal = JsonNode.Parse(await _page.GetStringAsync("/playground/api/messages"))!["modal"];
            await Task.Delay(20);
        }
        Assert.Equal("Answer", modal!["data"]!["title"]!.GetValue<string>());

        var submitted = await PostAsync("modal", new JsonObject { ["interaction_id"] = modal["interaction_id"]!.GetValue<string>(), ["values"] = new JsonObject { ["text"] = "Beijing" } });
        Assert.True(submitted["ok"]!.GetValue<bool>());
        var submit = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(5, submit["type"]!.GetValue<int>());
        Assert.Null(JsonNode.Parse(await _page.GetStringAsync("/playground/api/messages"))!["modal"]);
    }

    [Fact]
    public async Task Autocomplete_ForFocusedOption_ReturnsBotChoices()
    {
        var pending = PostAsync("autocomplete", new JsonObject { ["text"] = "/review deck:no" });
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(4, interaction["type"]!.GetValue<int>());
        Assert.True(interaction["data"]!["options"]![0]!["focused"]!.GetValue<bool>());
        await CallbackAsync(interaction, JsonNode.Parse("""{"type":8,"data":{"choices":[{"name":"North Korea","value":"nk"}]}}""")!);
        var answer = await pending;
        Assert.Equal("nk", answer["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://evil.example", null, "application/json")]
    [InlineData("null", null, "application/json")]
    [InlineData(null, "cross-site", "application/json")]
    [InlineData(null, null, "text/plain")]
    [InlineData(null, null, "application/x-www-form-urlencoded")]
    public async Task Command_FromAnotherPageOrNotJson_IsRefusedAndNeverReachesTheBot(string? origin, string? fetchSite, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/command")
        {
            Content = new StringContent("""{"text":"/review deck:forged"}""", System.Text.Encoding.UTF8, contentType),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var refused = await _page.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.StartsWith("the Playground API takes ", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        // The next interaction the bot sees is the page's own command: the refused one was never sent.
        await PostAsync("command", new JsonObject { ["text"] = "/help" });
        var interaction = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal("help", interaction["data"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_FromThePagesOwnOrigin_IsTaken()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/command") { Content = Json(new JsonObject { ["text"] = "/help" }) };
        request.Headers.Add("Origin", _emulator.Address.TrimEnd('/'));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await _page.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("help", (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!["data"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/playground/api/state")]
    [InlineData("GET", "/playground/api/messages")]
    [InlineData("POST", "/playground/api/command")]
    public async Task Request_ForeignHostName_IsRefused(string method, string path)
    {
        // A DNS-rebinding page: its own name, resolved to 127.0.0.1, so the browser calls it same-origin.
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Host = "rebind.example:" + new Uri(_emulator.Address).Port;
        if (method == "POST")
        {
            request.Content = Json(new JsonObject { ["text"] = "/help" });
        }

        var refused = await _page.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("only at a loopback address", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("StudyBot Playground", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reset_WithoutThePagesConfirmation_IsRefused()
    {
        var answer = await PostAsync("reset", new JsonObject());

        Assert.Contains("confirm it on the page", answer["error"]!.GetValue<string>());
    }
}
