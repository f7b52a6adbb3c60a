using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Emulator;
using StudyBot.Emulator.Interactions;
using StudyBot.Emulator.State;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

public class EmulatorInteractionTests : IAsyncLifetime
{
    private static readonly CommandOptionInput _essay = new("deck", "essay");
    private readonly FakeTimeProvider _clock = NewClock();
    private DiscordEmulator _emulator = null!;
    private HttpClient _http = null!;
    private GatewayTestClient _gateway = null!;
    private EmuChannel _channel = null!;
    private SimulatedUser _user = null!;

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync(o => o.TimeProvider = _clock);
        _http = Client(_emulator);
        (_, _channel, _user) = _emulator.AddGuildWithUser("Study", "study", "ann");
        var commands = JsonNode.Parse("""
            [{"name":"review","description":"Review due cards","options":[
               {"type":3,"name":"deck","description":"Deck","required":true},
               {"type":4,"name":"count","description":"How many"}]},
             {"name":"deck","description":"Decks","options":[
               {"type":1,"name":"import","description":"Import a deck","options":[{"type":11,"name":"file","description":"File","required":true}]}]}]
            """)!;
        Assert.Equal(HttpStatusCode.OK, (await _http.PutAsync($"applications/{_emulator.ApplicationId}/commands", Json(commands))).StatusCode);
        (_gateway, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<HttpResponseMessage> CallbackAsync(InteractionHandle handle, JsonNode body) =>
        _http.PostAsync($"interactions/{handle.Id}/{handle.Token}/callback", Json(body));

    private static JsonObject Reply(string content, int flags = 0) =>
        new() { ["type"] = 4, ["data"] = new JsonObject { ["content"] = content, ["flags"] = flags } };

    [Fact]
    public async Task RunCommand_Answered_DispatchesInteractionAndResolvesWithMessage()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", new("deck", "essay"), new("count", 5));
        var dispatch = await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        var d = dispatch["d"]!;
        Assert.Equal(handle.Id, d["id"]!.GetValue<string>());
        Assert.Equal(2, d["type"]!.GetValue<int>());
        Assert.Equal("review", d["data"]!["name"]!.GetValue<string>());
        Assert.Equal(5, d["data"]!["options"]![1]!["value"]!.GetValue<long>());
        Assert.Equal(_user.Id, d["member"]!["user"]!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await CallbackAsync(handle, Reply("3 cards due", 64))).StatusCode);
        var outcome = await handle.WaitAsync();
        Assert.Equal(4, outcome.CallbackType);
        Assert.Equal("3 cards due", outcome.Content);
        Assert.True(outcome.Ephemeral);
        Assert.Empty(_emulator.State.MessagesIn(_channel.Id));
        Assert.Single(_emulator.State.MessagesIn(_channel.Id, _user.Id));
    }

    [Fact]
    public async Task RunCommand_InDm_ArrivesOnShardZeroWithUser()
    {
        var dm = _emulator.State.GetOrCreateDm(_user.Id);
        await _user.RunCommandAsync(dm.Id, "review", _essay);
        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        Assert.Equal(_user.Id, d["user"]!["id"]!.GetValue<string>());
        Assert.Null(d["member"]);
        Assert.Null(d["guild_id"]);
    }

    [Fact]
    public async Task Callback_Twice_Returns40060()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        await CallbackAsync(handle, Reply("one"));
        var second = await CallbackAsync(handle, Reply("two"));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(40060, (await ReadJsonAsync(second))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Callback_AfterThreeSeconds_Returns10062()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        _clock.Advance(TimeSpan.FromSeconds(3.5));
        var late = await CallbackAsync(handle, Reply("late"));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(10062, (await ReadJsonAsync(late))["code"]!.GetValue<int>());
        Assert.False(handle.Callback.IsCompleted);
    }

    [Fact]
    public async Task Callback_InvalidData_Returns50035UnderData()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        var response = await CallbackAsync(handle, Reply(new string('x', 2001)));
        Assert.Equal("BASE_TYPE_MAX_LENGTH", ErrorCodeAt(await ReadJsonAsync(response), "data.content"));
        Assert.False(handle.Callback.IsCompleted);
    }

    [Fact]
    public async Task Deferred_ThenEditOriginal_ResolvesWithEditedMessage()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        await CallbackAsync(handle, new JsonObject { ["type"] = 5 });
        Assert.Equal(5, (await handle.Callback).CallbackType);
        Assert.False(handle.Response.IsCompleted);

        _clock.Advance(TimeSpan.FromMinutes(10));
        var edit = await _http.PatchAsync($"webhooks/{_emulator.ApplicationId}/{handle.Token}/messages/@original", Json(new JsonObject { ["content"] = "done" }));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var outcome = await handle.WaitAsync();
        Assert.Equal("done", outcome.Content);
        Assert.Equal(0, outcome.Message!["flags"]!.GetValue<int>() & 128);
    }

    [Fact]
    public async Task WebhookEdit_AfterFifteenMinutes_Returns50027()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        await CallbackAsync(handle, new JsonObject { ["type"] = 5 });
        _clock.Advance(TimeSpan.FromMinutes(15.5));
        var edit = await _http.PatchAsync($"webhooks/{_emulator.ApplicationId}/{handle.Token}/messages/@original", Json(new JsonObject { ["content"] = "too late" }));
        Assert.Equal(HttpStatusCode.Unauthorized, edit.StatusCode);
        Assert.Equal(50027, (await ReadJsonAsync(edit))["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Followup_AfterReply_CreatesSecondMessage()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        await CallbackAsync(handle, Reply("first"));
        var followup = await _http.PostAsync($"webhooks/{_emulator.ApplicationId}/{handle.Token}", Json(new JsonObject { ["content"] = "second" }));
        Assert.Equal(HttpStatusCode.OK, followup.StatusCode);
        Assert.Equal(["first", "second"], _emulator.State.MessagesIn(_channel.Id).Select(m => m.Content));
        Assert.Single(handle.FollowupMessageIds);
    }

    [Fact]
    public async Task ClickButton_UpdateMessage_EditsTheMessageAndKeepsHistory()
    {
        var posted = await ReadJsonAsync(await _http.PostAsync($"channels/{_channel.Id}/messages", Json(JsonNode.Parse("""
            {"content":"Q1","components":[{"type":1,"components":[{"type":2,"style":1,"label":"Show","custom_id":"card:1:show"}]}]}
            """)!)));
        var messageId = posted["id"]!.GetValue<string>();
        var click = await _user.ClickButtonAsync(messageId, "card:1:show");
        var dispatch = await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        Assert.Equal("card:1:show", dispatch["d"]!["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(messageId, dispatch["d"]!["message"]!["id"]!.GetValue<string>());

        await CallbackAsync(click, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "A1", ["components"] = new JsonArray() } });
        var outcome = await click.WaitAsync();
        Assert.Equal("A1", outcome.Content);
        var message = _emulator.State.FindMessage(messageId)!;
        Assert.Equal("Q1", _emulator.State.HistoryOf(message).Single()["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClickButton_UnknownCustomId_IsRefusedBeforeDispatch()
    {
        var posted = await ReadJsonAsync(await _http.PostAsync($"channels/{_channel.Id}/messages", Json(new JsonObject { ["content"] = "no buttons" })));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _user.ClickButtonAsync(posted["id"]!.GetValue<string>(), "nope"));
    }

    [Fact]
    public async Task Select_ChoosesOfferedValue_SendsValues()
    {
        var posted = await ReadJsonAsync(await _http.PostAsync($"channels/{_channel.Id}/messages", Json(JsonNode.Parse("""
            {"content":"Pick","components":[{"type":1,"components":[{"type":3,"custom_id":"pick","options":[{"label":"A","value":"a"},{"label":"B","value":"b"}]}]}]}
            """)!)));
        var messageId = posted["id"]!.GetValue<string>();
        await Assert.ThrowsAsync<ArgumentException>(() => _user.SelectAsync(messageId, "pick", "c"));
        await _user.SelectAsync(messageId, "pick", "b");
        var dispatch = await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        Assert.Equal("b", dispatch["d"]!["data"]!["values"]![0]!.GetValue<string>());
        Assert.Equal(3, dispatch["d"]!["data"]!["component_type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Modal_OpenedAndSubmitted_SendsTypedValues()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        var modal = JsonNode.Parse("""
            {"type":9,"data":{"title":"Your answer","custom_id":"answer:1","components":[
              {"type":1,"components":[{"type":4,"custom_id":"text","label":"Answer","style":2,"max_length":100}]}]}}
            """)!;
        Assert.Equal(HttpStatusCode.NoContent, (await CallbackAsync(handle, modal)).StatusCode);
        Assert.Equal(9, (await handle.WaitAsync()).CallbackType);

        await Assert.ThrowsAsync<ArgumentException>(() => _user.SubmitModalAsync(handle, new Dictionary<string, string> { ["text"] = new string('x', 101) }));
        var submit = await _user.SubmitModalAsync(handle, new Dictionary<string, string> { ["text"] = "Beijing" });
        await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        var dispatch = await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE");
        Assert.Equal(submit.Id, dispatch["d"]!["id"]!.GetValue<string>());
        Assert.Equal(5, dispatch["d"]!["type"]!.GetValue<int>());
        Assert.Equal("Beijing", dispatch["d"]!["data"]!["components"]![0]!["components"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Modal_BeyondLimits_Returns50035()
    {
        var handle = await _user.RunCommandAsync(_channel.Id, "review", _essay);
        var modal = new JsonObject { ["type"] = 9, ["data"] = new JsonObject { ["title"] = new string('t', 46), ["custom_id"] = "m", ["components"] = new JsonArray() } };
        var body = await ReadJsonAsync(await CallbackAsync(handle, modal));
        Assert.Equal("BASE_TYPE_BAD_LENGTH", ErrorCodeAt(body, "data.title"));
        Assert.Equal("BASE_TYPE_BAD_LENGTH", ErrorCodeAt(body, "data.components"));
    }

    [Fact]
    public async Task RunCommand_WithAttachment_ResolvesDownloadableFile()
    {
        var bytes = "id: essay"u8.ToArray();
        await _user.RunCommandAsync(_channel.Id, "deck", CommandOptionInput.Sub("import", new CommandOptionInput("file", new AttachmentInput("essay.yaml", bytes, "application/yaml"))));
        var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE"))["d"]!;
        var sub = d["data"]!["options"]![0]!;
        Assert.Equal("import", sub["name"]!.GetValue<string>());
        var attachmentId = sub["options"]![0]!["value"]!.GetValue<string>();
        var attachment = d["data"]!["resolved"]!["attachments"]![attachmentId]!;
        Assert.Equal("essay.yaml", attachment["filename"]!.GetValue<string>());
        using var cdn = new HttpClient();
        Assert.Equal(bytes, await cdn.GetByteArrayAsync(attachment["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunCommand_MissingRequiredOption_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _user.RunCommandAsync(_channel.Id, "review"));
    }

    [Fact]
    public async Task Autocomplete_TooManyChoices_Returns50035()
    {
        var handle = await _user.AutocompleteAsync(_channel.Id, "review", new CommandOptionInput("deck", "es", Focused: true));
        var choices = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"d{i}", ["value"] = $"d{i}" })]);
        var body = await ReadJsonAsync(await CallbackAsync(handle, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = choices } }));
        Assert.Equal("BASE_TYPE_MAX_LENGTH", ErrorCodeAt(body, "data.choices"));
    }
}
