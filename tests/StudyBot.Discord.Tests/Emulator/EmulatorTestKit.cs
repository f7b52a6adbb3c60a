using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Emulator;

namespace StudyBot.Discord.Tests.Emulator;

/// <summary>Starts emulators and talks to their REST API with a plain HttpClient, as a bot would.</summary>
internal static class EmulatorTestKit
{
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public static async Task<DiscordEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        // Hand-written bodies here are not the bot's: keep them out of the conformance record unless a test asks.
        var options = new EmulatorOptions { IdentifyInterval = TimeSpan.Zero, HeartbeatIntervalMs = 45_000, RecordDirectory = null };
        configure?.Invoke(options);
        var emulator = new DiscordEmulator(options);
        await emulator.StartAsync();
        return emulator;
    }

    public static HttpClient Client(DiscordEmulator emulator, bool authorized = true)
    {
        var client = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl + "/") };
        if (authorized)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", emulator.BotToken);
        }
        return client;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>The first _errors code at a dotted path of a 50035 body, e.g. "embeds.0.title".</summary>
    public static string? ErrorCodeAt(JsonNode body, string path)
    {
        var node = body["errors"];
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[part];
        }
        return node?["_errors"]?[0]?["code"]?.GetValue<string>();
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
