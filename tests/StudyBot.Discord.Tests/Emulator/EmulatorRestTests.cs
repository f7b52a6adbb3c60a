using System.Net;
using System.Text.Json.Nodes;
using StudyBot.Emulator;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

public class EmulatorRestTests : IAsyncLifetime
{
    private DiscordEmulator _emulator = null!;
    private HttpClient _http = null!;
    private string _channelId = "";

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync(o => o.RateLimits.Enabled = false);
        _http = Client(_emulator);
        _channelId = _emulator.AddGuildWithUser("Guild", "general", "ann").Channel.Id;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetUsersMe_WithoutBotToken_Returns401WithCodeZero()
    {
        using var anonymous = Client(_emulator, authorized: false);
        var response = await anonymous.GetAsync("users/@me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(0, body["code"]!.GetValue<int>());
        Assert.Equal("401: Unauthorized", body["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUsersMe_WithBotToken_ReturnsBotUser()
    {
        var body = await ReadJsonAsync(await _http.GetAsync("users/@me"));
        Assert.Equal(_emulator.Options.BotUserId, body["id"]!.GetValue<string>());
        Assert.True(body["bot"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetGatewayBot_Always_ReportsUrlShardsAndMaxConcurrency()
    {
        await using var emulator = await StartAsync(o => { o.RecommendedShards = 2; o.MaxConcurrency = 4; });
        using var http = Client(emulator);
        var body = await ReadJsonAsync(await http.GetAsync("gateway/bot"));
        Assert.Equal(emulator.GatewayUrl, body["url"]!.GetValue<string>());
        Assert.StartsWith("ws://127.0.0.1:", emulator.GatewayUrl);
        Assert.Equal(2, body["shards"]!.GetValue<int>());
        Assert.Equal(4, body["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownRoute_Always_Returns404JsonBody()
    {
        var response = await _http.GetAsync("nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateMessage_ValidBody_StoresAndReturnsMessage()
    {
        var response = await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "hello" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("hello", body["content"]!.GetValue<string>());
        Assert.Equal("hello", _emulator.State.MessagesIn(_channelId).Single().Content);
    }

    public static TheoryData<string, string, string> InvalidBodies() => new()
    {
        { $$"""{"content":"{{new string('x', 2001)}}"}""", "content", "BASE_TYPE_MAX_LENGTH" },
        { $$"""{"embeds":[{"title":"{{new string('t', 257)}}"}]}""", "embeds.0.title", "BASE_TYPE_MAX_LENGTH" },
        { $$"""{"embeds":[{"description":"ok","fields":[{"name":"a","value":"b"},{"name":"c","value":"{{new string('v', 1025)}}"}]}]}""", "embeds.0.fields.1.value", "BASE_TYPE_BAD_LENGTH" },
        { """{"embeds":[{"footer":{}}]}""", "embeds.0.footer.text", "BASE_TYPE_REQUIRED" },
        { $$"""{"embeds":[{{string.Join(",", Enumerable.Repeat("""{"title":"x"}""", 11))}}]}""", "embeds", "BASE_TYPE_MAX_LENGTH" },
        { $$"""{"embeds":[{"description":"{{new string('d', 4000)}}"},{"description":"{{new string('d', 2001)}}"}]}""", "embeds", "MAX_EMBED_SIZE_EXCEEDED" },
        { $$"""{"components":[{{string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{"type":1,"components":[{"type":2,"style":1,"label":"b","custom_id":"r{{i}}"}]}"""))}}]}""", "components", "BASE_TYPE_MAX_LENGTH" },
        { $$"""{"components":[{"type":1,"components":[{{string.Join(",", Enumerable.Range(0, 6).Select(i => $$"""{"type":2,"style":1,"label":"b","custom_id":"b{{i}}"}"""))}}]}]}""", "components.0.components", "BASE_TYPE_BAD_LENGTH" },
        { """{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"same"},{"type":2,"style":2,"label":"b","custom_id":"same"}]}]}""", "components.0.components.1.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED" },
        { $$"""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"{{new string('c', 101)}}"}]}]}""", "components.0.components.0.custom_id", "BASE_TYPE_BAD_LENGTH" },
        { $$"""{"components":[{"type":1,"components":[{"type":2,"style":1,"label":"{{new string('l', 81)}}","custom_id":"a"}]}]}""", "components.0.components.0.label", "BASE_TYPE_MAX_LENGTH" },
        { $$"""{"components":[{"type":1,"components":[{"type":3,"custom_id":"s","options":[{{string.Join(",", Enumerable.Range(0, 26).Select(i => $$"""{"label":"o{{i}}","value":"v{{i}}"}"""))}}]}]}]}""", "components.0.components.0.options", "BASE_TYPE_BAD_LENGTH" },
        { """{"components":[{"type":1,"components":[{"type":3,"custom_id":"s","options":[{"label":"a","value":"v"}]},{"type":2,"style":1,"label":"b","custom_id":"b"}]}]}""", "components.0.components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED" },
        { """{"content":42}""", "content", "BASE_TYPE_STRING" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task CreateMessage_BeyondDiscordLimits_Returns50035AtFieldPath(string json, string path, string code)
    {
        var response = await _http.PostAsync($"channels/{_channelId}/messages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal(50035, body["code"]!.GetValue<int>());
        Assert.Equal(code, ErrorCodeAt(body, path));
        Assert.Empty(_emulator.State.MessagesIn(_channelId));
    }

    [Fact]
    public async Task CreateMessage_EmptyBody_Returns50006()
    {
        var response = await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50006, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateMessage_UnknownChannel_Returns10003()
    {
        var response = await _http.PostAsync("channels/123/messages", Json(new JsonObject { ["content"] = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(10003, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateMessage_ChannelDeniesSend_Returns50013()
    {
        var guild = _emulator.State.FindChannel(_channelId)!.GuildId!;
        _emulator.State.SetOverwrite(_channelId, new StudyBot.Emulator.State.PermissionOverwrite(guild, 0, 0, StudyBot.Emulator.State.Permissions.SendMessages));
        var response = await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50013, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task DmMessage_UserRefusesDms_Returns50007AndStoresNothing()
    {
        var closed = _emulator.AddUser("closed", acceptsDms: false);
        var dm = await ReadJsonAsync(await _http.PostAsync("users/@me/channels", Json(new JsonObject { ["recipient_id"] = closed.Id })));
        var dmId = dm["id"]!.GetValue<string>();
        Assert.Equal(1, dm["type"]!.GetValue<int>());
        var response = await _http.PostAsync($"channels/{dmId}/messages", Json(new JsonObject { ["content"] = "due cards" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50007, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
        Assert.Empty(_emulator.State.MessagesIn(dmId));
    }

    [Fact]
    public async Task DmMessage_UserAcceptsDms_IsDelivered()
    {
        var open = _emulator.AddUser("open");
        var dm = await ReadJsonAsync(await _http.PostAsync("users/@me/channels", Json(new JsonObject { ["recipient_id"] = open.Id })));
        var response = await _http.PostAsync($"channels/{dm["id"]}/messages", Json(new JsonObject { ["content"] = "due cards" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(open.Id, dm["recipients"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditMessage_Twice_KeepsEveryVersion()
    {
        var created = await ReadJsonAsync(await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "v1" })));
        var id = created["id"]!.GetValue<string>();
        await _http.PatchAsync($"channels/{_channelId}/messages/{id}", Json(new JsonObject { ["content"] = "v2" }));
        var last = await ReadJsonAsync(await _http.PatchAsync($"channels/{_channelId}/messages/{id}", Json(new JsonObject { ["embeds"] = new JsonArray(new JsonObject { ["title"] = "t" }) })));
        Assert.Equal("v2", last["content"]!.GetValue<string>());
        Assert.NotNull(last["edited_timestamp"]);
        var message = _emulator.State.FindMessage(id)!;
        Assert.Equal(["v1", "v2"], _emulator.State.HistoryOf(message).Select(h => h["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DeleteMessage_Then_GetReturns10008()
    {
        var created = await ReadJsonAsync(await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "bye" })));
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"channels/{_channelId}/messages/{id}")).StatusCode);
        var response = await _http.GetAsync($"channels/{_channelId}/messages/{id}");
        Assert.Equal(10008, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateMessage_MultipartFile_ServesBytesAtAttachmentUrl()
    {
        var bytes = "front,back\nq,a\n"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"content":"deck","attachments":[{"id":0,"filename":"deck.csv"}]}"""), "payload_json" },
            { new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } }, "files[0]", "deck.csv" },
        };
        var body = await ReadJsonAsync(await _http.PostAsync($"channels/{_channelId}/messages", form));
        var attachment = body["attachments"]![0]!;
        Assert.Equal("deck.csv", attachment["filename"]!.GetValue<string>());
        Assert.Equal(bytes.Length, attachment["size"]!.GetValue<int>());
        using var cdn = new HttpClient();
        Assert.Equal(bytes, await cdn.GetByteArrayAsync(attachment["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateMessage_FileOverLimit_Returns413Code40005()
    {
        await using var emulator = await StartAsync(o => o.MaxFileBytes = 1024);
        var channel = emulator.AddGuildWithUser("g", "c", "u").Channel.Id;
        using var http = Client(emulator);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"content":"big"}"""), "payload_json" },
            { new ByteArrayContent(new byte[2048]), "files[0]", "big.bin" },
        };
        var response = await http.PostAsync($"channels/{channel}/messages", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(40005, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task PutCommands_Valid_ReturnsIdsStableAcrossOverwrite()
    {
        var app = _emulator.ApplicationId;
        var commands = new JsonArray(
            new JsonObject { ["name"] = "help", ["description"] = "What StudyBot does" },
            new JsonObject
            {
                ["name"] = "review", ["description"] = "Review due cards",
                ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "deck", ["description"] = "Deck", ["required"] = true }),
            });
        var first = await ReadJsonAsync(await _http.PutAsync($"applications/{app}/commands", Json(commands)));
        var second = await ReadJsonAsync(await _http.PutAsync($"applications/{app}/commands", Json(commands.DeepClone())));
        Assert.Equal(2, second.AsArray().Count);
        Assert.Equal(first[1]!["id"]!.GetValue<string>(), second[1]!["id"]!.GetValue<string>());
        Assert.Equal(["help", "review"], _emulator.State.Commands(null).Select(c => c.Name));
    }

    public static TheoryData<string, string, string> InvalidCommands() => new()
    {
        { """[{"name":"Review","description":"d"}]""", "0.name", "APPLICATION_COMMAND_INVALID_NAME" },
        { """[{"name":"has space","description":"d"}]""", "0.name", "APPLICATION_COMMAND_INVALID_NAME" },
        { $$"""[{"name":"{{new string('a', 33)}}","description":"d"}]""", "0.name", "BASE_TYPE_BAD_LENGTH" },
        { """[{"name":"help"}]""", "0.description", "BASE_TYPE_REQUIRED" },
        { $$"""[{"name":"help","description":"{{new string('d', 101)}}"}]""", "0.description", "BASE_TYPE_BAD_LENGTH" },
        { """[{"name":"help","description":"d"},{"name":"help","description":"e"}]""", "1.name", "APPLICATION_COMMANDS_DUPLICATE_NAME" },
        { """[{"name":"r","description":"d","options":[{"type":3,"name":"a","description":"a"},{"type":3,"name":"b","description":"b","required":true}]}]""", "0.options", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID" },
        { $$"""[{"name":"r","description":"d","options":[{"type":3,"name":"a","description":"a","choices":[{{string.Join(",", Enumerable.Range(0, 26).Select(i => $$"""{"name":"c{{i}}","value":"v{{i}}"}"""))}}]}]}]""", "0.options.0.choices", "BASE_TYPE_MAX_LENGTH" },
        { """[{"name":"r","description":"d","options":[{"type":12,"name":"a","description":"a"}]}]""", "0.options.0.type", "BASE_TYPE_CHOICES" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task PutCommands_BeyondDiscordRules_Returns50035AtFieldPath(string json, string path, string code)
    {
        var response = await _http.PutAsync($"applications/{_emulator.ApplicationId}/commands", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, ErrorCodeAt(await ReadJsonAsync(response), path));
        Assert.Empty(_emulator.State.Commands(null));
    }

    [Fact]
    public async Task PutGuildCommands_UnknownGuild_Returns50001()
    {
        var response = await _http.PutAsync($"applications/{_emulator.ApplicationId}/guilds/42/commands", Json(new JsonArray()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(50001, (await ReadJsonAsync(response))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Faults_FailNextRequests_AnswersThatManyWith500()
    {
        _emulator.Faults.FailNextRequests(2);
        Assert.Equal(HttpStatusCode.InternalServerError, (await _http.GetAsync("users/@me")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await _http.GetAsync("users/@me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("users/@me")).StatusCode);
    }

    [Fact]
    public async Task Faults_ResponseDelay_HoldsTheAnswer()
    {
        _emulator.Faults.ResponseDelay = TimeSpan.FromMilliseconds(300);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _http.GetAsync("users/@me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Requests_Always_RecordedWithRouteTemplateAndNoToken()
    {
        await _http.PostAsync($"channels/{_channelId}/messages", Json(new JsonObject { ["content"] = "recorded" }));
        var recorded = _emulator.Requests.Last();
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/channels/{channel_id}/messages", recorded.Route);
        Assert.Equal(200, recorded.Status);
        Assert.Contains("recorded", recorded.Body);
        Assert.DoesNotContain(_emulator.BotToken, string.Join("\n", _emulator.Requests.Select(r => r.ToString())));
    }

    [Fact]
    public async Task Requests_WithRecordDirectory_AppendedAsJsonLinesWithoutToken()
    {
        var dir = Directory.CreateTempSubdirectory("emulator-record-").FullName;
        try
        {
            await using var emulator = await StartAsync(o => o.RecordDirectory = dir);
            var channel = emulator.AddGuildWithUser("g", "c", "u").Channel.Id;
            using var http = Client(emulator);
            await http.PostAsync($"channels/{channel}/messages", Json(new JsonObject { ["content"] = "line" }));
            var lines = await File.ReadAllLinesAsync(emulator.RecordFile!);
            var line = JsonNode.Parse(lines.Single())!;
            Assert.Equal("/channels/{channel_id}/messages", line["route"]!.GetValue<string>());
            Assert.Equal("line", line["body"]!["content"]!.GetValue<string>());
            Assert.DoesNotContain(emulator.BotToken, lines[0]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
