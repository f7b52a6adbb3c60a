using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Emulator;
using StudyBot.Emulator.RateLimits;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

public class EmulatorRateLimitTests : IAsyncLifetime
{
    private const string MessageRoute = "POST /channels/{channel_id}/messages";
    private readonly FakeTimeProvider _clock = NewClock();
    private DiscordEmulator _emulator = null!;
    private HttpClient _http = null!;
    private string _channelA = "";
    private string _channelB = "";

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync(o =>
        {
            o.TimeProvider = _clock;
            o.RateLimits.Routes[MessageRoute] = new RouteLimit(2, TimeSpan.FromSeconds(5));
            o.RateLimits.GlobalPerSecond = 1000;
        });
        _http = Client(_emulator);
        var (guild, a, _) = _emulator.AddGuildWithUser("g", "a", "u");
        _channelA = a.Id;
        _channelB = _emulator.State.AddTextChannel(guild.Id, "b").Id;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string channel) =>
        _http.PostAsync($"channels/{channel}/messages", Json(new JsonObject { ["content"] = "x" }));

    [Fact]
    public async Task Request_WithinBucket_CarriesRateLimitHeaders()
    {
        var response = await PostAsync(_channelA);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-RateLimit-Limit"));
        Assert.Equal("1", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal("5.000", Header(response, "X-RateLimit-Reset-After"));
        Assert.Equal((_clock.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture), Header(response, "X-RateLimit-Reset"));
        Assert.Equal(32, Header(response, "X-RateLimit-Bucket").Length);
    }

    [Fact]
    public async Task Request_AfterBucketExhausted_Gets429AndCountsViolation()
    {
        await PostAsync(_channelA);
        var last = await PostAsync(_channelA);
        Assert.Equal("0", Header(last, "X-RateLimit-Remaining"));
        Assert.Equal(0, _emulator.RateLimitViolations);

        var limited = await PostAsync(_channelA);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("5", Header(limited, "Retry-After"));
        Assert.Equal("user", Header(limited, "X-RateLimit-Scope"));
        var body = await ReadJsonAsync(limited);
        Assert.Equal(5.0, body["retry_after"]!.GetValue<double>());
        Assert.False(body["global"]!.GetValue<bool>());
        Assert.Equal(1, _emulator.RateLimitViolations);
        Assert.Equal(1, _emulator.InvalidRequests);
        Assert.Equal(2, _emulator.State.MessagesIn(_channelA).Count);
    }

    [Fact]
    public async Task SharedBucket_Exhausted_Gets429WithSharedScope()
    {
        await using var emulator = await StartAsync(o => { o.TimeProvider = _clock; o.RateLimits.Routes[MessageRoute] = new RouteLimit(1, TimeSpan.FromSeconds(5), Shared: true); });
        var channel = emulator.AddGuildWithUser("g", "c", "u").Channel.Id;
        using var http = Client(emulator);
        await http.PostAsync($"channels/{channel}/messages", Json(new JsonObject { ["content"] = "x" }));
        var limited = await http.PostAsync($"channels/{channel}/messages", Json(new JsonObject { ["content"] = "x" }));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("shared", Header(limited, "X-RateLimit-Scope"));
    }

    [Fact]
    public async Task Request_AfterReset_IsAllowedWithoutViolation()
    {
        await PostAsync(_channelA);
        await PostAsync(_channelA);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var response = await PostAsync(_channelA);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", Header(response, "X-RateLimit-Remaining"));
        Assert.Equal(0, _emulator.RateLimitViolations);
    }

    [Fact]
    public async Task Buckets_PerMajorParameter_AreIndependentButShareHash()
    {
        await PostAsync(_channelA);
        var a = await PostAsync(_channelA);
        var b = await PostAsync(_channelB);
        Assert.Equal("0", Header(a, "X-RateLimit-Remaining"));
        Assert.Equal("1", Header(b, "X-RateLimit-Remaining"));
        Assert.Equal(Header(a, "X-RateLimit-Bucket"), Header(b, "X-RateLimit-Bucket"));
    }

    [Fact]
    public async Task GlobalLimit_Exceeded_Gets429GlobalAndCountsLaterRequests()
    {
        await using var emulator = await StartAsync(o => { o.TimeProvider = _clock; o.RateLimits.GlobalPerSecond = 3; o.RateLimits.Default = new RouteLimit(100, TimeSpan.FromSeconds(1)); });
        using var http = Client(emulator);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("users/@me")).StatusCode);
        }
        var limited = await http.GetAsync("users/@me");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("true", Header(limited, "X-RateLimit-Global"));
        Assert.Equal("global", Header(limited, "X-RateLimit-Scope"));
        Assert.True((await ReadJsonAsync(limited))["global"]!.GetValue<bool>());
        Assert.Equal(0, emulator.RateLimitViolations);

        await http.GetAsync("users/@me");
        Assert.Equal(1, emulator.RateLimitViolations);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("users/@me")).StatusCode);
    }

    [Fact]
    public async Task GlobalLimit_InteractionCallbacks_AreExempt()
    {
        await using var emulator = await StartAsync(o => { o.TimeProvider = _clock; o.RateLimits.GlobalPerSecond = 1; });
        using var http = Client(emulator);
        await http.GetAsync("users/@me");
        Assert.Equal((HttpStatusCode)429, (await http.GetAsync("users/@me")).StatusCode);
        // An unknown interaction still answers 10062 rather than a global 429.
        var callback = await http.PostAsync("interactions/1/token/callback", Json(new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "x" } }));
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Equal(10062, (await ReadJsonAsync(callback))["code"]!.GetValue<int>());
    }
}
