using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Discord.Models;
using StudyBot.Discord.Rest;

namespace StudyBot.Discord.Tests.Rest;

public class RestClientHeaderTests
{
    private const string Token = "header-test-secret-token";

    [Fact]
    public async Task Send_AnyRequest_SendsBotAuthorizationAndDiscordBotUserAgent()
    {
        var handler = new CapturingHandler(HttpStatusCode.OK, """{"id":"42","username":"StudyBot"}""");
        using var client = NewClient(handler);

        var user = await client.GetCurrentUserAsync();

        Assert.Equal(new Snowflake(42), user.Id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://discord.test/api/v10/users/@me", request.RequestUri!.ToString());
        Assert.Equal("Bot " + Token, request.Headers.Authorization!.ToString());
        Assert.Matches(@"^DiscordBot \(https://example\.org/studybot, \d+\.\d+\.\d+\)$", string.Join(" ", request.Headers.GetValues("User-Agent")));
    }

    [Fact]
    public async Task Send_Forbidden_ThrowsTypedErrorWithoutTokenOrInteractionToken()
    {
        var handler = new CapturingHandler(HttpStatusCode.Forbidden, """{"code":50001,"message":"Missing Access"}""");
        using var client = NewClient(handler);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            client.EditOriginalResponseAsync(1, "interaction-token-value", new MessagePayload { Content = "x" }));

        Assert.Equal(DiscordErrorCode.MissingAccess, error.Code);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.DoesNotContain(Token, error.ToString());
        Assert.DoesNotContain("interaction-token-value", error.ToString());
        Assert.Equal(1, client.InvalidRequestCount);
    }

    [Fact]
    public async Task Send_Cancelled_StopsWaitingForBucket()
    {
        var handler = new CapturingHandler(HttpStatusCode.OK, """{"id":"1","username":"u"}""", remaining: 0, resetAfterSeconds: 60);
        using var client = NewClient(handler, TimeProvider.System);
        await client.GetCurrentUserAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCurrentUserAsync(cancel.Token));
        Assert.Single(handler.Requests);
    }

    private static DiscordRestClient NewClient(HttpMessageHandler handler, TimeProvider? time = null)
        => new(new HttpClient(handler), Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = "https://discord.test/api/v10", UserAgentUrl = "https://example.org/studybot" }), time ?? new FakeTimeProvider(), NullLogger<DiscordRestClient>.Instance);

    // Stands in for Discord's HTTPS endpoint, which tests cannot reach, to see the exact request sent.
    private sealed class CapturingHandler(HttpStatusCode status, string body, int? remaining = null, double? resetAfterSeconds = null) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (remaining is { } left)
            {
                response.Headers.Add("X-RateLimit-Limit", "1");
                response.Headers.Add("X-RateLimit-Remaining", left.ToString());
                response.Headers.Add("X-RateLimit-Reset-After", resetAfterSeconds!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                response.Headers.Add("X-RateLimit-Bucket", "me");
            }

            return Task.FromResult(response);
        }
    }
}
