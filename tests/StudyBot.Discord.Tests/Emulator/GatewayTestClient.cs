using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StudyBot.Discord.Tests.Emulator;

/// <summary>A bare WebSocket client for protocol-level gateway tests.</summary>
internal sealed class GatewayTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<GatewayTestClient> ConnectAsync(string gatewayUrl)
    {
        var client = new GatewayTestClient();
        await client._socket.ConnectAsync(new Uri(gatewayUrl + "/?v=10&encoding=json"), CancellationToken.None);
        return client;
    }

    public Task SendAsync(JsonNode frame) => SendRawAsync(frame.ToJsonString());

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (JsonObject)JsonNode.Parse(message.ToArray())!;
    }

    /// <summary>Skips frames until a dispatch named <paramref name="eventName"/>.</summary>
    public async Task<JsonObject> ReceiveDispatchAsync(string eventName, TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync(timeout) ?? throw new InvalidOperationException($"Closed ({CloseStatus}) before {eventName}.");
            if (frame["t"]?.GetValue<string>() == eventName)
            {
                return frame;
            }
        }
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int?> ReceiveCloseAsync()
    {
        try
        {
            while (await ReceiveAsync() is not null)
            {
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
        return (int?)CloseStatus;
    }

    public static JsonObject Identify(string token, int shardId = 0, int shardCount = 1) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = 1,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" },
            ["shard"] = new JsonArray(shardId, shardCount),
        },
    };

    /// <summary>Connects, reads HELLO, identifies, and reads READY.</summary>
    public static async Task<(GatewayTestClient Client, JsonObject Ready)> IdentifiedAsync(string url, string token, int shardId = 0, int shardCount = 1)
    {
        var client = await ConnectAsync(url);
        await client.ReceiveAsync();
        await client.SendAsync(Identify(token, shardId, shardCount));
        var ready = await client.ReceiveDispatchAsync("READY");
        return (client, ready);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server may already be gone; nothing to clean up then.
            }
        }
        _socket.Dispose();
    }
}
